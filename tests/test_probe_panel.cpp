// SPDX-License-Identifier: GPL-3.0-or-later
// The Context probe panel: a sweep over two small contexts fills the table while its progress
// moves with each stage of each context, the reference's figures are the published ones, Stop
// ends a long sweep cleanly and the panel starts again, and a context whose estimate is above the
// RAM limit ends the sweep as "not tried", with the estimate and the limit.
#include "probe_panel.h"
#include "custom_plot.h"
#include "telemetry/context_probe.h"

#include <QtTest>
#include <QtWidgets>

namespace {

enum Column { ContextColumn, MiBColumn, GiBColumn, SecondsColumn, ReferenceColumn, NoteColumn };

// MemTotal of /proc/meminfo, in bytes.
double hostMemoryTotalBytes()
{
    QFile meminfo("/proc/meminfo");
    if (!meminfo.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : meminfo.readAll().split('\n'))
        if (line.startsWith("MemTotal:"))
            return line.mid(9).trimmed().split(' ').first().toDouble() * 1024;
    return 0;
}

QTableWidget* tableOf(ProbePanel& panel) { return panel.findChild<QTableWidget*>("probeTable"); }

void click(ProbePanel& panel, const char* button)
{
    auto* widget = panel.findChild<QPushButton*>(button);
    QVERIFY2(widget, button);
    QVERIFY2(widget->isEnabled(), button);
    QTest::mouseClick(widget, Qt::LeftButton);
}

void configure(ProbePanel& panel, int batch, qint64 from, qint64 to)
{
    panel.setPreset("tiny");
    panel.setBatchSize(batch);
    panel.setContextRange(from, to);
    panel.setDevice("cpu");
}

} // namespace

class TestProbePanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void measuresTwoSmallContexts()
    {
        ProbePanel panel;
        configure(panel, 1, 16, 32);
        QSignalSpy started(&panel, &ProbePanel::jobStarted);
        QSignalSpy finished(&panel, &ProbePanel::probeFinished);
        // Each progress report with what the panel shows then: the bar and the readings so far.
        struct Report {
            double fraction;
            QString message;
            int bar;
            int readings;
        };
        QVector<Report> reports;
        auto* bar = panel.findChild<QProgressBar*>("probeProgress");
        connect(&panel, &ProbePanel::jobStarted, this, [&](EngineJob* job) {
            connect(job, &EngineJob::progress, this, [&](double fraction, const QString& message) {
                reports.push_back({fraction, message, bar->value(), panel.pointCount()});
            });
        });
        click(panel, "probeStart");
        QVERIFY(bar->isVisibleTo(&panel));
        QCOMPARE(started.count(), 1);
        QVERIFY(panel.isRunning());
        QVERIFY(!panel.findChild<QPushButton*>("probeStart")->isEnabled());
        QVERIFY(finished.wait(300000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!panel.isRunning());

        auto* table = tableOf(panel);
        QCOMPARE(panel.pointCount(), 2);
        QCOMPARE(table->rowCount(), 2);
        const qint64 expected[] = {16, 32};
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(table->item(row, ContextColumn)->data(Qt::UserRole).toLongLong(), expected[row]);
            const qint64 peak = table->item(row, MiBColumn)->data(Qt::UserRole).toLongLong();
            QVERIFY2(peak > 0, qPrintable(QString("row %1: peak %2 bytes").arg(row).arg(peak)));
            QCOMPARE(table->item(row, MiBColumn)->text(), QString("%L1").arg(peak / 1048576.0, 0, 'f', 1));
            QVERIFY(table->item(row, SecondsColumn)->text().toDouble() >= 0);
            // The reference published nothing below context 256.
            QCOMPARE(table->item(row, ReferenceColumn)->text(), QString("–"));
        }
        auto* plot = panel.findChild<QCustomPlot*>("probePlot");
        QCOMPARE(plot->graph(0)->dataCount(), 2);

        // Progress moves during the first context already: its estimate, the unmeasured first
        // step, building the model and the step itself, each an eighth of a two-context sweep.
        QVector<double> beforeFirstReading;
        for (const Report& report : reports)
            if (report.readings == 0)
                beforeFirstReading << report.fraction;
        QCOMPARE(beforeFirstReading, (QVector<double>{0.0, 0.125, 0.25, 0.375}));
        QVERIFY(reports.at(3).message.contains("Context 16 (1 of 2): forward and backward pass"));
        QCOMPARE(reports.at(3).bar, 375);
        for (int i = 1; i < reports.size(); ++i)
            QVERIFY(reports[i].fraction >= reports[i - 1].fraction);
        QCOMPARE(reports.back().fraction, 1.0);
        QVERIFY(!bar->isVisibleTo(&panel)); // gone once the sweep is done
    }

    void showsThePublishedReferenceFigures()
    {
        ProbePanel panel;
        auto* plot = panel.findChild<QCustomPlot*>("probePlot");
        QCPGraph* reference = plot->graph(1);
        QCOMPARE(reference->name(), QString("reference (H200, PyTorch)"));
        // i3-reference.md §8: batch 1 at 256 / 1,024 / 4,096 / 8,192 tokens.
        panel.setBatchSize(1);
        QCOMPARE(reference->dataCount(), 4);
        const double batchOne[][2] = {{256, 0.68}, {1024, 1.84}, {4096, 13.3}, {8192, 47.1}};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(reference->data()->at(i)->key, batchOne[i][0]);
            QCOMPARE(reference->data()->at(i)->value, batchOne[i][1]);
        }
        // Batch 4: three figures; 8,192 did not fit in 141 GB, so it has no point.
        panel.setBatchSize(4);
        QCOMPARE(reference->dataCount(), 3);
        QCOMPARE(reference->data()->at(2)->value, 51.5);
        panel.setBatchSize(2);
        QCOMPARE(reference->dataCount(), 0);

        // The table shows the figure beside our own at a context the reference measured.
        configure(panel, 1, 256, 256);
        QSignalSpy finished(&panel, &ProbePanel::probeFinished);
        click(panel, "probeStart");
        QVERIFY(finished.wait(300000));
        QCOMPARE(tableOf(panel)->rowCount(), 1);
        QCOMPARE(tableOf(panel)->item(0, ReferenceColumn)->text(), QString("0.68"));
    }

    void stopEndsALongSweepAndThePanelStartsAgain()
    {
        ProbePanel panel;
        configure(panel, 1, 16, 65536); // 13 contexts
        QSignalSpy finished(&panel, &ProbePanel::probeFinished);
        click(panel, "probeStart");
        QTRY_VERIFY_WITH_TIMEOUT(panel.pointCount() >= 1, 300000);
        click(panel, "probeStop");
        QVERIFY(finished.wait(300000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY2(panel.pointCount() < 13, qPrintable(QString::number(panel.pointCount())));
        QVERIFY(!panel.isRunning());
        QVERIFY(!panel.findChild<QPushButton*>("probeStop")->isEnabled());

        configure(panel, 1, 16, 16);
        finished.clear();
        click(panel, "probeStart");
        QVERIFY(finished.wait(300000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(panel.pointCount(), 1);
        QCOMPARE(tableOf(panel)->item(0, ContextColumn)->data(Qt::UserRole).toLongLong(), qint64(16));
    }

    void aContextAboveTheRamLimitIsNotTried()
    {
        ProbePanel panel;
        // Batch 1,024 at 32,768 tokens needs petabytes for the attention scores alone.
        configure(panel, 1024, 32768, 65536);
        QSignalSpy finished(&panel, &ProbePanel::probeFinished);
        std::vector<i3::ProbePoint> readings;
        connect(&panel, &ProbePanel::jobStarted, this, [&](EngineJob* job) {
            connect(static_cast<ProbeJob*>(job), &ProbeJob::readingTaken, this,
                    [&](const i3::ProbePoint& reading) { readings.push_back(reading); });
        });
        click(panel, "probeStart");
        QVERIFY(finished.wait(300000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(panel.pointCount(), 1);
        QCOMPARE(readings.size(), size_t(1));
        const i3::ProbePoint& reading = readings.front();
        QVERIFY(reading.not_tried);
        QVERIFY(reading.estimated_bytes > reading.limit_bytes);
        // The limit is 80% of the RAM that is available, so of less than all of it.
        QVERIFY(reading.limit_bytes <= 0.8 * hostMemoryTotalBytes());

        auto* table = tableOf(panel);
        QCOMPARE(table->item(0, MiBColumn)->text(), QString("not tried"));
        const QString need = QString("%L1").arg(reading.estimated_bytes / 1073741824.0, 0, 'f', 1);
        const QString limit = QString("%L1").arg(reading.limit_bytes / 1073741824.0, 0, 'f', 1);
        QCOMPARE(table->item(0, NoteColumn)->text(),
                 QString("estimated %1 GiB, above the limit of %2 GiB (80% of the available RAM)").arg(need, limit));
        QVERIFY(panel.findChild<QLabel*>("probeError")->isHidden());
        const QString status = panel.findChild<QLabel*>("probeStatus")->text();
        QVERIFY2(status.startsWith(QString("Context %L1 was not tried").arg(32768)) && status.contains(need) && status.contains(limit),
                 qPrintable(status));
        QVERIFY(!status.contains("out of memory"));
    }
};

QTEST_MAIN(TestProbePanel)
#include "test_probe_panel.moc"
