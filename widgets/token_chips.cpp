// SPDX-License-Identifier: GPL-3.0-or-later
#include "token_chips.h"

#include "probability_text.h"
#include "token_view.h"
#include "visible_token.h"

#include "inspect/next_token_distribution.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace {

constexpr int kPadding = 4; // inside a chip, left and right
constexpr int kGap = 3;     // between chips and rows

const QColor kPromptOutline(0x75, 0x75, 0x75);
const QColor kPickedOutline(0x15, 0x65, 0xc0);
const QColor kNoProbability(0xee, 0xee, 0xee);

} // namespace

TokenChips::TokenChips(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void TokenChips::setSequence(const SharedTokenSequence& sequence)
{
    sequence_ = sequence;
    texts_.clear();
    if (sequence_)
        for (const auto& token : sequence_->tokens)
            texts_ << visibleToken(QString::fromStdString(token.text));
    selected_ = hovered_ = -1;
    rects_ = layoutFor(width());
    updateGeometry();
    update();
}

QVector<QRect> TokenChips::layoutFor(int width) const
{
    QVector<QRect> rects;
    const QFontMetrics metrics(font());
    const int height = metrics.height() + 4;
    int x = 0, y = 0;
    for (int i = 0; i < texts_.size(); ++i) {
        const int chipWidth = metrics.horizontalAdvance(texts_.at(i)) + 2 * kPadding;
        if (x > 0 && x + chipWidth > width) {
            x = 0;
            y += height + kGap;
        }
        rects << QRect(x, y, chipWidth, height);
        x += chipWidth + kGap;
        if (texts_.at(i).contains(QChar(0x21B5))) {
            x = 0;
            y += height + kGap;
        }
    }
    return rects;
}

int TokenChips::heightForWidth(int width) const
{
    const auto rects = layoutFor(width);
    return rects.isEmpty() ? 0 : rects.last().bottom() + 1;
}

QSize TokenChips::sizeHint() const { return QSize(400, heightForWidth(400)); }

void TokenChips::resizeEvent(QResizeEvent*) { rects_ = layoutFor(width()); }

QRect TokenChips::chipRect(int index) const { return index >= 0 && index < rects_.size() ? rects_.at(index) : QRect(); }

QString TokenChips::chipText(int index) const { return index >= 0 && index < texts_.size() ? texts_.at(index) : QString(); }

QColor TokenChips::chipColor(int index) const
{
    if (!sequence_ || index < 0 || index >= int(sequence_->tokens.size()))
        return {};
    const auto& probability = sequence_->tokens[size_t(index)].probability;
    return probability ? TokenView::probabilityColor(*probability) : kNoProbability;
}

QString TokenChips::chipToolTip(int index) const
{
    if (!sequence_ || index < 0 || index >= int(sequence_->tokens.size()))
        return {};
    const auto& token = sequence_->tokens[size_t(index)];
    QString tip = tr("Token %L1, id %L2: “%3”").arg(index).arg(token.id).arg(chipText(index));
    if (token.unknown)
        tip += QLatin1Char('\n') + tr("The unknown token: the vocabulary has no chunk for the text here (a "
                                      "prompt's last single letter often becomes it, as in the reference)");
    if (!token.probability)
        return tip + QLatin1Char('\n') + tr("The first token: nothing before it predicts it.");
    tip += QLatin1Char('\n') + tr("Probability %1 (rank %L2), entropy %L3 bits")
                                   .arg(probabilityText(*token.probability))
                                   .arg(token.rank)
                                   .arg(i3::nats_to_bits(token.entropy_nats), 0, 'f', 2);
    if (token.sampled_probability)
        tip += QLatin1Char('\n') +
               tr("Drawn with probability %1 by the sampler").arg(probabilityText(*token.sampled_probability));
    if (token.source == i3::TokenSource::Picked)
        tip += QLatin1Char('\n') + tr("Picked by hand: the text branches here");
    tip += QLatin1Char('\n') + tr("Click for the alternatives.");
    return tip;
}

void TokenChips::select(int index)
{
    selected_ = index >= 0 && index < rects_.size() ? index : -1;
    update();
}

int TokenChips::chipAt(const QPoint& point) const
{
    for (int i = 0; i < rects_.size(); ++i)
        if (rects_.at(i).contains(point))
            return i;
    return -1;
}

bool TokenChips::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int index = chipAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), chipToolTip(index), this, chipRect(index));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void TokenChips::mousePressEvent(QMouseEvent* event)
{
    const int index = chipAt(event->position().toPoint());
    if (index < 0)
        return;
    select(index);
    Q_EMIT tokenSelected(index);
}

void TokenChips::mouseMoveEvent(QMouseEvent* event)
{
    const int index = chipAt(event->position().toPoint());
    if (index != hovered_) {
        hovered_ = index;
        setCursor(index >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void TokenChips::leaveEvent(QEvent*)
{
    hovered_ = -1;
    update();
}

void TokenChips::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < rects_.size(); ++i) {
        const QRectF chip = QRectF(rects_.at(i)).adjusted(0.5, 0.5, -0.5, -0.5);
        const auto source = sequence_->tokens[size_t(i)].source;
        QColor fill = chipColor(i);
        if (i == hovered_)
            fill = fill.darker(112);
        QPen outline(Qt::NoPen);
        if (i == selected_)
            outline = QPen(Qt::black, 2);
        else if (source == i3::TokenSource::Picked)
            outline = QPen(kPickedOutline, 2);
        else if (source == i3::TokenSource::Prompt)
            outline = QPen(kPromptOutline, 1);
        painter.setPen(outline);
        painter.setBrush(fill);
        painter.drawRoundedRect(chip, 3, 3);
        painter.setPen(Qt::black);
        painter.drawText(chip, Qt::AlignCenter, texts_.at(i));
    }
}
