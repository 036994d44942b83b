// SPDX-License-Identifier: GPL-3.0-or-later
#include "eigenvalue_plot.h"

#include "custom_plot.h"

#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

EigenvaluePlot::EigenvaluePlot(QWidget* parent) : QWidget(parent)
{
    plot_ = new QCustomPlot(this);
    plot_->setMinimumHeight(120);
    plot_->xAxis->setLabel(tr("Re λ"));
    plot_->yAxis->setLabel(tr("Im λ"));

    auto* circle = new QCPCurve(plot_->xAxis, plot_->yAxis);
    circle->setName(tr("unit circle"));
    circle->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    const int segments = 180;
    for (int i = 0; i <= segments; ++i) {
        const double angle = 2 * M_PI * i / segments;
        circle->addData(i, std::cos(angle), std::sin(angle));
    }
    points_ = new QCPCurve(plot_->xAxis, plot_->yAxis);
    points_->setName(tr("eigenvalues"));
    points_->setLineStyle(QCPCurve::lsNone);
    points_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(31, 119, 180), 6));
    // The square keeps its shape whatever size the plot is laid out at.
    connect(plot_, &QCustomPlot::afterLayout, this, &EigenvaluePlot::keepAspect);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    clear();
}

void EigenvaluePlot::showEigenvalues(const std::vector<std::complex<double>>& eigenvalues)
{
    points_->data()->clear();
    reach_ = 1.1;
    for (size_t i = 0; i < eigenvalues.size(); ++i) {
        points_->addData(double(i), eigenvalues[i].real(), eigenvalues[i].imag());
        reach_ = std::max(reach_, 1.1 * std::abs(eigenvalues[i]));
    }
    keepAspect();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void EigenvaluePlot::keepAspect()
{
    plot_->yAxis->setRange(-reach_, reach_);
    plot_->xAxis->setRange(-reach_, reach_);
    const QRect rect = plot_->axisRect()->rect();
    if (rect.width() > 0 && rect.height() > 0 && rect.width() < rect.height())
        plot_->yAxis->setScaleRatio(plot_->xAxis, 1.0);
    else if (rect.width() > 0 && rect.height() > 0)
        plot_->xAxis->setScaleRatio(plot_->yAxis, 1.0);
}
