// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshot_tour.h"

#include "data_panel.h"
#include "main_window.h"
#include "model_panel.h"
#include "playground_panel.h"
#include "probe_panel.h"
#include "run_browser.h"
#include "training_panel.h"

#include "config/preset.h"

#include <QDir>
#include <QElapsedTimer>
#include <QPixmap>
#include <QTimer>

#include <memory>

ScreenshotTour::ScreenshotTour(MainWindow* window, const QString& outputFolder, QObject* parent)
    : QObject(parent), window_(window), output_(outputFolder)
{
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
    // The default path of a machine without a GPU: its preset and that preset's own recipe.
    window_->modelPanel()->selectPreset(QString::fromLatin1(i3::kCpuPreset));
    auto training = window_->modelPanel()->trainConfig();
    training.device = "cpu";
    window_->modelPanel()->setTrainConfig(training);
    window_->showPanel(MainWindow::Panel::Model);
    waitFor([] { return true; }, 1, QString(), [this] {
        save("model");
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
        probe();
    });
}

void ScreenshotTour::probe()
{
    auto* panel = window_->probePanel();
    panel->setPreset("small");
    panel->setBatchSize(1);
    panel->setContextRange(128, 1024);
    panel->setDevice("cpu");
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
    panel->loadRunCheckpoint(runFolder_);
    waitFor([panel] { return panel->hasModel(); }, 120, tr("loading the trained model"), [this, panel] {
        panel->setPrompt("once upon a time");
        panel->setSeed(7);
        panel->setLength(60);
        panel->generate();
        waitFor([panel] { return !panel->isGenerating() && !panel->generatedText().isEmpty(); }, 120,
                tr("the generation"), [this] {
                    save("playground");
                    Q_EMIT finished(true, QString());
                });
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
