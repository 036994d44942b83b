// SPDX-License-Identifier: GPL-3.0-or-later
#include "heatmap_plot.h"

#include "custom_plot.h"

#include <QLabel>
#include <QVBoxLayout>

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace {

// Text ticks at every column when they fit, else at every n-th, so labels never run together.
QSharedPointer<QCPAxisTicker> tokenTicker(const QStringList& labels, int room)
{
    if (labels.isEmpty())
        return QSharedPointer<QCPAxisTicker>(new QCPAxisTicker);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const int every = std::max(1, int(std::ceil(labels.size() / double(std::max(1, room)))));
    for (int i = 0; i < labels.size(); i += every)
        ticker->addTick(i, labels.at(i));
    return ticker;
}

} // namespace

HeatmapPlot::HeatmapPlot(QWidget* parent) : QWidget(parent)
{
    plot_ = new QCustomPlot(this);
    plot_->setMinimumHeight(120);
    map_ = new QCPColorMap(plot_->xAxis, plot_->yAxis);
    auto* scale = new QCPColorScale(plot_);
    plot_->plotLayout()->addElement(0, 1, scale);
    scale->setBarWidth(8);
    map_->setColorScale(scale);
    map_->setInterpolate(false);
    auto* margins = new QCPMarginGroup(plot_);
    plot_->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    plot_->xAxis->setTickLabelRotation(60);
    plot_->setMouseTracking(true); // the read-out follows the mouse without a button held
    connect(plot_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) { showCellAt(event->position()); });

    readout_ = new QLabel;
    readout_->setObjectName("heatmapReadout");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_, 1);
    layout->addWidget(readout_);
    clear();
}

void HeatmapPlot::clear()
{
    map_->data()->clear();
    map_->setVisible(false);
    readout_->setText(tr("Point at a cell to read its value."));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapPlot::showMatrix(const at::Tensor& values, const Axes& axes)
{
    axes_ = axes;
    const auto cells = values.to(torch::kDouble).contiguous();
    const int columns = int(cells.size(0)), rows = int(cells.size(1));
    auto* data = map_->data();
    data->setSize(columns, rows);
    data->setRange(QCPRange(0, std::max(columns - 1, 1)), QCPRange(0, std::max(rows - 1, 1)));
    const double* cell = cells.data_ptr<double>();
    for (int x = 0; x < columns; ++x)
        for (int y = 0; y < rows; ++y)
            data->setCell(x, y, cell[x * rows + y]);
    const double largest = std::max(cells.abs().max().item<double>(), 1e-12);
    map_->setGradient(QCPColorGradient(axes.signedValues ? QCPColorGradient::gpPolar : QCPColorGradient::gpThermal));
    map_->setDataRange(axes.signedValues ? QCPRange(-largest, largest) : QCPRange(0, largest));
    map_->colorScale()->axis()->setLabel(axes.valueName);
    map_->setVisible(true);

    plot_->xAxis->setLabel(axes.xTitle);
    plot_->yAxis->setLabel(axes.yTitle);
    plot_->xAxis->setTicker(tokenTicker(axes.xLabels, plot_->width() / 28));
    plot_->yAxis->setTicker(tokenTicker(axes.yLabels, plot_->height() / 18));
    plot_->yAxis->setRangeReversed(axes.yDownwards);
    plot_->xAxis->setRange(-0.5, columns - 0.5);
    plot_->yAxis->setRange(-0.5, rows - 0.5);
    readout_->setText(tr("Point at a cell to read its value."));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString HeatmapPlot::label(const QStringList& labels, int index) const
{
    return labels.isEmpty() ? QString::number(index) : tr("“%1” (%2)").arg(labels.value(index)).arg(index);
}

void HeatmapPlot::showCellAt(const QPointF& position)
{
    if (!map_->visible())
        return;
    double key = 0, value = 0;
    map_->pixelsToCoords(position, key, value);
    auto* data = map_->data();
    const int x = int(std::lround(key)), y = int(std::lround(value));
    if (x < 0 || y < 0 || x >= data->keySize() || y >= data->valueSize())
        return;
    readout_->setText(tr("%1 %2, %3 %4: %5 = %L6")
                          .arg(axes_.xTitle, label(axes_.xLabels, x), axes_.yTitle, label(axes_.yLabels, y),
                               axes_.valueName)
                          .arg(data->cell(x, y), 0, 'g', 4));
}

QString HeatmapPlot::readout() const { return readout_->text(); }
