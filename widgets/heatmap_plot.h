// SPDX-License-Identifier: GPL-3.0-or-later
// A matrix as a colour map whose axes may be labelled with the prompt's tokens, with a colour
// scale and a read-out of the cell under the mouse: the Inspect panel's recurrent states and
// attention maps.
#pragma once

#include <ATen/Tensor.h>

#include <QString>
#include <QStringList>
#include <QWidget>

class QCPColorMap;
class QCustomPlot;
class QLabel;

class HeatmapPlot : public QWidget {
    Q_OBJECT
public:
    struct Axes {
        QString xTitle, yTitle, valueName;
        QStringList xLabels, yLabels; // one per column / row; empty: numbered
        bool yDownwards = false;      // row 0 at the top, as a matrix is read
        bool signedValues = true;     // a diverging scale centred on 0; else 0 .. largest
    };

    explicit HeatmapPlot(QWidget* parent = nullptr);

    // values: [columns, rows] (x, y); cell (x, y) shows values[x][y].
    void showMatrix(const at::Tensor& values, const Axes& axes);
    void clear();

    QCustomPlot* plot() const { return plot_; }
    QCPColorMap* colorMap() const { return map_; }
    QString readout() const;

private:
    void showCellAt(const QPointF& position);
    QString label(const QStringList& labels, int index) const;

    QCustomPlot* plot_ = nullptr;
    QCPColorMap* map_ = nullptr;
    QLabel* readout_ = nullptr;
    Axes axes_;
};
