// SPDX-License-Identifier: GPL-3.0-or-later
// The Training panel: start, pause, resume and stop a run; watch its loss, perplexity, learning
// rate, gradient norm, speed and the device live; read its samples and log. It also shows a run
// from disk (one another process may still be writing) through its metrics.jsonl.
#pragma once

#include "curves/curve_axis.h"
#include "runs/run_info.h"
#include "training/training_advice.h"
#include "telemetry/training_flops.h"
#include "fork_request.h"
#include "job_thread.h"
#include "training_job.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <map>
#include <memory>
#include <optional>
#include <vector>

class AdviceList;
class MetricPlot;
class QLabel;
class QCheckBox;
class QComboBox;
class QPlainTextEdit;
class QSlider;
class QProgressBar;
class QPushButton;
class RunScanner;
struct RunScan;

namespace i3 {
class DeviceTelemetry;
}

// A run whose curves are overlaid on the open one's, in the colour the run browser gives it.
struct ComparedRun {
    QString folder;
    QString label;
    QColor color;
};

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
    // The five metric plots (loss, perplexity, learning rate, gradient norm, speed).
    QList<MetricPlot*> metricPlots() const;
    i3::CurveAxis curveAxis() const { return axis_; }
    // The series id of a compared run's curve in the metric plots ("validation" adds its
    // evaluations in the loss and perplexity plots).
    static QString comparedSeries(const QString& folder, bool validation = false);

public Q_SLOTS:
    void startTraining(const TrainingRequest& request);
    // Continues a run from its latest checkpoint; `steps`, when positive, replaces its plan.
    void resumeRun(const QString& runFolder, qint64 steps = 0);
    // A new run from another run's checkpoint (training/run_fork.h).
    void forkRun(const ForkRequest& request);
    // Overlays these runs' metrics (every metric plot) on the open run's; an empty list removes them.
    void setComparedRuns(const std::vector<ComparedRun>& runs);
    // The x axis of the metric plots: steps, tokens seen or training time.
    void setCurveAxis(i3::CurveAxis axis);
    // Smoothing of every metric plot (0: raw ... 0.999), as the slider sets it.
    void setSmoothing(double weight);
    void setLogX(bool on);
    void pauseTraining();
    void resumeTraining();
    void stopTraining();
    // Hides the error of the last run that failed: the inputs it came from have changed.
    void dismissError();
    // Shows a run's curves from its metrics.jsonl, following the file while the run is still
    // training (in another process). Refused while this panel trains.
    void showRun(const QString& runFolder);
    // Writes every plot as <folder>/<plot>.png.
    bool exportPlotsPng(const QString& folder);
    // Writes the training metrics (step, loss, perplexity, lr, grad norm, tokens/s, validation
    // loss) as one CSV aligned on the step.
    bool exportMetricsCsv(const QString& file);
    // Writes the device plot's samples of the last job as CSV, one row per sample: the Unix time
    // in seconds (to line them up with another tool's readings, nvidia-smi's say), then each
    // series by its id (allocated, reserved, peak, used in MiB; gpu_util %, gpu_power W,
    // gpu_temp °C; on the CPU ram, rss in MiB and cpu %).
    bool exportDeviceCsv(const QString& file);
    // How often the device plot samples while a job runs (StudioSettings' rate, 1 to 10 a second).
    void setDeviceSamplesPerSecond(int samples);
    int deviceSamplesPerSecond() const;
    // The peak rate the speed's model-FLOPs utilisation is stated against for devices whose own is
    // not known here (telemetry/training_flops.h); 0: only those. Used from the next job on.
    void setPeakTflops(double tflops);
    // The device plot, for the tests: its series by id, its markers by kind ("evaluation",
    // "checkpoint", "data_stall"), on the device clock's seconds.
    MetricPlot* devicePlot() const { return devicePlot_; }

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
    QWidget* buildCurveControls();
    void plotMetrics(const i3::RunMetrics& metrics, const QString& train, const QString& validation,
                     double tokensPerStep);
    void replotMetrics();
    void plotRankSpeeds(const QVector<double>& x, const std::vector<std::vector<double>>& perRank);
    void updateFollowed();
    void showSample(qint64 step, const QString& text);
    void clearPlots();
    void showEmptyRun(const QString& runFolder);
    void startJob(std::unique_ptr<JobThread<TrainingJob>> job, const QString& runFolder);
    void connectJob(TrainingJob* job);
    void updateButtons();
    void setStep(qint64 step, qint64 total);
    void log(const QString& line);
    void showError(const QString& message);
    void showState(const QString& state);
    void showRunFolder();
    void clearRates();
    void showProgress(qint64 step, qint64 total);

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
    void stopFollowing();
    void onScanned(const RunScan& scan);
    void sampleDevice();
    double deviceSeconds() const;
    void setUpDevicePlot(const QString& device);
    void setRates(const i3::RunInfo& plan);
    void adviseBeforeTraining(const i3::RunInfo& plan);
    QString speedText(double tokensPerSecond) const;

    QPushButton* trainButton_ = nullptr;
    QPushButton* pauseButton_ = nullptr;
    QPushButton* stopButton_ = nullptr;
    QLabel* stepLabel_ = nullptr;
    QLabel* stateLabel_ = nullptr; // paused, stopping, and how the last run ended
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
    QSlider* smoothingSlider_ = nullptr;
    QLabel* smoothingValue_ = nullptr;
    QComboBox* axisBox_ = nullptr;
    QCheckBox* logXBox_ = nullptr;
    QPlainTextEdit* logView_ = nullptr;
    AdviceList* advice_ = nullptr;
    i3::TrainingCoach coach_{0}; // the running job's

    std::unique_ptr<JobThread<TrainingJob>> job_;
    bool trainingAllowed_ = true;
    QString runFolder_;
    qint64 step_ = 0;
    qint64 total_ = 0;

    i3::RunMetrics shown_;      // every metric of the open run, to draw again on another x axis
    double tokensPerStep_ = 0;  // of the open run
    double flopsPerToken_ = 0;  // of the job's model, training (telemetry/training_flops.h)
    std::optional<i3::PeakRate> peak_; // the job's device's, when known: the speed shows its MFU
    double userPeakTflops_ = 0; // StudioSettings' peak for devices not known here; 0: none
    bool stallTold_ = false;    // the log has said once that this job waits on its data
    i3::CurveAxis axis_ = i3::CurveAxis::Step;
    bool followingShown_ = false; // the open run is read from its folder, not from a job
    struct Compared {
        ComparedRun run;
        i3::RunMetrics metrics;
        double tokensPerStep = 0;
    };
    std::map<QString, Compared> compared_;

    RunScanner* scanner_ = nullptr;
    QTimer followTimer_;

    std::unique_ptr<i3::DeviceTelemetry> telemetry_;
    QTimer deviceTimer_;
    QElapsedTimer deviceClock_;
    qint64 deviceClockStartMs_ = 0; // deviceClock_'s start, in milliseconds since the Unix epoch
    int cudaIndex_ = -1; // the CUDA device the job trains on, -1 on the CPU
};
