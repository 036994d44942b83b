// SPDX-License-Identifier: GPL-3.0-or-later
#include "probability_legend.h"

#include "token_view.h"

#include <QLinearGradient>
#include <QPainter>

ProbabilityLegend::ProbabilityLegend(QWidget* parent) : QWidget(parent) { setFixedSize(140, 14); }

void ProbabilityLegend::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    QLinearGradient gradient(rect().topLeft(), rect().topRight());
    for (const double p : {0.0, 0.25, 0.5, 0.75, 1.0})
        gradient.setColorAt(p, TokenView::probabilityColor(p));
    painter.fillRect(rect(), gradient);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}
