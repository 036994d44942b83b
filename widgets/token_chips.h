// SPDX-License-Identifier: GPL-3.0-or-later
// A token sequence as chips, one per 2-3-character chunk, wrapped like text: each chip's colour
// says how probable the model found the token given the ones before (TokenView's scale), prompt
// chips have a grey outline, a picked alternative a blue one, and the selected chip a dark frame.
// Hovering a chip shows its numbers; clicking selects it.
#pragma once

#include "workbench_job.h"

#include <QColor>
#include <QRect>
#include <QString>
#include <QVector>
#include <QWidget>

class TokenChips : public QWidget {
    Q_OBJECT
public:
    explicit TokenChips(QWidget* parent = nullptr);

    void setSequence(const SharedTokenSequence& sequence);
    const SharedTokenSequence& sequence() const { return sequence_; }

    int chipCount() const { return rects_.size(); }
    QRect chipRect(int index) const; // in this widget's coordinates
    QString chipText(int index) const;
    QColor chipColor(int index) const;
    QString chipToolTip(int index) const;

    int selected() const { return selected_; }
    void select(int index); // -1 clears the selection

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

Q_SIGNALS:
    void tokenSelected(int index);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // The chips' rectangles for a width, wrapped like words; a chip holding a line break ends its row.
    QVector<QRect> layoutFor(int width) const;
    int chipAt(const QPoint& point) const;

    SharedTokenSequence sequence_;
    QVector<QString> texts_;
    QVector<QRect> rects_;
    int selected_ = -1;
    int hovered_ = -1;
};
