// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_map.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace {

constexpr int kGap = 4;
constexpr double kLowestRatioLog = -6; // an empty bar
constexpr double kHighestRatioLog = -1; // a full bar

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
    return QRect(kGap, rowHeight() + index * (rowHeight() + kGap), width() - 2 * kGap, rowHeight());
}

QStringList BlockMap::headers() const
{
    return {tr("block"), tr("parameters"), tr("share"), tr("FLOPs"), tr("share"), tr("Δw / w")};
}

// The widths of the text columns (name, parameters, share, FLOPs, share, ratio): the widest of
// their header and of what they may hold.
std::vector<int> BlockMap::columnWidths() const
{
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics plain(font()), strong(bold);
    int name = 0;
    for (const auto& box : blocks_)
        name = std::max(name, strong.horizontalAdvance(box.name));
    const QStringList widest = {QString(), QStringLiteral("88.8 M"), QStringLiteral("100.0 %"),
                                QStringLiteral("88.8 M"), QStringLiteral("100.0 %"), QStringLiteral("8.8e-08")};
    const QStringList titles = headers();
    const int pad = plain.averageCharWidth() * 3 / 2;
    std::vector<int> widths;
    for (int column = 0; column < int(titles.size()); ++column)
        widths.push_back(std::max(column == 0 ? name : plain.horizontalAdvance(widest[column]),
                                  plain.horizontalAdvance(titles[column])) + pad);
    return widths;
}

int BlockMap::barMinimum() const { return fontMetrics().averageCharWidth() * 6; }

QStringList BlockMap::boxTexts(int index) const
{
    const BlockBox& box = blocks_.at(static_cast<size_t>(index));
    return {box.name,
            compact(double(box.parameters)),
            percent(box.parameterShare),
            compact(box.flopsPerToken),
            percent(box.flopsShare),
            recorded(box.updateRatio) ? QLocale().toString(box.updateRatio, 'e', 1) : tr("–")};
}

double BlockMap::barFraction(double ratio)
{
    if (!recorded(ratio))
        return 0;
    return std::clamp((std::log10(ratio) - kLowestRatioLog) / (kHighestRatioLog - kLowestRatioLog), 0.0, 1.0);
}

QString BlockMap::compact(double value)
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

QSize BlockMap::minimumSizeHint() const
{
    int width = 2 * kGap + barMinimum() + fontMetrics().averageCharWidth();
    for (const int column : columnWidths())
        width += column;
    return {width, rowHeight() + int(blocks_.size()) * (rowHeight() + kGap)};
}

QSize BlockMap::sizeHint() const { return minimumSizeHint() + QSize(barMinimum(), 0); }

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

// Columns, left to right: name, parameters, share, FLOPs, share, the bar (what is left), ratio.
void BlockMap::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const std::vector<int> widths = columnWidths();
    const int unit = fontMetrics().averageCharWidth();
    const int textWidth = std::accumulate(widths.begin(), widths.end() - 1, 0);
    const int bar = std::max(barMinimum(), width() - 2 * kGap - unit - textWidth - widths.back());
    const auto drawRow = [&](const QRect& row, const QStringList& texts, bool boldName) {
        int x = row.left() + unit;
        for (int column = 0; column < int(texts.size()); ++column) {
            if (column == 5)
                x += bar;
            QFont font = painter.font();
            font.setBold(boldName && column == 0);
            painter.setFont(font);
            const Qt::Alignment align = column == 0 ? Qt::AlignLeft : Qt::AlignRight;
            painter.drawText(QRect(x, row.top(), widths[size_t(column)] - unit, row.height()), align | Qt::AlignVCenter,
                             texts[column]);
            x += widths[size_t(column)];
        }
        return row.left() + unit + textWidth; // where the bar starts
    };
    painter.setPen(palette().color(QPalette::PlaceholderText));
    drawRow(QRect(kGap, 0, width() - 2 * kGap, rowHeight()), headers(), false);
    for (int i = 0; i < int(blocks_.size()); ++i) {
        const QRect box = boxRect(i);
        painter.setPen(i == selected_ ? QPen(palette().highlight(), 2.5) : QPen(QColor(0x90, 0x90, 0x90), 1));
        painter.setBrush(kindColor(blocks_[size_t(i)].kind));
        painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), 5, 5);
        painter.setPen(palette().color(QPalette::Text));
        const int barLeft = drawRow(box, boxTexts(i), true);
        const QRect track(barLeft + unit / 2, box.top() + box.height() / 3, bar - unit, box.height() / 3);
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
