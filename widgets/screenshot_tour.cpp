// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshot_tour.h"

#include "data_panel.h"
#include "inspect_panel.h"
#include "model_map_panel.h"
#include "main_window.h"
#include "runs/run_folder.h"
#include "model_panel.h"
#include "playground_panel.h"
#include "probe_panel.h"
#include "run_browser.h"
#include "training_panel.h"
#include "workbench_panel.h"

#include "config/preset.h"
#include "telemetry/device_telemetry.h"

#include <QDir>
#include <QElapsedTimer>
#include <QPixmap>
#include <QTimer>

#include <algorithm>
#include <memory>

ScreenshotTour::ScreenshotTour(MainWindow* window, const QString& outputFolder, QObject* parent)
    : QObject(parent), window_(window), output_(outputFolder)
{
}

ScreenshotTour::Plan ScreenshotTour::planForThisMachine()
{
    const std::vector<std::string> devices = i3::available_devices();
    const bool gpu = std::find(devices.begin(), devices.end(), "cuda:0") != devices.end();
    // On a GPU, long enough for the device plot to show a minute of work; the probe stops at the
    // first context that does not fit. On two CPU cores, the default path: the CPU preset and its
    // whole recipe, which writes readable samples within minutes.
    if (gpu)
        return {QStringLiteral("cuda:0"), QString::fromLatin1(i3::kPublishedPreset),
                QString::fromLatin1(i3::kPublishedPreset), 1000, 500, 131072};
    const i3::TrainConfig recipe = i3::load_preset(i3::kCpuPreset).training;
    return {QStringLiteral("cpu"), QString::fromLatin1(i3::kCpuPreset), QString::fromLatin1(i3::kCpuPreset),
            recipe.steps, recipe.eval_every, 1024};
}

void ScreenshotTour::start()
{
    if (!QDir().mkpath(output_) || !workspace_.isValid())
        return fail(tr("Cannot create the folder %1").arg(output_));
    window_->setWorkspace(workspace_.path());
    window_->setWindowState(Qt::WindowNoState); // the pictures show the 1280 x 800 the panels are laid out for
    window_->resize(1280, 800);
    window_->show();
    analyseData();
}

void ScreenshotTour::analyseData()
{
    DataChoice choice;
    choice.builtinCorpus = true;
    window_->dataPanel()->setChoice(choice);
    window_->showPanel(MainWindow::Panel::Data);
    window_->dataPanel()->analyse();
    waitFor([this] { return window_->dataPanel()->lastSummary().has_value(); }, 300, tr("the data analysis"), [this] {
        save("data");
        showModel();
    });
}

void ScreenshotTour::showModel()
{
    // The preset's recipe trains (on a GPU shortened to the plan's steps); the tour only logs
    // more often and writes shorter samples.
    window_->modelPanel()->selectPreset(plan_.preset);
    auto training = window_->modelPanel()->trainConfig();
    training.steps = plan_.steps;
    training.log_every = 5;
    training.eval_every = plan_.evalEvery;
    training.checkpoint_every = plan_.steps / 2;
    training.sample_tokens = 40;
    training.device = plan_.device.toStdString();
    window_->modelPanel()->setTrainConfig(training);
    window_->showPanel(MainWindow::Panel::Model);
    waitFor([] { return true; }, 1, QString(), [this] {
        save("model");
        showLayerPattern();
    });
}

// The layer-pattern editor with the preset's blocks interleaved and one selected; the run then
// trains the preset's own order.
void ScreenshotTour::showLayerPattern()
{
    const i3::ModelConfig shape = window_->modelPanel()->modelConfig();
    QString interleaved;
    for (int64_t i = 0; i < std::max(shape.hybrid_layers, shape.attn_layers); ++i) {
        if (i < shape.hybrid_layers)
            interleaved += QLatin1Char(i3::kHybridBlock);
        if (i < shape.attn_layers)
            interleaved += QLatin1Char(i3::kAttentionBlock);
    }
    window_->modelPanel()->showLayerOrder(interleaved, 1);
    waitFor([] { return true; }, 1, QString(), [this, shape] {
        save("layers");
        window_->modelPanel()->showLayerOrder(QString::fromStdString(shape.layer_order()));
        train();
    });
}

void ScreenshotTour::train()
{
    window_->startTraining();
    runFolder_ = window_->trainingPanel()->currentRunFolder();
    auto* panel = window_->trainingPanel();
    waitFor([panel] { return !panel->isTraining(); }, 900, tr("the training run"), [this] {
        window_->runBrowser()->refresh();
        save("training");
        const QDir out(output_);
        if (!window_->trainingPanel()->exportDeviceCsv(out.filePath("device.csv")) ||
            !window_->trainingPanel()->exportMetricsCsv(out.filePath("metrics.csv")))
            return fail(tr("Cannot write the training run's samples into %1").arg(output_));
        compareRuns();
    });
}

// A fork of the run from its middle checkpoint with a lower learning rate, both runs selected:
// their curves overlaid, smoothed, and the settings in which they differ.
void ScreenshotTour::compareRuns()
{
    auto training = window_->modelPanel()->trainConfig();
    training.lr /= 2;
    training.steps = 200;
    training.warmup_steps = 0;
    window_->modelPanel()->setTrainConfig(training);
    window_->forkRun(runFolder_, QString::fromStdString(i3::RunFolder(runFolder_.toStdString()).checkpoint_dir(plan_.steps / 2).string()));
    const QString fork = window_->trainingPanel()->currentRunFolder();
    forkFolder_ = fork;
    auto* panel = window_->trainingPanel();
    auto* runs = window_->runBrowser();
    waitFor([panel] { return !panel->isTraining(); }, 900, tr("the forked run"), [this, fork, panel, runs] {
        runs->refresh();
        waitFor([runs, fork, this] { return runs->selectRuns({runFolder_, fork}) == 2; }, 60, tr("the run list"),
                [this, panel] {
                    panel->setSmoothing(0.6);
                    save("runs");
                    probe();
                });
    });
}

void ScreenshotTour::probe()
{
    auto* panel = window_->probePanel();
    panel->setPreset(plan_.probePreset);
    panel->setBatchSize(1);
    panel->setContextRange(128, plan_.probeLongest);
    panel->setDevice(plan_.device);
    window_->showPanel(MainWindow::Panel::Probe);
    panel->startProbe();
    waitFor([panel] { return !panel->isRunning(); }, 600, tr("the context probe"), [this] {
        save("probe");
        play();
    });
}

void ScreenshotTour::play()
{
    auto* panel = window_->playgroundPanel();
    window_->showPanel(MainWindow::Panel::Playground);
    panel->setDevice(plan_.device); // the model loads onto it
    panel->loadRunCheckpoint(runFolder_);
    waitFor([panel] { return panel->hasModel(); }, 120, tr("loading the trained model"), [this, panel] {
        panel->setPrompt("once upon a time");
        // Whatever the Playground remembers from earlier sessions: the same picture every time.
        panel->setGreedy(false);
        panel->setTemperature(0.8);
        panel->setTopK(50);
        panel->setTopP(1.0);
        panel->setSeed(7);
        panel->setLength(60);
        panel->generate();
        waitFor([panel] { return !panel->isGenerating() && !panel->generatedText().isEmpty(); }, 120,
                tr("the generation"), [this] {
                    save("playground");
                    inspect();
                });
    });
}

// The trained run, inside: its recurrent states, A's eigenvalues, w_mix and an attention map.
void ScreenshotTour::inspect()
{
    auto* panel = window_->inspectPanel();
    window_->showPanel(MainWindow::Panel::Inspect);
    panel->setDevice(plan_.device);
    panel->loadRunCheckpoint(runFolder_);
    waitFor([panel] { return panel->hasModel() && !panel->isLoading(); }, 120, tr("loading the model to inspect"),
            [this, panel] {
                panel->setPrompt("once upon a time");
                panel->inspect();
                waitFor([panel] { return !panel->isInspecting() && panel->result().inspection; }, 120,
                        tr("the inspection"), [this] {
                            save("inspect");
                            showModelMap();
                        });
            });
}

// The run and its fork on the same prompt and seed, a token of the continuation up close with a
// top-k cut-off that leaves some of its alternatives out.
void ScreenshotTour::workbench()
{
    auto* panel = window_->workbenchPanel();
    window_->showPanel(MainWindow::Panel::Workbench);
    panel->setDevice(plan_.device);
    panel->loadRunCheckpoint(runFolder_, WorkbenchPanel::First);
    waitFor([panel] { return panel->hasModel(WorkbenchPanel::First) && !panel->isLoading(); }, 120,
            tr("loading the model into the workbench"), [this, panel] {
                panel->loadRunCheckpoint(forkFolder_, WorkbenchPanel::Second);
                waitFor([panel] { return panel->hasModel(WorkbenchPanel::Second) && !panel->isLoading(); }, 120,
                        tr("loading the fork into the workbench"), [this, panel] {
                            panel->setPrompt("once upon a time");
                            panel->setSeed(7);
                            panel->setLength(40);
                            panel->setTopK(5);
                            panel->generate();
                            waitFor([panel] { return !panel->isWorking() && panel->sequence(WorkbenchPanel::Second); },
                                    300, tr("the workbench's generation"), [this, panel] {
                                        const auto first = panel->sequence(WorkbenchPanel::First);
                                        panel->selectToken(WorkbenchPanel::First, int(first->prompt_length) + 3);
                                        save("workbench");
                                        Q_EMIT finished(true, QString());
                                    });
                        });
            });
}

// The trained run's blocks, which of them learn, and one hybrid block's tensors over training.
void ScreenshotTour::showModelMap()
{
    auto* panel = window_->modelMapPanel();
    window_->showPanel(MainWindow::Panel::ModelMap);
    panel->showRun(runFolder_);
    panel->selectBlock(2);
    waitFor([panel] { return !panel->records().empty(); }, 60, tr("the run's weight statistics"), [this] {
        save("model-map");
        workbench();
    });
}

void ScreenshotTour::save(const QString& name)
{
    const QString file = QDir(output_).filePath(name + ".png");
    if (!window_->grab().save(file))
        fail(tr("Cannot write %1").arg(file));
}

void ScreenshotTour::fail(const QString& message) { Q_EMIT finished(false, message); }

void ScreenshotTour::waitFor(const std::function<bool()>& done, int seconds, const QString& what,
                             const std::function<void()>& next)
{
    auto* timer = new QTimer(this);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(timer, &QTimer::timeout, this, [=] {
        if (done()) {
            timer->deleteLater();
            timer->stop();
            // Give the plots' throttled redraws a moment before the picture is taken.
            QTimer::singleShot(600, this, next);
        } else if (clock->elapsed() > seconds * 1000LL) {
            timer->deleteLater();
            timer->stop();
            fail(tr("Timed out waiting for %1").arg(what));
        }
    });
    timer->start(200);
}
