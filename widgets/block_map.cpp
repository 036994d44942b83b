// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_map.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kGap = 4;
constexpr double kLowestRatioLog = -6; // an empty bar
constexpr double kHighestRatioLog = -1; // a full bar

// 3,150,336 as "3.15 M", 18,900,000 as "18.9 M": three significant digits and a unit.
QString compact(double value)
{
    const QLocale locale;
    const auto scaled = [&](double unit, const QString& suffix) {
        const double v = value / unit;
        return locale.toString(v, 'f', v >= 100 ? 0 : v >= 10 ? 1 : 2) + suffix;
    };
    if (value >= 1e9)
        return scaled(1e9, QStringLiteral(" G"));
    if (value >= 1e6)
        return scaled(1e6, QStringLiteral(" M"));
    if (value >= 1e3)
        return scaled(1e3, QStringLiteral(" k"));
    return locale.toString(value, 'f', 0);
}

QString percent(double share) { return QLocale().toString(share * 100, 'f', 1) + QStringLiteral(" %"); }

bool recorded(double ratio) { return std::isfinite(ratio) && ratio > 0; }

} // namespace

BlockMap::BlockMap(QWidget* parent) : QWidget(parent)
{
    setObjectName("blockMap");
    setMouseTracking(true);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Click a block for its tensors. The bar shows how far the last recorded optimizer step moved the "
                  "block's weights, relative to their size (log scale, 1e-6 to 1e-1): around 1e-3 is usual, far "
                  "below means the block barely learns, far above that it takes large steps."));
}

void BlockMap::setBlocks(const std::vector<BlockBox>& blocks)
{
    blocks_ = blocks;
    selected_ = blocks_.empty() ? -1 : std::clamp(selected_, 0, int(blocks_.size()) - 1);
    updateGeometry();
    update();
}

void BlockMap::setUpdateRatios(const std::vector<double>& ratios)
{
    for (size_t i = 0; i < blocks_.size(); ++i)
        blocks_[i].updateRatio = i < ratios.size() ? ratios[i] : -1;
    update();
}

void BlockMap::setSelected(int index)
{
    if (index < 0 || index >= int(blocks_.size()) || index == selected_)
        return;
    selected_ = index;
    update();
}

int BlockMap::rowHeight() const { return fontMetrics().height() + 10; }

QRect BlockMap::boxRect(int index) const
{
    return QRect(kGap, kGap + index * (rowHeight() + kGap), width() - 2 * kGap, rowHeight());
}

QStringList BlockMap::boxTexts(int index) const
{
    const BlockBox& box = blocks_.at(static_cast<size_t>(index));
    return {box.name,
            compact(double(box.parameters)),
            percent(box.parameterShare),
            tr("%1FLOP").arg(compact(box.flopsPerToken)),
            percent(box.flopsShare),
            recorded(box.updateRatio) ? QLocale().toString(box.updateRatio, 'e', 1) : tr("–")};
}

double BlockMap::barFraction(double ratio)
{
    if (!recorded(ratio))
        return 0;
    return std::clamp((std::log10(ratio) - kLowestRatioLog) / (kHighestRatioLog - kLowestRatioLog), 0.0, 1.0);
}

QSize BlockMap::sizeHint() const
{
    return {fontMetrics().averageCharWidth() * 68, kGap + int(blocks_.size()) * (rowHeight() + kGap)};
}

QSize BlockMap::minimumSizeHint() const { return {fontMetrics().averageCharWidth() * 60, sizeHint().height()}; }

QColor BlockMap::kindColor(BlockBox::Kind kind)
{
    switch (kind) {
    case BlockBox::Kind::Embedding:
        return QColor(0xe0, 0xe0, 0xe0);
    case BlockBox::Kind::Hybrid:
        return QColor(0xcc, 0xe8, 0xe4);
    case BlockBox::Kind::Attention:
        return QColor(0xfa, 0xdf, 0xc4);
    case BlockBox::Kind::Head:
        return QColor(0xe2, 0xd9, 0xf0);
    }
    return Qt::white;
}

// Blue while the weights barely move, green around the usual 1e-3, red for large steps.
QColor BlockMap::ratioColor(double ratio)
{
    const double log = std::log10(ratio);
    if (log < -4.5)
        return QColor(0x5b, 0x8d, 0xc9);
    if (log <= -2)
        return QColor(0x3c, 0xa0, 0x55);
    return QColor(0xd0, 0x45, 0x3a);
}

void BlockMap::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics = fontMetrics();
    const int unit = metrics.averageCharWidth();
    // Columns: name, parameters, share, FLOPs, share, then the bar and its value.
    const int columns[] = {unit * 14, unit * 9, unit * 8, unit * 11, unit * 8};
    for (int i = 0; i < int(blocks_.size()); ++i) {
        const QRect box = boxRect(i);
        painter.setPen(i == selected_ ? QPen(palette().highlight(), 2.5) : QPen(QColor(0x90, 0x90, 0x90), 1));
        painter.setBrush(kindColor(blocks_[size_t(i)].kind));
        painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), 5, 5);
        const QStringList texts = boxTexts(i);
        painter.setPen(palette().color(QPalette::Text));
        int x = box.left() + unit;
        for (int column = 0; column < 5; ++column) {
            QFont font = painter.font();
            font.setBold(column == 0);
            painter.setFont(font);
            const Qt::Alignment align = column == 0 ? Qt::AlignLeft : Qt::AlignRight;
            painter.drawText(QRect(x, box.top(), columns[column] - unit, box.height()), align | Qt::AlignVCenter,
                             texts[column]);
            x += columns[column];
        }
        const QRect value(box.right() - unit * 8, box.top(), unit * 8 - unit / 2, box.height());
        painter.drawText(value, Qt::AlignRight | Qt::AlignVCenter, texts[5]);
        const QRect track(x + unit, box.top() + box.height() / 3, value.left() - x - 2 * unit, box.height() / 3);
        if (track.width() <= 0)
            continue;
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 200));
        painter.drawRect(track);
        const double ratio = blocks_[size_t(i)].updateRatio;
        if (recorded(ratio)) {
            painter.setBrush(ratioColor(ratio));
            painter.drawRect(QRectF(track.left(), track.top(), track.width() * barFraction(ratio), track.height()));
        }
    }
}

int BlockMap::boxAt(const QPoint& point) const
{
    for (int i = 0; i < int(blocks_.size()); ++i)
        if (boxRect(i).contains(point))
            return i;
    return -1;
}

void BlockMap::mousePressEvent(QMouseEvent* event)
{
    const int index = boxAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || index < 0)
        return QWidget::mousePressEvent(event);
    setSelected(index);
    Q_EMIT blockClicked(index);
}
