// SPDX-License-Identifier: GPL-3.0-or-later
// Generated text shown token by token, for the curious: each token's background says how likely
// it was under the distribution it was drawn from (a legend explains the colours), alternate
// tokens are underlined so boundaries stay visible between tokens of similar colour, and hovering
// a token shows its id, text and probability.
#pragma once

#include <QColor>
#include <QString>
#include <QVector>
#include <QWidget>

class QTextBrowser;

class TokenView : public QWidget {
    Q_OBJECT
public:
    explicit TokenView(QWidget* parent = nullptr);

    void appendToken(qint64 id, const QString& text, double probability);
    void clear();
    int tokenCount() const { return tokens_.size(); }
    // The tooltip of token `index` (0-based).
    QString tokenToolTip(int index) const;

    // Red (unlikely) through yellow to green (likely), light enough to read text on.
    static QColor probabilityColor(double probability);

private:
    struct Token {
        qint64 id;
        QString text;
        double probability;
    };

    QTextBrowser* browser_ = nullptr;
    QVector<Token> tokens_;
};
