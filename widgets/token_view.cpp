// SPDX-License-Identifier: GPL-3.0-or-later
#include "token_view.h"

#include "probability_legend.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// Line breaks and tabs would be invisible tokens; show a sign, then the break itself.
QString visibleText(const QString& text)
{
    QString shown = text;
    shown.replace('\t', QStringLiteral("→\t"));
    shown.replace('\n', QStringLiteral("↵\n"));
    return shown;
}

} // namespace

TokenView::TokenView(QWidget* parent) : QWidget(parent)
{
    browser_ = new QTextBrowser;
    browser_->setObjectName("tokenBrowser");
    browser_->setOpenLinks(false);
    browser_->setPlaceholderText(tr("Generated tokens appear here, coloured by probability."));

    auto* legend = new QHBoxLayout;
    legend->addWidget(new QLabel(tr("Probability of each chosen token:")));
    legend->addWidget(new QLabel(tr("low")));
    legend->addWidget(new ProbabilityLegend);
    legend->addWidget(new QLabel(tr("high")));
    legend->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(browser_, 1);
    layout->addLayout(legend);
}

QColor TokenView::probabilityColor(double probability)
{
    const double p = std::clamp(probability, 0.0, 1.0);
    return QColor::fromHsvF(float(p / 3.0), 0.45f, 1.0f); // hue 0 (red) .. 1/3 (green)
}

void TokenView::appendToken(qint64 id, const QString& text, double probability)
{
    const int index = tokens_.size();
    tokens_.append({id, text, probability});

    QTextCharFormat format;
    QColor background = probabilityColor(probability);
    if (index % 2 == 1) {
        background = background.darker(110);
        format.setFontUnderline(true);
        format.setUnderlineColor(palette().color(QPalette::Mid));
    }
    format.setBackground(background);
    format.setForeground(Qt::black);
    format.setToolTip(tokenToolTip(index));

    QScrollBar* bar = browser_->verticalScrollBar();
    const bool following = bar->value() == bar->maximum();
    QTextCursor cursor(browser_->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(visibleText(text), format);
    if (following)
        bar->setValue(bar->maximum());
}

void TokenView::clear()
{
    tokens_.clear();
    browser_->clear();
}

QString TokenView::tokenToolTip(int index) const
{
    if (index < 0 || index >= tokens_.size())
        return {};
    const Token& token = tokens_.at(index);
    return tr("Token %L1, id %L2\n“%3”\nprobability %4")
        .arg(index + 1)
        .arg(token.id)
        .arg(visibleText(token.text))
        .arg(token.probability, 0, 'f', 3);
}
