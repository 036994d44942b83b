// SPDX-License-Identifier: GPL-3.0-or-later
// `i3-studio --screenshot DIR`: lays out every panel with real data and saves each as a PNG, the
// pictures the README shows. The Model panel is pictured twice: as it opens, and with the
// layer-pattern editor showing the preset's blocks interleaved. A short real training run on the
// built-in corpus (in the preset's own order) fills the Training panel, a probe the Context probe
// panel, a generation from that run the Playground, an inspection of the same run the Inspect
// panel, its weights.jsonl the Model map, and the run beside its fork on one prompt the token
// workbench. Where
// LibTorch sees a GPU, they run on cuda:0 with the published i3-80M shape; the device plot's
// samples of the training run and its metrics are saved beside the pictures (device.csv,
// metrics.csv), to be checked against the driver's readings and the same run of the command line
// (scripts/gpu_studio.sh).
#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <functional>

class MainWindow;

class ScreenshotTour : public QObject {
    Q_OBJECT
public:
    ScreenshotTour(MainWindow* window, const QString& outputFolder, QObject* parent = nullptr);

    // Starts the tour; finished() follows (the window stays usable while it runs).
    void start();

Q_SIGNALS:
    // ok false: `message` says what went wrong.
    void finished(bool ok, const QString& message);

private:
    // What the tour trains, probes and generates with, and where.
    struct Plan {
        QString device;
        QString preset;
        QString probePreset;
        qint64 steps;
        qint64 evalEvery;
        qint64 probeLongest;
    };
    static Plan planForThisMachine();

    void analyseData();
    void showLayerPattern();
    void showModel();
    void train();
    void compareRuns();
    void probe();
    void play();
    void inspect();
    void showModelMap();
    void workbench();
    void save(const QString& name);
    void fail(const QString& message);
    // Calls `next` once `done` holds, checking every 200 ms, or fails after `seconds`.
    void waitFor(const std::function<bool()>& done, int seconds, const QString& what, const std::function<void()>& next);

    const Plan plan_ = planForThisMachine();
    MainWindow* window_;
    QString output_;
    QTemporaryDir workspace_;
    QString runFolder_;
    QString forkFolder_;
};
