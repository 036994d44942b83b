// SPDX-License-Identifier: GPL-3.0-or-later
// MetricPlot: 150,000 points are drawn as a few hundred without losing the extremes, zooming
// shows every point, the log scale hides what it cannot draw, and PNG and CSV exports hold what
// was plotted.
#include "metric_plot.h"
#include "custom_plot.h"

#include <QtTest>

#include <cmath>

class TestMetricPlot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hoverReadsTheNearestPointAndSmoothingKeepsTheRawCurveFaint()
    {
        MetricPlot plot(QStringLiteral("Loss"));
        plot.resize(800, 500);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.addSeries("loss", "loss", Qt::blue);
        plot.appendPoints("loss", {10, 20, 30}, {4.0, 3.0, 2.5});
        plot.refreshNow();
        // 24 is nearer to 20 than to 30.
        QCOMPARE(plot.readoutAt(24), QStringLiteral("loss: %1 at %2").arg(QLocale().toString(3.0, 'g', 5), QLocale().toString(20.0, 'g', 5)));
        plot.setSmoothing(0.5);
        plot.refreshNow();
        const double smoothed = (0.5 * 0.5 * 4.0 + 0.5 * 3.0) / 0.75; // the debiased EMA at the second point
        QVERIFY(plot.readoutAt(21).contains(QLocale().toString(smoothed, 'g', 5)));
        QCOMPARE(plot.shownSmoothedPoints("loss").size(), 3);
        QCOMPARE(plot.shownPoints("loss").size(), 3); // the raw curve is still drawn
        QVERIFY(plot.customPlot()->graph(0)->pen().color().alpha() < 255);
        // The mouse shows the read-out where it points.
        QCustomPlot* custom = plot.customPlot();
        const int x = static_cast<int>(custom->xAxis->coordToPixel(30));
        const int y = custom->axisRect()->center().y();
        QMouseEvent move(QEvent::MouseMove, QPointF(x, y), custom->mapToGlobal(QPointF(x, y)), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(custom, &move);
        QVERIFY(plot.shownReadout().startsWith(QStringLiteral("loss: %1 at %2").arg(QLocale().toString(2.5, 'g', 5), QLocale().toString(30.0, 'g', 5))));
        plot.setLogX(true);
        plot.refreshNow();
        QCOMPARE(custom->xAxis->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(custom->xAxis->range().lower > 0);
    }

    void manyPointsAreDecimatedButKeepTheirExtremes()
    {
        MetricPlot plot(QStringLiteral("Loss"));
        plot.resize(800, 500);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.addSeries("loss", "loss", Qt::blue);

        const int count = 150000;
        QVector<double> x(count), y(count);
        for (int i = 0; i < count; ++i) {
            x[i] = i;
            y[i] = 2.0 + std::sin(i * 0.01); // stays within [1, 3]
        }
        y[77777] = 50.0;   // one spike up
        y[123456] = -30.0; // one spike down
        plot.appendPoints("loss", x, y);
        plot.refreshNow();

        QCOMPARE(plot.pointCount("loss"), count);
        const int shown = plot.shownPointCount("loss");
        QVERIFY2(shown > 100 && shown <= 5000, qPrintable(QString::number(shown)));
        const QVector<QPointF> points = plot.shownPoints("loss");
        QCOMPARE(points.size(), shown);
        bool sawHigh = false, sawLow = false;
        for (const QPointF& point : points) {
            // Every shown point is a real one, in x order.
            const int i = static_cast<int>(point.x());
            QCOMPARE(point.x(), double(i));
            QCOMPARE(point.y(), y[i]);
            sawHigh = sawHigh || (i == 77777 && point.y() == 50.0);
            sawLow = sawLow || (i == 123456 && point.y() == -30.0);
        }
        QVERIFY(sawHigh);
        QVERIFY(sawLow);
        for (int k = 1; k < points.size(); ++k)
            QVERIFY(points[k - 1].x() < points[k].x());
        QCOMPARE(points.front().x(), 0.0);
        QCOMPARE(points.back().x(), double(count - 1));
        QVERIFY(plot.isAutoRange());

        // Zoomed in to 300 points, each is drawn, plus the nearest one beyond each edge.
        plot.setXRange(1000, 1299);
        plot.refreshNow();
        QVERIFY(!plot.isAutoRange());
        const QVector<QPointF> zoomed = plot.shownPoints("loss");
        QCOMPARE(zoomed.size(), 302);
        QCOMPARE(zoomed.front().x(), 999.0);
        QCOMPARE(zoomed.back().x(), 1300.0);
        QCOMPARE(zoomed[1].y(), y[1000]);

        plot.setAutoRange(true);
        plot.refreshNow();
        QCOMPARE(plot.shownPointCount("loss"), shown);
    }

    void pointsArrivingOutOfOrderAreShownSorted()
    {
        MetricPlot plot;
        plot.addSeries("s", "s", Qt::red);
        plot.appendPoints("s", {1, 2, 10}, {1, 2, 10});
        plot.appendPoints("s", {5, 3}, {5, 3});
        plot.refreshNow();
        const QVector<QPointF> points = plot.shownPoints("s");
        QCOMPARE(points.size(), 5);
        const double expected[] = {1, 2, 3, 5, 10};
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(points[i].x(), expected[i]);
            QCOMPARE(points[i].y(), expected[i]);
        }

        plot.setSeries("s", {7, 8}, {0.5, 0.25});
        plot.refreshNow();
        QCOMPARE(plot.pointCount("s"), 2);
        QCOMPARE(plot.shownPoints("s").front(), QPointF(7, 0.5));
        plot.clear();
        plot.refreshNow();
        QCOMPARE(plot.pointCount("s"), 0);
        QCOMPARE(plot.shownPointCount("s"), 0);
    }

    void logScaleTogglesAndHidesWhatItCannotDraw()
    {
        MetricPlot plot(QStringLiteral("Gradient norm"));
        plot.resize(500, 300);
        plot.show();
        plot.addSeries("g", "g", Qt::darkGreen);
        plot.appendPoints("g", {1, 2, 3, 4, 5}, {-1, 0, 1, 10, 100});
        plot.refreshNow();
        QCOMPARE(plot.shownPointCount("g"), 5);
        QVERIFY(!plot.isLogScale());

        QSignalSpy changed(&plot, &MetricPlot::logScaleChanged);
        auto* button = plot.findChild<QToolButton*>("logScaleButton");
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(plot.isLogScale());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toBool(), true);
        QCOMPARE(plot.customPlot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
        plot.refreshNow();
        QCOMPARE(plot.shownPointCount("g"), 3); // -1 and 0 have no place on a log axis
        QVERIFY(plot.customPlot()->yAxis->range().lower > 0);
        QVERIFY(plot.customPlot()->yAxis->range().lower < 1);
        QVERIFY(plot.customPlot()->yAxis->range().upper > 100);

        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!plot.isLogScale());
        QCOMPARE(plot.customPlot()->yAxis->scaleType(), QCPAxis::stLinear);
        plot.refreshNow();
        QCOMPARE(plot.shownPointCount("g"), 5);
        QCOMPARE(changed.count(), 2);
    }

    void includeZeroStretchesALinearAxis()
    {
        MetricPlot plot;
        plot.addSeries("cpu", "cpu", Qt::red, MetricPlot::Axis::Right);
        plot.appendPoints("cpu", {1, 2, 3}, {100, 100, 100});
        plot.refreshNow();
        QVERIFY(plot.customPlot()->yAxis2->range().lower > 90); // fitted around 100 alone
        plot.setIncludeZero(MetricPlot::Axis::Right, true);
        plot.refreshNow();
        QVERIFY(plot.customPlot()->yAxis2->range().lower <= 0);
        QVERIFY(plot.customPlot()->yAxis2->range().upper >= 100);
        QVERIFY(plot.customPlot()->yAxis2->visible());
    }

    void savesAPngOfTheRequestedSize()
    {
        QTemporaryDir dir;
        MetricPlot plot(QStringLiteral("Loss"));
        plot.resize(700, 420);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        const QColor blue(0, 0, 255);
        plot.addSeries("loss", "loss", blue);
        QVector<double> x, y;
        for (int i = 0; i < 200; ++i) {
            x << i;
            y << 5.0 / (1 + i);
        }
        plot.appendPoints("loss", x, y);

        const QString path = dir.filePath("loss.png");
        QVERIFY(plot.savePng(path, 640, 360));
        QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(640, 360));
        int bluePixels = 0; // the curve was drawn, not just the frame
        for (int row = 0; row < image.height(); ++row)
            for (int column = 0; column < image.width(); ++column) {
                const QColor pixel = image.pixelColor(column, row);
                if (pixel.blue() > 200 && pixel.red() < 80 && pixel.green() < 80)
                    ++bluePixels;
            }
        QVERIFY2(bluePixels > 100, qPrintable(QString::number(bluePixels)));

        const QString onScreen = dir.filePath("screen.png");
        QVERIFY(plot.savePng(onScreen));
        QCOMPARE(QImage(onScreen).size(), plot.customPlot()->size());
    }

    // A line needs two points: a lone first point shows as a dot, and the line takes over after.
    void aLonePointIsDrawnAsADot()
    {
        MetricPlot plot(QStringLiteral("Loss"));
        plot.resize(400, 300);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.addSeries("train", "training", Qt::blue);
        QCPGraph* graph = plot.customPlot()->graph(0);
        plot.appendPoint("train", 1, 6.5);
        plot.refreshNow();
        QCOMPARE(plot.shownPointCount("train"), 1);
        QVERIFY(!graph->scatterStyle().isNone());
        plot.appendPoint("train", 2, 6.1);
        plot.refreshNow();
        QCOMPARE(plot.shownPointCount("train"), 2);
        QVERIFY(graph->scatterStyle().isNone());
    }

    // The legend has its own row above the axes: whatever the curves do, it covers none of them.
    void theLegendSitsOutsideTheAxes()
    {
        MetricPlot plot(QStringLiteral("Loss"));
        plot.resize(300, 220);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.addSeries("train", "training", Qt::blue);
        QCPLegend* legend = plot.customPlot()->legend;
        QVERIFY(!legend->visible());
        plot.addSeries("validation", "validation", Qt::red, MetricPlot::Axis::Left, true);
        for (int i = 0; i < 50; ++i) {
            plot.appendPoint("train", i, 5.0 - i * 0.05);
            plot.appendPoint("validation", i, 5.2 - i * 0.05);
        }
        plot.refreshNow();
        plot.customPlot()->replot();
        QVERIFY(legend->visible());
        const QRect legendRect = legend->outerRect();
        const QRect axes = plot.customPlot()->axisRect()->rect();
        QVERIFY2(!legendRect.intersects(axes) && legendRect.bottom() <= axes.top(),
                 qPrintable(QStringLiteral("legend %1,%2 %3x%4; axes %5,%6 %7x%8")
                                .arg(legendRect.x()).arg(legendRect.y()).arg(legendRect.width()).arg(legendRect.height())
                                .arg(axes.x()).arg(axes.y()).arg(axes.width()).arg(axes.height())));
        // Three long entries in a narrow plot wrap to rows instead of running past its edge.
        plot.addSeries("ram", "this program's memory (MiB)", Qt::green);
        plot.addSeries("cpu", "CPU use of the machine (%)", Qt::darkYellow);
        plot.resize(200, 220);
        plot.refreshNow();
        plot.customPlot()->replot();
        int entries = 0;
        for (int i = 0; i < legend->itemCount(); ++i) {
            const QCPAbstractLegendItem* item = legend->item(i); // empty cells of a wrapped grid: none
            if (!item)
                continue;
            ++entries;
            // Squeezed, an entry would be narrower than its text and symbol need (and cut).
            QVERIFY2(item->outerRect().right() <= plot.customPlot()->width() &&
                         item->outerRect().width() >= item->minimumOuterSizeHint().width(),
                     qPrintable(QStringLiteral("entry %1: %2 px wide of %3 needed, ends at %4 of %5")
                                    .arg(i).arg(item->outerRect().width()).arg(item->minimumOuterSizeHint().width())
                                    .arg(item->outerRect().right()).arg(plot.customPlot()->width())));
        }
        QCOMPARE(entries, 4);
        // Removing entries from a wrapped legend leaves empty cells; the next redraw copes.
        plot.removeSeries("ram");
        plot.refreshNow();
        plot.removeSeries("cpu");
        plot.removeSeries("validation"); // one series: no legend, and its row goes
        plot.customPlot()->replot();
        QVERIFY(!legend->visible());
        QCOMPARE(plot.customPlot()->plotLayout()->rowCount(), 1);
    }

    // Markers: a dashed line per event at its x; a kind's legend entry only once it has a marker;
    // the read-out names the markers under the cursor and no others; clearing keeps the kinds.
    void markersAreLinesWithALegendAndAReadout()
    {
        MetricPlot plot(QStringLiteral("Device"));
        plot.resize(400, 250);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.addSeries("cpu", "CPU use (%)", Qt::blue);
        for (int i = 0; i <= 100; ++i)
            plot.appendPoint("cpu", i, 50);
        plot.addMarkerKind("evaluation", "evaluation", Qt::darkYellow);
        plot.addMarkerKind("checkpoint", "checkpoint", Qt::darkGreen);
        const auto items = [&] { return plot.customPlot()->itemCount(); };
        const int before = items();
        plot.refreshNow();
        plot.customPlot()->replot();
        QCPLegend* legend = plot.customPlot()->legend;
        QVERIFY(!legend->visible()); // one series, no marker yet
        plot.addMarker("evaluation", 20);
        plot.addMarker("evaluation", 60);
        plot.addMarker("checkpoint", 60);
        plot.addMarker("unknown", 30); // a kind never declared: nothing
        QCOMPARE(items(), before + 3);
        QCOMPARE(plot.markers("evaluation"), (QVector<double>{20, 60}));
        QCOMPARE(plot.markers("checkpoint"), (QVector<double>{60}));
        plot.refreshNow();
        plot.customPlot()->replot();
        QVERIFY(legend->visible());
        QStringList names;
        for (int i = 0; i < legend->itemCount(); ++i)
            if (auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(i)))
                names << item->plottable()->name();
        QCOMPARE(names, (QStringList{"CPU use (%)", "evaluation", "checkpoint"}));
        const QString at60 = plot.readoutAt(60);
        QVERIFY2(at60.contains("evaluation at 60") && at60.contains("checkpoint at 60"), qPrintable(at60));
        QVERIFY(!plot.readoutAt(40).contains(" at 20") && !plot.readoutAt(40).contains("evaluation"));
        plot.clearMarkers();
        QCOMPARE(items(), before);
        QVERIFY(plot.markers("evaluation").isEmpty());
        plot.customPlot()->replot();
        QVERIFY(!legend->visible());
        plot.addMarker("checkpoint", 10); // the kinds stay
        QCOMPARE(plot.markers("checkpoint"), (QVector<double>{10}));
    }

    // A narrow plot over an hour of seconds: its x labels, as drawn, leave room between them.
    void xLabelsOfANarrowPlotDoNotRunTogether()
    {
        MetricPlot plot(QStringLiteral("Device"));
        plot.resize(240, 170);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.addSeries("ram", "RAM", Qt::blue);
        for (int t = 0; t <= 3600; t += 2)
            plot.appendPoint("ram", t + 0.25, 1000 + t);
        plot.refreshNow();
        plot.customPlot()->replot();
        QCPAxis* x = plot.customPlot()->xAxis;
        const QFontMetrics metrics(x->tickLabelFont());
        const QVector<double> ticks = x->tickVector();
        const QVector<QString> labels = x->tickVectorLabels();
        QVERIFY2(ticks.size() >= 2, qPrintable(QStringLiteral("%1 ticks over %2 px, range %3 to %4")
                                                  .arg(ticks.size()).arg(plot.customPlot()->axisRect()->width())
                                                  .arg(x->range().lower).arg(x->range().upper)));
        for (int i = 1; i < ticks.size(); ++i) {
            const double gap = x->coordToPixel(ticks[i]) - x->coordToPixel(ticks[i - 1]);
            const double needed = (metrics.horizontalAdvance(labels[i - 1]) + metrics.horizontalAdvance(labels[i])) / 2.0;
            QVERIFY2(gap > needed + metrics.horizontalAdvance(QLatin1Char(' ')),
                     qPrintable(QStringLiteral("%1 and %2: %3 px apart").arg(labels[i - 1], labels[i]).arg(gap)));
        }
    }

    void csvAlignsTheSeriesOnX()
    {
        QTemporaryDir dir;
        MetricPlot plot;
        plot.setAxisLabels("step", "loss");
        plot.addSeries("a", "loss, train", Qt::blue);
        plot.addSeries("b", "val", Qt::red);
        plot.appendPoints("a", {1, 2, 3}, {0.5, 0.25, 0.125});
        plot.appendPoints("b", {2, 4}, {10, 20});
        const QString path = dir.filePath("m.csv");
        QVERIFY(plot.saveCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), QStringLiteral("step,\"loss, train\",val\n"
                                                                   "1,0.5,\n"
                                                                   "2,0.25,10\n"
                                                                   "3,0.125,\n"
                                                                   "4,,20\n"));
    }

    void csvOfManyPointsHasOneRowEach()
    {
        QTemporaryDir dir;
        MetricPlot plot;
        plot.setAxisLabels("step", "lr");
        plot.addSeries("lr", "lr", Qt::blue);
        const int count = 150000;
        QVector<double> x(count), y(count);
        for (int i = 0; i < count; ++i) {
            x[i] = i + 1;
            y[i] = 3e-4 * (i + 1) / count;
        }
        plot.appendPoints("lr", x, y);
        const QString path = dir.filePath("lr.csv");
        QVERIFY(plot.saveCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), count + 2); // header, rows, and the empty piece after the last newline
        QCOMPARE(lines[0], QByteArray("step,lr"));
        QCOMPARE(lines[count], QByteArray("150000,0.0003"));
        const QList<QByteArray> middle = lines[75000].split(',');
        QCOMPARE(middle[0].toDouble(), 75000.0);
        QVERIFY(std::abs(middle[1].toDouble() - 3e-4 * 75000 / count) < 1e-15); // 12 digits kept
    }

    void csvWriteFailureIsReported()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath("file"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QString error;
        // A folder cannot be made inside a plain file, even by root.
        QVERIFY(!writeMetricsCsv(dir.filePath("file/m.csv"), "step", {{"a", {1}, {2}}}, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestMetricPlot)
#include "test_metric_plot.moc"
