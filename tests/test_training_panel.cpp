// SPDX-License-Identifier: GPL-3.0-or-later
// The Training panel driven like a user would: Train on the built-in corpus with a tiny model,
// watch steps and loss points arrive, pause (the steps stop), resume, stop (the run folder holds
// a checkpoint), resume to the end (the model is exported); a request that fails shows its error
// and the panel trains again afterwards. The run browser lists runs the engine wrote and overlays
// the selected runs' loss, their recipes and how their configurations differ; it renames,
// annotates and deletes runs. An opened run shows its samples; the metric plots smooth, change
// their x axis and overlay the selected runs' metrics. A run that `i3lm train --nproc-per-node 2`
// wrote opens like any other, with each rank's speed beside the total.
#include <torch/torch.h>

#include "base/atomic_file.h"
#include "advice_list.h"
#include "custom_plot.h"
#include "test_support.h"
#include "metric_plot.h"
#include "run_browser.h"
#include "runs/run_folder.h"
#include "runs/run_lock.h"
#include "telemetry/training_flops.h"
#include "training/trainer.h"
#include "training_job.h"
#include "training_panel.h"

#include <QtTest>
#include <QtWidgets>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;

namespace {

TrainingRequest tinyRequest(const QString& folder, qint64 steps)
{
    TrainingRequest request;
    request.data.builtinCorpus = true;
    request.data.maxTexts = 300;
    request.data.validationFraction = 0.1;
    request.model = i3::ModelConfig::preset("tiny");
    request.train.steps = steps;
    request.train.batch_size = 4;
    request.train.lr = 3e-3;
    request.train.warmup_steps = 5;
    request.train.log_every = 1;
    request.train.eval_every = 20;
    request.train.checkpoint_every = 20;
    request.train.eval_windows = 4;
    request.train.sample_tokens = 8;
    request.train.device = "cpu";
    request.runFolder = folder;
    return request;
}

nlohmann::json readJson(const QString& file)
{
    std::ifstream in(file.toStdString());
    return nlohmann::json::parse(in);
}

// metrics.jsonl's lines of one kind.
std::vector<nlohmann::json> metricLines(const QString& folder, const std::string& kind)
{
    std::vector<nlohmann::json> lines;
    std::ifstream in((folder + "/metrics.jsonl").toStdString());
    std::string text;
    while (std::getline(in, text)) {
        const auto line = nlohmann::json::parse(text);
        if (line.at("kind") == kind)
            lines.push_back(line);
    }
    return lines;
}

template <typename T> T* child(QWidget& parent, const char* name)
{
    T* found = parent.findChild<T*>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child named %s", name);
    return found;
}

// Trains a run with the engine itself; returns (last training loss, lowest validation loss).
std::pair<double, double> trainDirectly(const QString& folder, int64_t steps)
{
    const TrainingRequest request = tinyRequest(folder, steps);
    i3::TrainConfig config = request.train;
    config.eval_every = steps / 2;
    config.checkpoint_every = steps;
    config.validation_fraction = 0.1;
    std::vector<std::string> texts = i3::read_data_texts(request.data.toSpec());
    auto tokenizer = i3::ChunkTokenizer::build(texts);
    i3::Trainer trainer(folder.toStdString(), request.model, config,
                        i3::prepare_training_data(texts, tokenizer, {"test"}, config, request.model.max_seq_len));
    double lastLoss = 0, bestValidation = INFINITY;
    trainer.run([&](const i3::TrainEvent& event) {
        if (event.kind == i3::TrainEvent::Kind::Step)
            lastLoss = event.loss;
        if (event.kind == i3::TrainEvent::Kind::Evaluation)
            bestValidation = std::min(bestValidation, event.validation_loss);
    });
    return {lastLoss, bestValidation};
}

// MemTotal of /proc/meminfo, in MiB.
double hostMemoryTotalMiB()
{
    std::ifstream in("/proc/meminfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("MemTotal:", 0) == 0)
            return std::stod(line.substr(9)) / 1024.0;
    qFatal("no MemTotal in /proc/meminfo");
}

int rowOf(QTableWidget* table, const QString& name)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text() == name)
            return row;
    return -1;
}

} // namespace

class TestTrainingPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void trainPauseResumeStopAndFinish()
    {
        const double startedAt = QDateTime::currentMSecsSinceEpoch() / 1000.0;
        QTemporaryDir workspace;
        const QString folder = workspace.filePath("run-a");
        TrainingPanel panel;
        panel.resize(1280, 760);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        // As the main window does: the Train button asks, the window answers with a request.
        connect(&panel, &TrainingPanel::trainRequested, &panel,
                [&] { panel.startTraining(tinyRequest(folder, 400)); });
        QSignalSpy jobs(&panel, &TrainingPanel::jobStarted);
        QSignalSpy started(&panel, &TrainingPanel::runStarted);
        QSignalSpy finished(&panel, &TrainingPanel::runFinished);
        auto* train = child<QPushButton>(panel, "trainButton");
        auto* pause = child<QPushButton>(panel, "pauseButton");
        auto* stop = child<QPushButton>(panel, "stopButton");
        auto* stepLabel = child<QLabel>(panel, "stepLabel");
        auto* stateLabel = child<QLabel>(panel, "stateLabel");
        auto* etaLabel = child<QLabel>(panel, "etaLabel");
        auto* speedLabel = child<QLabel>(panel, "speedLabel");
        auto* runLabel = child<QLabel>(panel, "runLabel");
        auto* progress = child<QProgressBar>(panel, "trainingProgress");
        QVERIFY(train->isEnabled());
        QVERIFY(!pause->isEnabled());
        QVERIFY(!stop->isEnabled());
        // When training begins (step 0 of 400) the bar stands at 0, not at the preparation's end;
        // the run folder is named once it exists.
        int progressAtStart = -1;
        bool folderNamedAtStart = false;
        connect(&panel, &TrainingPanel::runStarted, &panel, [&] {
            progressAtStart = progress->maximum() > 0 ? progress->value() : -1;
            folderNamedAtStart = runLabel->isVisibleTo(&panel) && runLabel->text().contains(folder);
        });

        QTest::mouseClick(train, Qt::LeftButton);
        QCOMPARE(jobs.count(), 1);
        QVERIFY(panel.isTraining());
        QVERIFY(!train->isEnabled());
        QVERIFY(stop->isEnabled());
        QVERIFY(!runLabel->isVisibleTo(&panel));
        QVERIFY(!stateLabel->isVisibleTo(&panel));

        QTRY_VERIFY_WITH_TIMEOUT(panel.lossPlot()->pointCount("train") >= 3, 60000);
        QCOMPARE(started.count(), 1);
        QCOMPARE(progressAtStart, 0);
        QVERIFY(folderNamedAtStart);
        QVERIFY(!etaLabel->text().isEmpty() && !speedLabel->text().isEmpty());
        QCOMPARE(started.at(0).at(0).toString(), folder);
        const qint64 seen = panel.currentStep();
        QTRY_VERIFY_WITH_TIMEOUT(panel.currentStep() > seen, 20000);
        const QRegularExpression stepText(QStringLiteral("^Step (\\d+) / 400$"));
        const auto match = stepText.match(stepLabel->text());
        QVERIFY2(match.hasMatch(), qPrintable(stepLabel->text()));
        QVERIFY(match.captured(1).toLongLong() > seen);
        QCOMPARE(panel.currentRunFolder(), folder);

        // Paused, the steps stop (the one under way may still finish).
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(panel.isPaused());
        QCOMPARE(pause->text(), QStringLiteral("Resume"));
        QVERIFY(stateLabel->isVisibleTo(&panel));
        QCOMPARE(stateLabel->text(), QStringLiteral("Paused"));
        QVERIFY(etaLabel->text().isEmpty() && speedLabel->text().isEmpty()); // no rate while nothing runs
        // The step under way (or an evaluation) ends, then the trainer holds; what it reported
        // before holding is delivered by then.
        auto* job = qobject_cast<TrainingJob*>(jobs.at(0).at(0).value<EngineJob*>());
        QVERIFY(job);
        QTRY_VERIFY_WITH_TIMEOUT(job->isHolding(), 60000);
        QCoreApplication::processEvents();
        const qint64 pausedAt = panel.currentStep();
        const int pointsAtPause = panel.lossPlot()->pointCount("train");
        QTest::qWait(2000);
        QCOMPARE(panel.currentStep(), pausedAt);
        QCOMPARE(panel.lossPlot()->pointCount("train"), pointsAtPause);

        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(!panel.isPaused());
        QCOMPARE(pause->text(), QStringLiteral("Pause"));
        QVERIFY(!stateLabel->isVisibleTo(&panel));
        QTRY_VERIFY_WITH_TIMEOUT(panel.currentStep() > pausedAt, 20000);
        QVERIFY(!etaLabel->text().isEmpty());

        // Past the first evaluation (step 20), then stop.
        QTRY_VERIFY_WITH_TIMEOUT(panel.currentStep() >= 22, 60000);
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(!stop->isEnabled());
        QCOMPARE(stateLabel->text(), QStringLiteral("Stopping…"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        // Stopped, the ETA and speed of the last step are gone rather than frozen.
        QCOMPARE(stateLabel->text(), QStringLiteral("Stopped"));
        QVERIFY(etaLabel->text().isEmpty() && speedLabel->text().isEmpty());
        QCOMPARE(finished.at(0).at(0).toString(), folder);
        QCOMPARE(finished.at(0).at(1).toBool(), true);
        QVERIFY(!panel.isTraining());
        QVERIFY(train->isEnabled());
        QVERIFY(!pause->isEnabled());

        const qint64 stoppedAt = panel.currentStep();
        const auto info = readJson(folder + "/run.json");
        QCOMPARE(info.at("status").get<std::string>(), std::string("stopped"));
        QCOMPARE(info.at("completed_steps").get<qint64>(), stoppedAt);
        const auto trainLines = metricLines(folder, "train");
        QCOMPARE(qint64(trainLines.size()), stoppedAt); // one line per step (log_every 1)
        QCOMPARE(metricLines(folder, "eval").size(), size_t(1));
        const QString latest = QString::fromStdString(
            i3::read_file((folder + "/checkpoints/latest").toStdString())).trimmed();
        QCOMPARE(latest, QStringLiteral("step-%1").arg(stoppedAt, 7, 10, QLatin1Char('0')));
        QVERIFY(QFile::exists(folder + "/checkpoints/" + latest + "/model.safetensors"));
        QVERIFY(QFile::exists(folder + "/checkpoints/" + latest + "/optimizer.pt"));
        // The plots hold what the trainer logged.
        QCOMPARE(qint64(panel.lossPlot()->pointCount("train")), stoppedAt);
        QCOMPARE(panel.lossPlot()->pointCount("validation"), 1);
        const MetricColumn losses = panel.lossPlot()->column("train");
        QCOMPARE(losses.y.front(), trainLines.front().at("loss").get<double>());
        QCOMPARE(losses.y.back(), trainLines.back().at("loss").get<double>());
        QVERIFY(!child<QPlainTextEdit>(panel, "samplesView")->toPlainText().isEmpty());
        QVERIFY(child<QPlainTextEdit>(panel, "logView")->toPlainText().contains(QStringLiteral("Checkpoint saved")));

        // Resumed to the end, the run keeps its history and exports the model.
        panel.resumeRun(folder, stoppedAt + 10);
        QCOMPARE(jobs.count(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(finished.at(1).at(1).toBool(), false);
        const auto finalInfo = readJson(folder + "/run.json");
        QCOMPARE(finalInfo.at("status").get<std::string>(), std::string("finished"));
        QCOMPARE(finalInfo.at("completed_steps").get<qint64>(), stoppedAt + 10);
        for (const char* file : {"config.json", "model.safetensors", "pytorch_model.bin", "tokenizer.json"})
            QVERIFY2(QFile::exists(folder + "/i3-model-artifacts/" + file), file);
        QCOMPARE(qint64(panel.lossPlot()->pointCount("train")), stoppedAt + 10);
        QCOMPARE(stepLabel->text(), QStringLiteral("Step %1 / %1").arg(stoppedAt + 10));
        QCOMPARE(stateLabel->text(), QStringLiteral("Finished"));

        // Exports: one CSV row per step, the values of metrics.jsonl; one PNG per plot.
        const QString csv = workspace.filePath("metrics.csv");
        QVERIFY(panel.exportMetricsCsv(csv));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = csvFile.readAll().trimmed().split('\n');
        QCOMPARE(rows.front(), QByteArray("step,loss,ppl,lr,grad_norm,tokens_per_s,val_loss"));
        QCOMPARE(qint64(rows.size()), stoppedAt + 10 + 1);
        const auto allLines = metricLines(folder, "train");
        const QList<QByteArray> first = rows[1].split(',');
        QCOMPARE(first[0], QByteArray("1"));
        QVERIFY(std::abs(first[1].toDouble() - allLines.front().at("loss").get<double>()) < 1e-9);
        QVERIFY(std::abs(first[3].toDouble() - allLines.front().at("lr").get<double>()) < 1e-15);
        const QString pngs = workspace.filePath("plots");
        QVERIFY(panel.exportPlotsPng(pngs));
        for (const char* name : {"loss", "perplexity", "learning-rate", "gradient-norm", "tokens-per-second", "device"})
            QVERIFY2(!QImage(pngs + "/" + name + ".png").isNull(), name);

        // The device samples on the wall clock (to line up with another tool's), the host's
        // figures within what /proc/meminfo says the machine has.
        const QString deviceCsv = workspace.filePath("device.csv");
        QVERIFY(panel.exportDeviceCsv(deviceCsv));
        const double exportedAt = QDateTime::currentMSecsSinceEpoch() / 1000.0;
        QFile deviceFile(deviceCsv);
        QVERIFY(deviceFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> samples = deviceFile.readAll().trimmed().split('\n');
        QCOMPARE(samples.front(), QByteArray("unix_time_s,ram,rss,cpu"));
        QVERIFY(samples.size() >= 2);
        const double ramTotalMiB = hostMemoryTotalMiB();
        double previous = startedAt - 0.01;
        for (qsizetype i = 1; i < samples.size(); ++i) {
            const QList<QByteArray> cells = samples[i].split(',');
            QCOMPARE(cells.size(), 4);
            const double t = cells[0].toDouble();
            QVERIFY2(t > previous && t <= exportedAt + 0.01, samples[i].constData());
            previous = t;
            QVERIFY(cells[1].toDouble() > 0 && cells[1].toDouble() <= ramTotalMiB);
            QVERIFY(cells[2].toDouble() > 0 && cells[2].toDouble() <= cells[1].toDouble());
        }
    }

    // The device timeline marks each evaluation and checkpoint the job reports, in order, within
    // the samples' time; with a peak rate stated for this CPU the speed shows the model-FLOPs
    // utilisation: tokens/s × the run's FLOPs per token (telemetry/training_flops) / the peak.
    void theDeviceTimelineMarksEventsAndTheSpeedShowsMfu()
    {
        QTemporaryDir workspace;
        const QString folder = workspace.filePath("run-marked");
        TrainingPanel panel;
        panel.setDeviceSamplesPerSecond(5);
        QCOMPARE(panel.deviceSamplesPerSecond(), 5);
        panel.setDeviceSamplesPerSecond(50);
        QCOMPARE(panel.deviceSamplesPerSecond(), 10); // at most ten a second
        constexpr double kPeakTflops = 0.002;
        panel.setPeakTflops(kPeakTflops);
        auto* speedLabel = child<QLabel>(panel, "speedLabel");
        int evaluations = 0, checkpoints = 0;
        QStringList speeds, expected;
        connect(&panel, &TrainingPanel::jobStarted, &panel, [&](EngineJob* engineJob) {
            auto* job = static_cast<TrainingJob*>(engineJob);
            // Connected after the panel's own slots, so these see what the panel has just shown.
            connect(job, &TrainingJob::evaluated, &panel, [&] { ++evaluations; });
            connect(job, &TrainingJob::checkpointSaved, &panel, [&] { ++checkpoints; });
            connect(job, &TrainingJob::stepLogged, &panel, [&](const i3::TrainEvent& step) {
                const i3::RunInfo info = i3::RunFolder(folder.toStdString()).read_info();
                const double mfu = 100 * step.tokens_per_second * i3::training_flops_per_token(info.model) /
                                   (kPeakTflops * 1e12);
                expected << QStringLiteral("%1 tokens/s, MFU %2%")
                                .arg(QLocale().toString(step.tokens_per_second, 'f', 0),
                                     QLocale().toString(mfu, 'f', mfu < 10 ? 2 : 1));
                speeds << speedLabel->text();
            });
        });
        QSignalSpy finished(&panel, &TrainingPanel::runFinished);
        panel.startTraining(tinyRequest(folder, 40));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);

        QVERIFY(!speeds.isEmpty());
        QCOMPARE(speeds, expected);
        MetricPlot* device = panel.devicePlot();
        const QVector<double> evaluated = device->markers("evaluation");
        const QVector<double> saved = device->markers("checkpoint");
        QCOMPARE(evaluated.size(), evaluations);
        QCOMPARE(saved.size(), checkpoints);
        QVERIFY(evaluations >= 2); // every 20 steps of 40
        QVERIFY(checkpoints >= 2);
        QVERIFY(std::is_sorted(evaluated.begin(), evaluated.end()));
        QVERIFY(std::is_sorted(saved.begin(), saved.end()));
        QVERIFY(evaluated.front() >= 0);
        // A new job starts a new timeline.
        QSignalSpy again(&panel, &TrainingPanel::runFinished);
        panel.startTraining(tinyRequest(workspace.filePath("run-marked-2"), 1));
        QVERIFY(device->markers("evaluation").isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(again.count(), 1, 120000);
    }

    // A corpus of a few texts read many times over: the Advice tab says so before the first step,
    // in the words and with the figures of run.json (train tokens; steps × batch × context).
    void theAdviceTabSaysWhenTheDataIsTooSmall()
    {
        QTemporaryDir workspace;
        const QString folder = workspace.filePath("run-small-data");
        TrainingPanel panel;
        TrainingRequest request = tinyRequest(folder, 120);
        request.data.maxTexts = 12;
        QSignalSpy finished(&panel, &TrainingPanel::runFinished);
        panel.startTraining(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);

        const i3::RunInfo info = i3::RunFolder(folder.toStdString()).read_info();
        const double epochs = static_cast<double>(request.train.steps * request.train.batch_size * request.model.max_seq_len) /
                              static_cast<double>(info.train_tokens);
        QVERIFY2(epochs >= 10, qPrintable(QString::number(epochs))); // the case this test is about
        i3::Advice expected{i3::Advice::Kind::SmallData};
        expected.seen = epochs;
        expected.usual = static_cast<double>(info.train_tokens);
        auto* list = child<AdviceList>(panel, "adviceList");
        QStringList shown;
        for (int row = 0; row < list->count(); ++row)
            shown << list->item(row)->text();
        QVERIFY2(shown.contains(AdviceList::whatOf(expected) + QLatin1Char('\n') + AdviceList::fixOf(expected)),
                 qPrintable(shown.join(" | ")));
        QVERIFY(AdviceList::whatOf(expected).contains(QLocale().toString(static_cast<double>(info.train_tokens), 'f', 0)));
        // A new run starts with no advice.
        panel.startTraining(tinyRequest(workspace.filePath("run-enough"), 1));
        QCOMPARE(list->count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
    }

    void aFailedRequestShowsItsErrorAndThePanelTrainsAgain()
    {
        QTemporaryDir workspace;
        TrainingPanel panel;
        panel.resize(1280, 760);
        panel.show();
        auto* train = child<QPushButton>(panel, "trainButton");
        auto* reason = child<QLabel>(panel, "reasonLabel");
        auto* error = child<QLabel>(panel, "errorLabel");

        panel.setTrainingAllowed(false, QStringLiteral("Choose some data first"));
        QVERIFY(!train->isEnabled());
        QVERIFY(reason->isVisible());
        QCOMPARE(reason->text(), QStringLiteral("Choose some data first"));
        QCOMPARE(train->toolTip(), QStringLiteral("Choose some data first"));
        panel.setTrainingAllowed(true, QString());
        QVERIFY(train->isEnabled());
        QVERIFY(!reason->isVisible());

        QSignalSpy failed(&panel, &TrainingPanel::runFailed);
        QSignalSpy finished(&panel, &TrainingPanel::runFinished);
        TrainingRequest bad = tinyRequest(workspace.filePath("run-bad"), 10);
        bad.data.builtinCorpus = false;
        bad.data.files = {workspace.filePath("missing.txt")};
        panel.startTraining(bad);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.at(0).at(1).toString().contains("missing.txt"), qPrintable(failed.at(0).at(1).toString()));
        QCOMPARE(finished.at(0).at(1).toBool(), false);
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains("missing.txt"));
        // It failed before its folder was made: no folder is named, and the state says failed.
        QVERIFY(!QFileInfo::exists(workspace.filePath("run-bad")));
        QVERIFY(!child<QLabel>(panel, "runLabel")->isVisible());
        QCOMPARE(child<QLabel>(panel, "stateLabel")->text(), QStringLiteral("Failed"));
        panel.dismissError(); // the inputs changed
        QVERIFY(!error->isVisible());
        QVERIFY(child<QPlainTextEdit>(panel, "logView")->toPlainText().contains("missing.txt"));
        QVERIFY(!panel.isTraining());
        QVERIFY(train->isEnabled());

        const QString good = workspace.filePath("run-good");
        connect(&panel, &TrainingPanel::trainRequested, &panel, [&] { panel.startTraining(tinyRequest(good, 6)); });
        QTest::mouseClick(train, Qt::LeftButton);
        QVERIFY(!error->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(finished.at(1).at(1).toBool(), false);
        QCOMPARE(readJson(good + "/run.json").at("status").get<std::string>(), std::string("finished"));
        QCOMPARE(panel.lossPlot()->pointCount("train"), 6);

        // A run folder that is in use is refused before any work.
        panel.startTraining(tinyRequest(good, 6));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 30000);
        QCOMPARE(failed.count(), 2);
        QVERIFY(failed.at(1).at(1).toString().contains("not empty"));
    }

    void showRunReadsAFinishedRun()
    {
        QTemporaryDir workspace;
        const QString folder = workspace.filePath("engine-run");
        trainDirectly(folder, 12);
        TrainingPanel panel;
        panel.show();
        panel.showRun(folder);
        QTRY_COMPARE_WITH_TIMEOUT(panel.lossPlot()->pointCount("train"), 12, 10000);
        QCOMPARE(panel.lossPlot()->pointCount("validation"), 2);
        QCOMPARE(panel.currentStep(), qint64(12));
        QCOMPARE(child<QLabel>(panel, "stepLabel")->text(), QStringLiteral("Step 12 / 12"));
        const auto lines = metricLines(folder, "train");
        QCOMPARE(panel.lossPlot()->column("train").y.back(), lines.back().at("loss").get<double>());
    }

    void showRunFollowsARunAnotherTrainerIsWriting()
    {
        QTemporaryDir workspace;
        const QString folder = workspace.filePath("elsewhere");
        TrainingPanel panel;
        panel.show();
        QSignalSpy steps(&panel, &TrainingPanel::stepChanged);
        std::thread other([&] { trainDirectly(folder, 60); }); // as another process would
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(folder + "/run.json"), 30000);
        panel.showRun(folder);
        other.join();
        QTRY_COMPARE_WITH_TIMEOUT(panel.lossPlot()->pointCount("train"), 60, 10000);
        QCOMPARE(child<QLabel>(panel, "stepLabel")->text(), QStringLiteral("Step 60 / 60"));
        QVERIFY2(steps.count() >= 2, "the plots grew while the run was written, not once at the end");
        QTest::qWait(1500); // followed no further once the run finished: nothing is read twice
        QCOMPARE(panel.lossPlot()->pointCount("train"), 60);
        QCOMPARE(panel.lossPlot()->pointCount("validation"), 2);
    }

    void aRunOfTwoRanksShowsEachRanksSpeed()
    {
        QTemporaryDir workspace;
        const QString data = workspace.filePath("texts.txt");
        QByteArray texts;
        for (int i = 0; i < 200; ++i)
            texts += "The cat and the dog played in the sun, day " + QByteArray::number(i % 7) + ".\n\n";
        i3test::write_file(data, texts);
        const QString folder = workspace.filePath("two-ranks");
        const auto trained = i3test::run_cli({"train", "--preset", "tiny", "--data", data, "--steps", "6", "--log-every",
                                              "1", "--eval-every", "6", "--sample-tokens", "0", "--batch", "2",
                                              "--nproc-per-node", "2", "--out", folder});
        QVERIFY2(trained.exit_code == 0, trained.err.constData());
        const auto lines = metricLines(folder, "train");
        QCOMPARE(lines.size(), size_t(6));

        TrainingPanel panel;
        panel.show();
        panel.showRun(folder);
        QTRY_COMPARE_WITH_TIMEOUT(panel.lossPlot()->pointCount("train"), 6, 10000);
        auto* speed = child<MetricPlot>(panel, "speedPlot");
        QCOMPARE(speed->seriesIds(), (QStringList{"tokens_per_s", "rank_0", "rank_1"}));
        QCOMPARE(speed->column("rank_1").label, QStringLiteral("rank 1"));
        for (int rank = 0; rank < 2; ++rank) {
            const QString id = QStringLiteral("rank_%1").arg(rank);
            QCOMPARE(speed->pointCount(id), 6);
            QCOMPARE(speed->column(id).y.back(), lines.back().at("rank_tokens_per_s").at(rank).get<double>());
        }
        QCOMPARE(speed->column("tokens_per_s").y.back(), lines.back().at("tokens_per_s").get<double>());
        // By tokens seen, a step is every rank's: 2 ranks x batch 2 x context 64.
        panel.setCurveAxis(i3::CurveAxis::Tokens);
        QCOMPARE(speed->column("rank_1").x.back(), 6.0 * 2 * 2 * 64);
        QCOMPARE(speed->pointCount("rank_1"), 6);
        panel.setCurveAxis(i3::CurveAxis::Step);

        // Another run shown after it has no rank series left over.
        const QString alone = workspace.filePath("alone");
        trainDirectly(alone, 4);
        panel.showRun(alone);
        QTRY_COMPARE_WITH_TIMEOUT(panel.lossPlot()->pointCount("train"), 4, 10000);
        QCOMPARE(speed->seriesIds(), QStringList{"tokens_per_s"});

        RunBrowser browser;
        browser.show();
        browser.setWorkspace(workspace.path());
        auto* table = child<QTableWidget>(browser, "runTable");
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 2, 10000);
        QVERIFY(table->item(rowOf(table, "two-ranks"), 0)->toolTip().contains(QStringLiteral("trained on 2 ranks (gloo)")));
        QVERIFY(!table->item(rowOf(table, "alone"), 0)->toolTip().contains(QStringLiteral("rank")));
    }

    void runBrowserListsAndOverlaysRuns()
    {
        QTemporaryDir workspace;
        const QString alpha = workspace.filePath("alpha");
        const QString beta = workspace.filePath("beta");
        const auto [alphaLoss, alphaBest] = trainDirectly(alpha, 12);
        trainDirectly(beta, 8);
        QDir().mkpath(workspace.filePath("broken"));
        QFile broken(workspace.filePath("broken/run.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"status\": ");
        broken.close();

        RunBrowser browser;
        browser.resize(1000, 700);
        browser.show();
        QSignalSpy refreshed(&browser, &RunBrowser::refreshed);
        browser.setWorkspace(workspace.path());
        QCOMPARE(browser.workspace(), workspace.path());
        auto* table = child<QTableWidget>(browser, "runTable");
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 3, 10000);

        const int a = rowOf(table, "alpha");
        QVERIFY(a >= 0);
        QCOMPARE(table->item(a, 1)->text(), QStringLiteral("finished"));
        QCOMPARE(table->item(a, 2)->text(), QStringLiteral("12 / 12"));
        QCOMPARE(table->item(a, 7)->text(), QString::number(alphaLoss, 'f', 4));
        QCOMPARE(table->item(a, 8)->text(), QString::number(alphaBest, 'f', 4));
        const int b = rowOf(table, "broken");
        QVERIFY(b >= 0);
        QCOMPARE(table->item(b, 1)->text(), QStringLiteral("unreadable"));
        QVERIFY(!table->item(b, 0)->toolTip().isEmpty());

        QSignalSpy selection(&browser, &RunBrowser::selectionChanged);
        auto* compare = child<MetricPlot>(browser, "compareLoss");
        table->selectRow(a);
        QCOMPARE(browser.selectedRuns(), QStringList{alpha});
        QCOMPARE(selection.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(compare->pointCount(alpha), 12, 10000);
        QCOMPARE(compare->column(alpha).label, QStringLiteral("alpha"));
        QVERIFY(compare->customPlot()->legend->visible()); // names the one run too
        QCOMPARE(compare->column(alpha).y.back(), alphaLoss);

        // Both selected: two curves, in two colours.
        const int bRow = rowOf(table, "beta");
        table->selectionModel()->select(table->model()->index(bRow, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(browser.selectedRuns().size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(compare->pointCount(beta), 8, 10000);
        QCOMPARE(compare->pointCount(alpha), 12);
        QCOMPARE(compare->seriesIds().size(), 2);

        // A refresh keeps the selection and the curves (no points twice).
        const int before = refreshed.count();
        browser.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() > before, 10000);
        QCOMPARE(browser.selectedRuns().size(), 2);
        QCOMPARE(compare->pointCount(alpha), 12);

        // Enter opens the current run.
        QSignalSpy activated(&browser, &RunBrowser::runActivated);
        table->setCurrentCell(rowOf(table, "alpha"), 0);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), alpha);
    }

    void runBrowserShowsRecipesDiffsAndManagesRuns()
    {
        QTemporaryDir dir;
        const QDir workspace(dir.path());
        const QString alpha = workspace.filePath("alpha"), beta = workspace.filePath("beta");
        trainDirectly(alpha, 12);
        trainDirectly(beta, 8);
        RunBrowser browser;
        browser.resize(1200, 700);
        browser.show();
        QSignalSpy refreshed(&browser, &RunBrowser::refreshed);
        browser.setWorkspace(workspace.path());
        auto* table = child<QTableWidget>(browser, "runTable");
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 2, 10000);

        // The recipe columns say what run.json says.
        const nlohmann::json alphaJson = readJson(alpha + "/run.json");
        const int a = rowOf(table, "alpha");
        QCOMPARE(table->item(a, 3)->text(), QStringLiteral("tiny"));
        QCOMPARE(table->item(a, 4)->text(), QLocale().toString(alphaJson["training"]["lr"].get<double>(), 'g', 3));
        QCOMPARE(table->item(a, 5)->text(), QString::number(alphaJson["training"]["batch_size"].get<int>() *
                                                            alphaJson["training"]["grad_accum"].get<int>()));
        QCOMPARE(table->item(a, 6)->text(), QString::fromStdString(alphaJson["training"]["precision"].get<std::string>()));

        // The diff of the two: exactly the keys whose values differ in the two run.json files.
        const nlohmann::json betaJson = readJson(beta + "/run.json");
        QStringList expected;
        for (const char* section : {"model", "training"})
            for (const auto& [key, value] : alphaJson[section].items())
                if (betaJson[section][key] != value)
                    expected << QString("%1.%2").arg(section, QString::fromStdString(key));
        for (const char* key : {"parameters", "train_tokens", "validation_tokens"})
            if (alphaJson[key] != betaJson[key])
                expected << QString::fromLatin1(key);
        QVERIFY(expected.contains("training.steps"));
        table->selectAll();
        auto* diff = browser.diffTable();
        QTRY_VERIFY_WITH_TIMEOUT(diff->isVisible(), 10000);
        QStringList shown;
        for (int row = 0; row < diff->rowCount(); ++row)
            shown << diff->item(row, 0)->text();
        expected.sort();
        shown.sort();
        QCOMPARE(shown, expected);
        const int stepsRow = [&] {
            for (int row = 0; row < diff->rowCount(); ++row)
                if (diff->item(row, 0)->text() == "training.steps")
                    return row;
            return -1;
        }();
        QSet<QString> steps = {diff->item(stepsRow, 1)->text(), diff->item(stepsRow, 2)->text()};
        QCOMPARE(steps, (QSet<QString>{"12", "8"}));

        // Rename and notes: the table shows the name, the tooltip the notes; the folder stays.
        QCOMPARE(browser.renameRun(alpha, "baseline"), QString());
        QCOMPARE(browser.setRunNotes(alpha, "the first try"), QString());
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(table, "baseline") >= 0, 10000);
        QVERIFY(table->item(rowOf(table, "baseline"), 0)->toolTip().contains("the first try"));
        QVERIFY(QFileInfo::exists(alpha + "/run.json"));
        QVERIFY(!browser.renameRun(alpha, "two\nlines").isEmpty());

        // The context menu offers what the run allows; a finished run cannot be resumed.
        QMenu* menu = browser.contextMenuFor(alpha);
        QStringList actions;
        bool resumeEnabled = true;
        for (QAction* action : menu->actions()) {
            actions << action->text();
            if (action->text() == RunBrowser::tr("&Resume"))
                resumeEnabled = action->isEnabled();
        }
        QVERIFY(actions.contains(RunBrowser::tr("&Fork from checkpoint")));
        QVERIFY(!resumeEnabled);

        // Deleting: never while a trainer holds the run; for good when asked.
        {
            const i3::RunLock trainer(beta.toStdString());
            QVERIFY(browser.deleteRun(beta, true).contains("is being trained"));
        }
        QVERIFY(QFileInfo::exists(beta + "/run.json"));
        QCOMPARE(browser.deleteRun(beta, true), QString());
        QVERIFY(!QFileInfo::exists(beta));
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 10000);
    }

    void anOpenedRunShowsItsSamplesAndItsCurvesTheirWays()
    {
        QTemporaryDir dir;
        const QString folder = QDir(dir.path()).filePath("run");
        trainDirectly(folder, 12);
        std::vector<nlohmann::json> samples;
        {
            std::ifstream in((folder + "/samples.jsonl").toStdString());
            for (std::string line; std::getline(in, line);)
                samples.push_back(nlohmann::json::parse(line));
        }
        QVERIFY(!samples.empty());

        TrainingPanel panel;
        panel.resize(1200, 800);
        panel.show();
        panel.showRun(folder);
        const auto trainLines = metricLines(folder, "train");
        MetricPlot* loss = panel.lossPlot();
        QTRY_COMPARE_WITH_TIMEOUT(loss->pointCount("train"), int(trainLines.size()), 10000);
        auto* samplesView = child<QPlainTextEdit>(panel, "samplesView");
        QTRY_VERIFY_WITH_TIMEOUT(samplesView->toPlainText().contains(
                                     QString::fromStdString(samples.back()["text"].get<std::string>())),
                                 10000);
        QVERIFY(samplesView->toPlainText().contains(QString::fromStdString(samples.front()["text"].get<std::string>())));

        // Smoothing: the drawn smoothed curve is TensorBoard's debiased EMA of the losses.
        panel.setSmoothing(0.6);
        QCOMPARE(child<QSlider>(panel, "smoothingSlider")->value(), 60);
        loss->refreshNow();
        const QVector<QPointF> smoothed = loss->shownSmoothedPoints("train");
        QCOMPARE(smoothed.size(), int(trainLines.size())); // few points: all drawn
        double average = 0;
        for (size_t i = 0; i < trainLines.size(); ++i) {
            average = 0.6 * average + 0.4 * trainLines[i]["loss"].get<double>();
            QVERIFY(std::abs(smoothed[int(i)].y() - average / (1 - std::pow(0.6, double(i + 1)))) < 1e-9);
        }
        QVERIFY(loss->readoutAt(trainLines[3]["step"].get<double>() + 0.2).contains(QLocale().toString(trainLines[3]["loss"].get<double>(), 'g', 5)));

        // Tokens seen: steps × batch × accumulation × context, from run.json.
        const nlohmann::json info = readJson(folder + "/run.json");
        const double perStep = info["training"]["batch_size"].get<double>() * info["training"]["grad_accum"].get<double>() *
                               info["model"]["max_seq_len"].get<double>();
        child<QComboBox>(panel, "curveAxisBox")->setCurrentIndex(1);
        QCOMPARE(panel.curveAxis(), i3::CurveAxis::Tokens);
        const MetricColumn lr = panel.metricPlots().at(2)->column("lr");
        QCOMPARE(lr.x.size(), int(trainLines.size()));
        for (size_t i = 0; i < trainLines.size(); ++i) {
            QCOMPARE(lr.x[int(i)], trainLines[i]["step"].get<double>() * perStep);
            QCOMPARE(lr.y[int(i)], trainLines[i]["lr"].get<double>());
        }
        panel.setCurveAxis(i3::CurveAxis::WallTime);
        QCOMPARE(loss->column("train").x.back(), trainLines.back()["elapsed_s"].get<double>());
        panel.setLogX(true);
        QVERIFY(loss->isLogX());
    }

    void selectedRunsAreOverlaidInEveryMetricPlot()
    {
        QTemporaryDir dir;
        const QString alpha = QDir(dir.path()).filePath("alpha"), beta = QDir(dir.path()).filePath("beta");
        trainDirectly(alpha, 12);
        trainDirectly(beta, 8);
        TrainingPanel panel;
        panel.resize(1200, 800);
        panel.show();
        panel.setComparedRuns({{alpha, "alpha", Qt::red}, {beta, "beta", Qt::blue}});
        const auto betaLines = metricLines(beta, "train");
        const auto betaEvals = metricLines(beta, "eval");
        MetricPlot* speed = panel.metricPlots().at(4);
        QTRY_COMPARE_WITH_TIMEOUT(speed->pointCount(TrainingPanel::comparedSeries(beta)), int(betaLines.size()), 10000);
        const MetricColumn tokensPerSecond = speed->column(TrainingPanel::comparedSeries(beta));
        QCOMPARE(tokensPerSecond.label, QStringLiteral("beta"));
        for (size_t i = 0; i < betaLines.size(); ++i)
            QCOMPARE(tokensPerSecond.y[int(i)], betaLines[i]["tokens_per_s"].get<double>());
        const MetricColumn validation = panel.lossPlot()->column(TrainingPanel::comparedSeries(beta, true));
        QCOMPARE(validation.y.size(), int(betaEvals.size()));
        QCOMPARE(validation.y.back(), betaEvals.back()["val_loss"].get<double>());
        QTRY_COMPARE_WITH_TIMEOUT(panel.metricPlots().at(3)->pointCount(TrainingPanel::comparedSeries(alpha)),
                                  int(metricLines(alpha, "train").size()), 10000);
        panel.setComparedRuns({});
        for (MetricPlot* plot : panel.metricPlots())
            QVERIFY(!plot->hasSeries(TrainingPanel::comparedSeries(alpha)));
    }
};

QTEST_MAIN(TestTrainingPanel)
#include "test_training_panel.moc"
