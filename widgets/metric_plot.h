// SPDX-License-Identifier: GPL-3.0-or-later
// A live line plot of named series (loss, learning rate, memory, ...) that stays smooth however
// many points arrive. The plot keeps every point it is given, but draws a decimated copy: over
// the visible x range it keeps, per bucket of about one pixel, the lowest and the highest point
// (curves/min_max_decimation.h), so a spike stays visible while 100,000 points cost no more to
// draw than a thousand. Redraws are throttled by a timer (at most five a second), so feeding it
// every training step is cheap. As in TensorBoard, lines can be smoothed (a debiased EMA drawn
// over the raw curve, which stays faint behind), the x axis can be logarithmic, and hovering
// shows each series' value at the nearest point.
#pragma once

#include "metrics_csv.h"

#include <QColor>
#include <QHash>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <vector>

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;
class QLabel;
class QMenu;
class QToolButton;

class MetricPlot : public QWidget {
    Q_OBJECT
public:
    enum class Axis { Left, Right };

    explicit MetricPlot(const QString& title = QString(), QWidget* parent = nullptr);

    // Adds an empty series; `id` names it in the calls below, `label` in the legend and the CSV
    // header. Dots mark each shown point (for sparse series such as evaluations).
    void addSeries(const QString& id, const QString& label, const QColor& color, Axis axis = Axis::Left,
                   bool dots = false);
    void removeSeries(const QString& id);
    bool hasSeries(const QString& id) const { return series_.contains(id); }
    QStringList seriesIds() const { return order_; }

    // Adds points (x need not be sorted, though appending in x order is cheapest). Points whose y
    // is not finite are kept in the data but not drawn.
    void appendPoints(const QString& id, const QVector<double>& x, const QVector<double>& y);
    void appendPoint(const QString& id, double x, double y) { appendPoints(id, {x}, {y}); }
    // Replaces a series' points.
    void setSeries(const QString& id, const QVector<double>& x, const QVector<double>& y);
    // Removes every point of every series (the series stay).
    void clear();

    // Events on the x axis (evaluations, checkpoints, ...): each kind a dashed vertical line in
    // its colour at every x given, with one legend entry; the read-out names those near the cursor.
    void addMarkerKind(const QString& kind, const QString& label, const QColor& color);
    void addMarker(const QString& kind, double x);
    QVector<double> markers(const QString& kind) const;
    // Removes every marker (the kinds stay).
    void clearMarkers();

    void setTitle(const QString& title);
    void setAxisLabels(const QString& x, const QString& left, const QString& right = QString());
    // The legend shows once there are two series; `always` shows it for one too.
    void setLegendAlwaysShown(bool always);
    // A linear y axis that always reaches down (or up) to zero, for memory and percentages.
    void setIncludeZero(Axis axis, bool on);

    // Logarithmic left y axis; points at or below zero are then not drawn.
    void setLogScale(bool on);
    bool isLogScale() const { return logScale_; }
    // Logarithmic x axis; points at or below zero are then not drawn.
    void setLogX(bool on);
    bool isLogX() const { return logX_; }
    // Smooths every line series (not the dotted ones) with a debiased EMA of this weight
    // (0: raw; curves/ema_smoothing.h); the raw curve stays, faint, behind the smoothed one.
    void setSmoothing(double weight);
    double smoothing() const { return smoothing_; }
    // The smoothed points drawn (after decimation) of a series; empty while not smoothed.
    QVector<QPointF> shownSmoothedPoints(const QString& id) const;

    // The read-out for the point nearest to `x` in each series: the x, then one line per series
    // ("label: value", and the smoothed value beside it when smoothing), as hovering shows it.
    QString readoutAt(double x) const;
    // Shows the read-out and a vertical line at `x`, as the mouse does; hideReadout() removes them.
    void showReadout(double x);
    void hideReadout();
    QString shownReadout() const;
    // Auto range shows every point; dragging or zooming the x axis turns it off, a double click
    // (or "Fit all") turns it back on. The y axes always fit the points in view.
    void setAutoRange(bool on);
    bool isAutoRange() const { return autoRange_; }
    void setXRange(double lower, double upper);

    int pointCount(const QString& id) const;
    // Points drawn after decimation (as of the last redraw; refreshNow() redraws at once).
    int shownPointCount(const QString& id) const;
    QVector<QPointF> shownPoints(const QString& id) const;
    MetricColumn column(const QString& id) const;

    // Draws pending changes now instead of at the next timer tick.
    void refreshNow();

    // Writes the plot as a PNG of the given size (0: the size on screen, or 800x500 when it has
    // not been laid out yet).
    bool savePng(const QString& path, int width = 0, int height = 0);
    // Writes every series with writeMetricsCsv(), x headed by the x axis label.
    bool saveCsv(const QString& path, QString* error = nullptr) const;

    QCustomPlot* customPlot() const { return plot_; }

Q_SIGNALS:
    void logScaleChanged(bool on);

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Series {
        QString label;
        QColor color;
        std::vector<double> x, y;
        bool sorted = true;
        bool dots = false; // a dot on every point, not only on a lone one
        QCPGraph* graph = nullptr;
        QCPGraph* smoothGraph = nullptr; // lines only: the smoothed curve over the raw one
        std::vector<double> smoothed;    // as of the last redraw
    };

    struct MarkerKind {
        QString label;
        QColor color;
        QVector<double> x;
        QList<QCPItemStraightLine*> lines;
        QCPGraph* legendEntry = nullptr; // no points: only its legend item, in the markers' pen
    };

    QStringList markersNear(double x) const;
    void scheduleRedraw();
    void redraw();
    void sortIfNeeded(Series& series);
    void fitXToData();
    void fitYToShown();
    int bucketCount() const;
    void drawSeries(Series& series, double lower, double upper, int buckets);
    bool smoothingShown(const Series& series) const { return series.smoothGraph && smoothing_ > 0; }
    void updateLegend();
    void fitLegendColumns();
    void showMenu(const QPoint& globalPosition);
    void exportPngInteractively();
    void exportCsvInteractively();

    QCustomPlot* plot_ = nullptr;
    QLabel* titleLabel_ = nullptr;
    QToolButton* logButton_ = nullptr;
    QMenu* menu_ = nullptr;
    QHash<QString, Series> series_;
    QStringList order_;
    QHash<QString, MarkerKind> markerKinds_;
    QStringList markerOrder_;
    QString xLabel_;
    QTimer redrawTimer_;
    bool pending_ = false;
    bool logScale_ = false;
    bool logX_ = false;
    double smoothing_ = 0;
    QCPItemText* readout_ = nullptr;
    QCPItemStraightLine* cursor_ = nullptr;
    bool autoRange_ = true;
    bool settingRange_ = false; // our own range changes do not turn auto range off
    bool legendAlways_ = false;
    bool leftIncludesZero_ = false;
    bool rightIncludesZero_ = false;
};
