// SPDX-License-Identifier: GPL-3.0-or-later
// The Training panel: start, pause, resume and stop a run; watch its loss, perplexity, learning
// rate, gradient norm, speed and the device live; read its samples and log. It also shows a run
// from disk (one another process may still be writing) through its metrics.jsonl.
#pragma once

#include "job_thread.h"
#include "training_job.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <memory>

class MetricPlot;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class RunScanner;
struct RunScan;

namespace i3 {
class DeviceTelemetry;
}

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPanel(QWidget* parent = nullptr);
    ~TrainingPanel() override;

    // Enables the Train button (when no run is under way); `reason` says why it is not allowed.
    void setTrainingAllowed(bool allowed, const QString& reason = QString());

    bool isTraining() const;
    bool isPaused() const;
    qint64 currentStep() const { return step_; }
    QString currentRunFolder() const { return runFolder_; }
    MetricPlot* lossPlot() const { return lossPlot_; }

public Q_SLOTS:
    void startTraining(const TrainingRequest& request);
    // Continues a run from its latest checkpoint; `steps`, when positive, replaces its plan.
    void resumeRun(const QString& runFolder, qint64 steps = 0);
    void pauseTraining();
    void resumeTraining();
    void stopTraining();
    // Shows a run's curves from its metrics.jsonl, following the file while the run is still
    // training (in another process). Refused while this panel trains.
    void showRun(const QString& runFolder);
    // Writes every plot as <folder>/<plot>.png.
    bool exportPlotsPng(const QString& folder);
    // Writes the training metrics (step, loss, perplexity, lr, grad norm, tokens/s, validation
    // loss) as one CSV aligned on the step.
    bool exportMetricsCsv(const QString& file);

Q_SIGNALS:
    // The Train button: the main window gathers a TrainingRequest and calls startTraining().
    void trainRequested();
    void jobStarted(EngineJob* job);
    void runStarted(const QString& runFolder);
    // Failures report runFailed() first, then runFinished(folder, false).
    void runFailed(const QString& runFolder, const QString& message);
    void runFinished(const QString& runFolder, bool cancelled);
    void stepChanged(qint64 step, qint64 total);

private:
    void buildInterface();
    QWidget* buildControls();
    QWidget* buildPlots();
    void clearPlots();
    void showEmptyRun(const QString& runFolder);
    void startJob(std::unique_ptr<JobThread<TrainingJob>> job, const QString& runFolder);
    void connectJob(TrainingJob* job);
    void updateButtons();
    void setStep(qint64 step, qint64 total);
    void log(const QString& line);
    void showError(const QString& message);

    void onStarted(const QString& summary, qint64 step, qint64 total);
    void onHistory(const i3::RunMetrics& metrics);
    void onStep(const i3::TrainEvent& step);
    void onEvaluation(const i3::TrainEvent& evaluation);
    void onSample(qint64 step, const QString& text);
    void onCheckpoint(qint64 step, const QString& folder);
    void onTrainingEnded(qint64 step, bool completed, const QString& path);
    void onFailed(const QString& message);
    void onJobFinished(bool cancelled);

    void addMetrics(const i3::RunMetrics& metrics);
    void showSpeeds(const QVector<double>& steps, const std::vector<double>& total,
                    const std::vector<std::vector<double>>& perRank);
    void stopFollowing();
    void onScanned(const RunScan& scan);
    void sampleDevice();
    void setUpDevicePlot(const QString& device);

    QPushButton* trainButton_ = nullptr;
    QPushButton* pauseButton_ = nullptr;
    QPushButton* stopButton_ = nullptr;
    QLabel* stepLabel_ = nullptr;
    QLabel* etaLabel_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QLabel* checkpointLabel_ = nullptr;
    QLabel* reasonLabel_ = nullptr;
    QLabel* errorLabel_ = nullptr;
    QLabel* runLabel_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    MetricPlot* lossPlot_ = nullptr;
    MetricPlot* perplexityPlot_ = nullptr;
    MetricPlot* lrPlot_ = nullptr;
    MetricPlot* gradPlot_ = nullptr;
    MetricPlot* speedPlot_ = nullptr;
    MetricPlot* devicePlot_ = nullptr;
    QPlainTextEdit* samplesView_ = nullptr;
    QPlainTextEdit* logView_ = nullptr;

    std::unique_ptr<JobThread<TrainingJob>> job_;
    bool trainingAllowed_ = true;
    QString runFolder_;
    qint64 step_ = 0;
    qint64 total_ = 0;

    RunScanner* scanner_ = nullptr;
    QTimer followTimer_;

    std::unique_ptr<i3::DeviceTelemetry> telemetry_;
    QTimer deviceTimer_;
    QElapsedTimer deviceClock_;
    int cudaIndex_ = -1; // the CUDA device the job trains on, -1 on the CPU
};
