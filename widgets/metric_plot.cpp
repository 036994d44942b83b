// SPDX-License-Identifier: GPL-3.0-or-later
#include "metric_plot.h"

#include "curves/ema_smoothing.h"
#include "curves/min_max_decimation.h"
#include "custom_plot.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace {

constexpr int kRedrawIntervalMs = 200; // at most five redraws a second
constexpr int kMinBuckets = 200;
constexpr int kMaxBuckets = 4000;
constexpr int kDotSize = 5;
constexpr int kPixelsPerXTick = 55; // room for a label such as "12,000" and a gap

// The raw curve behind a smoothed one, as TensorBoard draws it.
constexpr int kFaintAlpha = 60;

QString numberText(double value) { return QLocale().toString(value, 'g', 5); }

// A little room around [lower, upper], so the extreme points are not drawn on the frame.
QCPRange padded(double lower, double upper, bool logScale)
{
    if (logScale) {
        const double factor = upper > lower ? std::pow(upper / lower, 0.05) : 1.5;
        return {lower / factor, upper * factor};
    }
    double span = upper - lower;
    if (span <= 0)
        span = std::max(std::abs(upper) * 0.1, 1e-9);
    return {lower - 0.05 * span, upper + 0.05 * span};
}

// A file name suggested for an export: the plot's title in lower case, words joined by '-'.
QString fileNameFor(const QString& title, const QString& fallback)
{
    QString name = title.toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    name.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    return name.isEmpty() ? fallback : name;
}

} // namespace

MetricPlot::MetricPlot(const QString& title, QWidget* parent) : QWidget(parent)
{
    titleLabel_ = new QLabel(title, this);
    QFont bold = titleLabel_->font();
    bold.setBold(true);
    titleLabel_->setFont(bold);

    logButton_ = new QToolButton(this);
    logButton_->setObjectName("logScaleButton");
    logButton_->setText(tr("log"));
    logButton_->setToolTip(tr("Logarithmic y axis"));
    logButton_->setCheckable(true);
    logButton_->setAutoRaise(true);
    connect(logButton_, &QToolButton::toggled, this, &MetricPlot::setLogScale);

    menu_ = new QMenu(this);
    QAction* logAction = menu_->addAction(tr("Log scale"));
    logAction->setCheckable(true);
    connect(logAction, &QAction::toggled, this, &MetricPlot::setLogScale);
    connect(this, &MetricPlot::logScaleChanged, logAction, &QAction::setChecked);
    menu_->addAction(tr("Fit all"), this, [this] { setAutoRange(true); });
    menu_->addSeparator();
    menu_->addAction(tr("Export PNG…"), this, &MetricPlot::exportPngInteractively);
    menu_->addAction(tr("Export CSV…"), this, &MetricPlot::exportCsvInteractively);

    auto* menuButton = new QToolButton(this);
    menuButton->setObjectName("plotMenuButton");
    menuButton->setText(tr("⋯"));
    menuButton->setToolTip(tr("Fit, export"));
    menuButton->setAutoRaise(true);
    menuButton->setPopupMode(QToolButton::InstantPopup);
    menuButton->setMenu(menu_);

    plot_ = new QCustomPlot(this);
    plot_->setMinimumSize(160, 110);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->axisRect()->setRangeDrag(Qt::Horizontal);
    plot_->axisRect()->setRangeZoom(Qt::Horizontal);
    plot_->yAxis2->setVisible(false);
    plot_->legend->setVisible(false);
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    plot_->legend->setFont(small);
    plot_->legend->setBrush(Qt::NoBrush);
    plot_->legend->setBorderPen(Qt::NoPen);
    // The legend gets a row of its own above the axes (updateLegend), where it covers no curve.
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setMargins(QMargins(2, 0, 2, 0));
    plot_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot_, &QCustomPlot::customContextMenuRequested, this,
            [this](const QPoint& position) { showMenu(plot_->mapToGlobal(position)); });
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] { setAutoRange(true); });
    connect(plot_, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent* event) { showReadout(plot_->xAxis->pixelToCoord(event->pos().x())); });
    plot_->setMouseTracking(true);
    plot_->installEventFilter(this);
    readout_ = new QCPItemText(plot_);
    readout_->setPositionAlignment(Qt::AlignTop | Qt::AlignLeft);
    readout_->position->setType(QCPItemPosition::ptAxisRectRatio);
    readout_->position->setCoords(0.01, 0.02);
    readout_->setTextAlignment(Qt::AlignLeft);
    readout_->setFont(small);
    readout_->setBrush(QColor(255, 255, 255, 220));
    readout_->setPadding(QMargins(3, 2, 3, 2));
    readout_->setVisible(false);
    cursor_ = new QCPItemStraightLine(plot_);
    cursor_->setPen(QPen(QColor(0, 0, 0, 90), 1, Qt::DashLine));
    cursor_->setVisible(false);
    for (QCPItemPosition* end : {cursor_->point1, cursor_->point2})
        end->setTypeY(QCPItemPosition::ptAxisRectRatio); // top to bottom, whatever the y scale
    connect(plot_->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
        if (settingRange_)
            return;
        autoRange_ = false; // the user dragged or zoomed
        scheduleRedraw();
    });

    auto* header = new QHBoxLayout;
    header->setContentsMargins(4, 0, 0, 0);
    header->setSpacing(2);
    header->addWidget(titleLabel_, 1);
    header->addWidget(logButton_);
    header->addWidget(menuButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(plot_, 1);

    redrawTimer_.setSingleShot(true);
    redrawTimer_.setInterval(kRedrawIntervalMs);
    connect(&redrawTimer_, &QTimer::timeout, this, [this] {
        if (pending_ && isVisible()) // a hidden plot (another tab) waits until it is shown
            redraw();
    });
}

void MetricPlot::addSeries(const QString& id, const QString& label, const QColor& color, Axis axis, bool dots)
{
    if (series_.contains(id))
        removeSeries(id);
    QCPAxis* valueAxis = axis == Axis::Right ? plot_->yAxis2 : plot_->yAxis;
    if (axis == Axis::Right) {
        plot_->yAxis2->setVisible(true);
        plot_->yAxis2->setTickLabels(true);
    }
    Series series;
    series.label = label;
    series.color = color;
    series.graph = plot_->addGraph(plot_->xAxis, valueAxis);
    series.graph->setName(label);
    series.graph->setPen(QPen(color, 1.5));
    series.dots = dots;
    if (!dots) {
        series.smoothGraph = plot_->addGraph(plot_->xAxis, valueAxis);
        series.smoothGraph->setName(label);
        series.smoothGraph->setPen(QPen(color, 1.8));
    }
    series_.insert(id, series);
    order_ << id;
    updateLegend();
    scheduleRedraw();
}

void MetricPlot::removeSeries(const QString& id)
{
    auto it = series_.find(id);
    if (it == series_.end())
        return;
    plot_->removeGraph(it->graph);
    if (it->smoothGraph)
        plot_->removeGraph(it->smoothGraph);
    series_.erase(it);
    order_.removeAll(id);
    updateLegend();
    scheduleRedraw();
}

void MetricPlot::appendPoints(const QString& id, const QVector<double>& x, const QVector<double>& y)
{
    auto it = series_.find(id);
    if (it == series_.end())
        return;
    Series& series = *it;
    const qsizetype count = std::min(x.size(), y.size());
    for (qsizetype i = 0; i < count; ++i) {
        if (series.sorted && !series.x.empty() && x[i] < series.x.back())
            series.sorted = false;
        series.x.push_back(x[i]);
        series.y.push_back(y[i]);
    }
    scheduleRedraw();
}

void MetricPlot::setSeries(const QString& id, const QVector<double>& x, const QVector<double>& y)
{
    auto it = series_.find(id);
    if (it == series_.end())
        return;
    it->x.clear();
    it->y.clear();
    it->sorted = true;
    appendPoints(id, x, y);
}

void MetricPlot::clear()
{
    for (Series& series : series_) {
        series.x.clear();
        series.y.clear();
        series.sorted = true;
    }
    autoRange_ = true;
    scheduleRedraw();
}

void MetricPlot::addMarkerKind(const QString& kind, const QString& label, const QColor& color)
{
    if (markerKinds_.contains(kind))
        return;
    MarkerKind marker;
    marker.label = label;
    marker.color = color;
    marker.legendEntry = plot_->addGraph();
    marker.legendEntry->setName(label);
    marker.legendEntry->setPen(QPen(color, 1, Qt::DashLine));
    marker.legendEntry->removeFromLegend();
    markerKinds_.insert(kind, marker);
    markerOrder_ << kind;
}

void MetricPlot::addMarker(const QString& kind, double x)
{
    auto it = markerKinds_.find(kind);
    if (it == markerKinds_.end() || !std::isfinite(x))
        return;
    auto* line = new QCPItemStraightLine(plot_);
    line->setPen(QPen(it->color, 1, Qt::DashLine));
    line->setSelectable(false);
    for (QCPItemPosition* end : {line->point1, line->point2})
        end->setTypeY(QCPItemPosition::ptAxisRectRatio); // top to bottom, whatever the y scale
    line->point1->setCoords(x, 0);
    line->point2->setCoords(x, 1);
    it->x.push_back(x);
    it->lines.push_back(line);
    if (it->x.size() == 1)
        updateLegend();
    scheduleRedraw();
}

QVector<double> MetricPlot::markers(const QString& kind) const { return markerKinds_.value(kind).x; }

void MetricPlot::clearMarkers()
{
    for (MarkerKind& marker : markerKinds_) {
        for (QCPItemStraightLine* line : marker.lines)
            plot_->removeItem(line);
        marker.lines.clear();
        marker.x.clear();
    }
    updateLegend();
    scheduleRedraw();
}

// The markers within a few pixels of x, as read-out lines ("checkpoint at 12.5").
QStringList MetricPlot::markersNear(double x) const
{
    constexpr double kNearPixels = 4;
    const double pixel = plot_->xAxis->coordToPixel(x);
    QStringList lines;
    for (const QString& kind : markerOrder_) {
        const MarkerKind& marker = markerKinds_[kind];
        for (double at : marker.x)
            if (std::abs(plot_->xAxis->coordToPixel(at) - pixel) <= kNearPixels)
                lines << tr("%1 at %2").arg(marker.label, numberText(at));
    }
    return lines;
}

void MetricPlot::setTitle(const QString& title) { titleLabel_->setText(title); }

void MetricPlot::setAxisLabels(const QString& x, const QString& left, const QString& right)
{
    xLabel_ = x;
    plot_->xAxis->setLabel(x);
    plot_->yAxis->setLabel(left);
    plot_->yAxis2->setLabel(right);
    scheduleRedraw();
}

void MetricPlot::setLegendAlwaysShown(bool always)
{
    legendAlways_ = always;
    updateLegend();
    scheduleRedraw();
}

void MetricPlot::setIncludeZero(Axis axis, bool on)
{
    (axis == Axis::Right ? rightIncludesZero_ : leftIncludesZero_) = on;
    scheduleRedraw();
}

void MetricPlot::setLogScale(bool on)
{
    if (on == logScale_)
        return;
    logScale_ = on;
    plot_->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (!on)
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    logButton_->setChecked(on);
    scheduleRedraw();
    Q_EMIT logScaleChanged(on);
}

void MetricPlot::setLogX(bool on)
{
    if (on == logX_)
        return;
    logX_ = on;
    plot_->xAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    plot_->xAxis->setTicker(on ? QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog)
                               : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    autoRange_ = true; // a linear range rarely suits a log axis
    scheduleRedraw();
}

void MetricPlot::setSmoothing(double weight)
{
    weight = std::clamp(weight, 0.0, i3::kMaxSmoothingWeight);
    if (weight == smoothing_)
        return;
    smoothing_ = weight;
    updateLegend();
    scheduleRedraw();
}

QVector<QPointF> MetricPlot::shownSmoothedPoints(const QString& id) const
{
    QVector<QPointF> points;
    const auto it = series_.constFind(id);
    if (it == series_.constEnd() || !smoothingShown(*it))
        return points;
    const auto data = it->smoothGraph->data();
    for (auto point = data->constBegin(); point != data->constEnd(); ++point)
        points.push_back(QPointF(point->key, point->value));
    return points;
}

QString MetricPlot::readoutAt(double x) const
{
    QStringList lines;
    for (const QString& id : order_) {
        const Series& series = series_[id];
        if (series.x.empty() || !series.sorted)
            continue;
        // The nearest point by x.
        const auto after = std::lower_bound(series.x.begin(), series.x.end(), x);
        size_t i = static_cast<size_t>(after - series.x.begin());
        if (i == series.x.size() || (i > 0 && x - series.x[i - 1] < series.x[i] - x))
            --i;
        QString line = tr("%1: %2 at %3").arg(series.label, numberText(series.y[i]), numberText(series.x[i]));
        if (smoothingShown(series) && i < series.smoothed.size())
            line += tr(" (smoothed %1)").arg(numberText(series.smoothed[i]));
        lines << line;
    }
    lines << markersNear(x);
    return lines.join(QLatin1Char('\n'));
}

void MetricPlot::showReadout(double x)
{
    const QString text = readoutAt(x);
    readout_->setText(text);
    readout_->setVisible(!text.isEmpty());
    cursor_->point1->setCoords(x, 0);
    cursor_->point2->setCoords(x, 1);
    cursor_->setVisible(!text.isEmpty());
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void MetricPlot::hideReadout()
{
    readout_->setVisible(false);
    cursor_->setVisible(false);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString MetricPlot::shownReadout() const { return readout_->visible() ? readout_->text() : QString(); }

bool MetricPlot::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == plot_ && event->type() == QEvent::Leave)
        hideReadout();
    return QWidget::eventFilter(watched, event);
}

void MetricPlot::setAutoRange(bool on)
{
    autoRange_ = on;
    scheduleRedraw();
}

void MetricPlot::setXRange(double lower, double upper)
{
    autoRange_ = false;
    settingRange_ = true;
    plot_->xAxis->setRange(lower, upper);
    settingRange_ = false;
    scheduleRedraw();
}

int MetricPlot::pointCount(const QString& id) const
{
    const auto it = series_.constFind(id);
    return it == series_.constEnd() ? 0 : static_cast<int>(it->x.size());
}

int MetricPlot::shownPointCount(const QString& id) const
{
    const auto it = series_.constFind(id);
    return it == series_.constEnd() ? 0 : it->graph->dataCount();
}

QVector<QPointF> MetricPlot::shownPoints(const QString& id) const
{
    QVector<QPointF> points;
    const auto it = series_.constFind(id);
    if (it == series_.constEnd())
        return points;
    const auto data = it->graph->data();
    for (auto point = data->constBegin(); point != data->constEnd(); ++point)
        points.push_back(QPointF(point->key, point->value));
    return points;
}

MetricColumn MetricPlot::column(const QString& id) const
{
    const auto it = series_.constFind(id);
    if (it == series_.constEnd())
        return {};
    return {it->label, QVector<double>(it->x.begin(), it->x.end()), QVector<double>(it->y.begin(), it->y.end())};
}

void MetricPlot::refreshNow()
{
    redrawTimer_.stop();
    redraw();
}

void MetricPlot::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (pending_)
        scheduleRedraw();
}

void MetricPlot::scheduleRedraw()
{
    pending_ = true;
    if (!redrawTimer_.isActive())
        redrawTimer_.start();
}

// Decimates every series for the visible range and queues one replot.
void MetricPlot::redraw()
{
    pending_ = false;
    for (Series& series : series_)
        sortIfNeeded(series);
    if (autoRange_)
        fitXToData();
    const QCPRange range = plot_->xAxis->range();
    const int buckets = bucketCount();
    for (Series& series : series_)
        drawSeries(series, range.lower, range.upper, buckets);
    fitLegendColumns();
    // Labelled ticks as the width allows: a narrow plot with the default count runs them together.
    const int ticks = std::max(2, plot_->axisRect()->width() / kPixelsPerXTick);
    plot_->xAxis->ticker()->setTickCount(ticks);
    fitYToShown();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

// The raw curve, and over it the smoothed one when smoothing is on (the raw one then faint).
void MetricPlot::drawSeries(Series& series, double lower, double upper, int buckets)
{
    const i3::DecimationWindow window{lower, upper, buckets, logX_,
                                      logScale_ && series.graph->valueAxis() == plot_->yAxis};
    const auto setData = [&](QCPGraph* graph, const std::vector<double>& y) {
        QVector<double> shownX, shownY;
        for (const size_t i : i3::decimate_min_max(series.x, y, window)) {
            shownX.push_back(series.x[i]);
            shownY.push_back(y[i]);
        }
        graph->setData(shownX, shownY, true);
    };
    setData(series.graph, series.y);
    // A line needs two points: the first point of a run shows as a dot until the second comes.
    const bool dotted = series.dots || series.graph->data()->size() == 1;
    series.graph->setScatterStyle(dotted ? QCPScatterStyle(QCPScatterStyle::ssDisc, kDotSize) : QCPScatterStyle());
    const bool smoothed = smoothingShown(series);
    QColor rawColor = series.color;
    if (smoothed)
        rawColor.setAlpha(kFaintAlpha);
    series.graph->setPen(QPen(rawColor, smoothed ? 1.0 : 1.5));
    if (!series.smoothGraph)
        return;
    series.smoothGraph->setVisible(smoothed);
    series.smoothed = smoothed ? i3::debiased_ema(series.y, smoothing_) : std::vector<double>();
    if (smoothed)
        setData(series.smoothGraph, series.smoothed);
}

void MetricPlot::sortIfNeeded(Series& series)
{
    if (series.sorted)
        return;
    std::vector<size_t> order(series.x.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return series.x[a] < series.x[b]; });
    std::vector<double> x, y;
    x.reserve(series.x.size());
    y.reserve(series.y.size());
    for (const size_t i : order) {
        x.push_back(series.x[i]);
        y.push_back(series.y[i]);
    }
    series.x = std::move(x);
    series.y = std::move(y);
    series.sorted = true;
}

void MetricPlot::fitXToData()
{
    double lower = INFINITY, upper = -INFINITY;
    for (const Series& series : series_) {
        if (series.x.empty())
            continue;
        // On a log axis the range starts at the first positive x.
        const auto first = logX_ ? std::upper_bound(series.x.begin(), series.x.end(), 0.0) : series.x.begin();
        if (first == series.x.end())
            continue;
        lower = std::min(lower, *first);
        upper = std::max(upper, series.x.back());
    }
    if (!std::isfinite(lower) || !std::isfinite(upper)) {
        lower = 0;
        upper = 1;
    } else if (upper <= lower) {
        lower = logX_ ? lower / 2 : lower - 1;
        upper = logX_ ? upper * 2 : upper + 1;
    }
    settingRange_ = true;
    plot_->xAxis->setRange(lower, upper);
    settingRange_ = false;
}

// Fits each y axis to the shown points inside the x range. On a log axis spanning less than a
// decade and a bit, the ordinary ticker gives more labelled ticks than the powers of ten would.
void MetricPlot::fitYToShown()
{
    const QCPRange xRange = plot_->xAxis->range();
    for (QCPAxis* axis : {plot_->yAxis, plot_->yAxis2}) {
        double lower = INFINITY, upper = -INFINITY;
        for (const Series& series : series_) {
            if (series.graph->valueAxis() != axis)
                continue;
            for (const QCPGraph* graph : {series.graph, smoothingShown(series) ? series.smoothGraph : nullptr}) {
                if (!graph)
                    continue;
                const auto data = graph->data();
                for (auto point = data->constBegin(); point != data->constEnd(); ++point) {
                    if (point->key < xRange.lower || point->key > xRange.upper)
                        continue;
                    lower = std::min(lower, point->value);
                    upper = std::max(upper, point->value);
                }
            }
        }
        const bool logAxis = axis->scaleType() == QCPAxis::stLogarithmic;
        if (!std::isfinite(lower))
            continue;
        if (!logAxis && (axis == plot_->yAxis ? leftIncludesZero_ : rightIncludesZero_)) {
            lower = std::min(lower, 0.0);
            upper = std::max(upper, 0.0);
        }
        axis->setRange(padded(lower, upper, logAxis));
        if (logAxis) {
            const bool wide = upper / lower > 20;
            if (wide && !axis->ticker().dynamicCast<QCPAxisTickerLog>())
                axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
            else if (!wide && axis->ticker().dynamicCast<QCPAxisTickerLog>())
                axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        }
    }
}

int MetricPlot::bucketCount() const { return std::clamp(plot_->axisRect()->width(), kMinBuckets, kMaxBuckets); }

// As many legend entries side by side as the plot's width holds; the rest wrap to new rows.
void MetricPlot::fitLegendColumns()
{
    QCPLegend* legend = plot_->legend;
    int widest = 1;
    int entries = 0;
    for (int i = 0; i < legend->itemCount(); ++i) // cells of the grid: a wrapped last row has empty ones
        if (const QCPAbstractLegendItem* item = legend->item(i)) {
            widest = std::max(widest, item->minimumOuterSizeHint().width());
            ++entries;
        }
    const int columns = std::clamp(plot_->width() / widest, 1, std::max(1, entries));
    if (columns != legend->wrap()) {
        legend->setWrap(columns);
        legend->setFillOrder(legend->fillOrder(), true); // lays the entries out again in that many columns
    }
}

// One legend entry per series, in the colour it is drawn in: the smoothed curve's when smoothing;
// the legend in a row of its own above the axes, so that it never covers a curve.
void MetricPlot::updateLegend()
{
    for (const Series& series : series_) {
        if (!series.smoothGraph)
            continue;
        if (smoothingShown(series)) {
            series.graph->removeFromLegend();
            series.smoothGraph->addToLegend();
        } else {
            series.smoothGraph->removeFromLegend();
            series.graph->addToLegend();
        }
    }
    qsizetype markedKinds = 0; // a kind's legend entry shows once it has a marker
    for (const MarkerKind& marker : markerKinds_) {
        if (marker.x.isEmpty()) {
            marker.legendEntry->removeFromLegend();
        } else {
            marker.legendEntry->addToLegend();
            ++markedKinds;
        }
    }
    const bool shown = series_.size() + markedKinds > 1 || (legendAlways_ && !series_.isEmpty());
    plot_->legend->setVisible(shown);
    QCPLayoutGrid* layout = plot_->plotLayout();
    const bool placed = layout->element(0, 0) == plot_->legend;
    if (shown && !placed) {
        layout->insertRow(0);
        layout->addElement(0, 0, plot_->legend);
        layout->setRowStretchFactor(0, 0.001); // as tall as its entries, the axes take the rest
    } else if (!shown && placed) {
        layout->take(plot_->legend);
        layout->simplify();
    }
}

void MetricPlot::showMenu(const QPoint& globalPosition) { menu_->popup(globalPosition); }

bool MetricPlot::savePng(const QString& path, int width, int height)
{
    refreshNow();
    if (width <= 0 || height <= 0) {
        const bool laidOut = plot_->width() >= 100 && plot_->height() >= 80;
        width = laidOut ? plot_->width() : 800;
        height = laidOut ? plot_->height() : 500;
    }
    // The title lives in this widget's header, so the picture gets its own for the export.
    QCPTextElement* title = nullptr;
    if (!titleLabel_->text().isEmpty()) {
        plot_->plotLayout()->insertRow(0);
        title = new QCPTextElement(plot_, titleLabel_->text(), titleLabel_->font());
        plot_->plotLayout()->addElement(0, 0, title);
    }
    const bool saved = plot_->savePng(path, width, height);
    if (title) {
        plot_->plotLayout()->remove(title);
        plot_->plotLayout()->simplify();
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
    return saved;
}

bool MetricPlot::saveCsv(const QString& path, QString* error) const
{
    QVector<MetricColumn> columns;
    for (const QString& id : order_)
        columns.push_back(column(id));
    return writeMetricsCsv(path, xLabel_, columns, error);
}

void MetricPlot::exportPngInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export plot as PNG"),
                                                      fileNameFor(titleLabel_->text(), "plot") + ".png",
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!savePng(path))
        QMessageBox::warning(this, tr("Export plot"), tr("Could not write %1.").arg(path));
}

void MetricPlot::exportCsvInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export data as CSV"),
                                                      fileNameFor(titleLabel_->text(), "metrics") + ".csv",
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveCsv(path, &error))
        QMessageBox::warning(this, tr("Export data"), tr("Could not write %1: %2").arg(path, error));
}
