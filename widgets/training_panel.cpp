// SPDX-License-Identifier: GPL-3.0-or-later
#include "training_panel.h"

#include "base/device.h"
#include "telemetry/device_memory.h"
#include "telemetry/device_telemetry.h"
#include "metric_plot.h"
#include "run_browser.h"
#include "run_scanner.h"
#include "runs/run_folder.h"
#include "runs/run_schema.h"

#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <exception>

namespace {

constexpr int kDeviceIntervalMs = 1000;
constexpr int kFollowIntervalMs = 1000;
constexpr double kMiB = 1024.0 * 1024.0;

const QColor kTrainColor(31, 119, 180);
const QColor kValidationColor(255, 127, 14);
const QColor kSpeedColor(148, 103, 189);
const QString kRankSeriesPrefix = QStringLiteral("rank_");

QColor rankColor(size_t rank)
{
    static const QColor palette[] = {QColor(44, 160, 44), QColor(255, 127, 14), QColor(31, 119, 180),
                                     QColor(214, 39, 40), QColor(140, 86, 75),  QColor(227, 119, 194)};
    return palette[rank % (sizeof palette / sizeof palette[0])];
}

QVector<double> toQVector(const std::vector<double>& values) { return QVector<double>(values.begin(), values.end()); }

QString durationText(double seconds)
{
    const qint64 total = static_cast<qint64>(std::max(0.0, std::round(seconds)));
    const qint64 hours = total / 3600, minutes = total / 60 % 60, rest = total % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, QLatin1Char('0')).arg(rest, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(rest, 2, 10, QLatin1Char('0'));
}

// The GPU a run trains on, or -1 for the CPU (and for a device string the trainer will refuse).
int cudaIndexOf(const QString& device)
{
    const auto spec = i3::parse_device(device.toStdString());
    return spec ? spec->gpu_index() : -1;
}

QString deviceOfRun(const QString& folder)
{
    try {
        return QString::fromStdString(i3::RunFolder(folder.toStdString()).read_info().training.device);
    } catch (const std::exception&) {
        return QStringLiteral("cpu"); // the trainer will say what is wrong with the folder
    }
}

MetricPlot* makePlot(const QString& objectName, const QString& title, const QString& xLabel,
                     const QString& yLabel, QWidget* parent)
{
    auto* plot = new MetricPlot(title, parent);
    plot->setObjectName(objectName);
    plot->setAxisLabels(xLabel, yLabel);
    plot->setMinimumSize(240, 170);
    return plot;
}

} // namespace

TrainingPanel::TrainingPanel(QWidget* parent) : QWidget(parent)
{
    qRegisterMetaType<RunScan>();
    buildInterface();
    telemetry_ = std::make_unique<i3::DeviceTelemetry>();
    setUpDevicePlot(QStringLiteral("cpu"));

    deviceTimer_.setInterval(kDeviceIntervalMs);
    connect(&deviceTimer_, &QTimer::timeout, this, &TrainingPanel::sampleDevice);

    scanner_ = new RunScanner(this);
    connect(scanner_, &RunScanner::scanned, this, &TrainingPanel::onScanned);
    followTimer_.setInterval(kFollowIntervalMs);
    connect(&followTimer_, &QTimer::timeout, scanner_, &RunScanner::scan);
    updateButtons();
}

// A run under way is stopped (it saves a checkpoint) before the panel goes.
TrainingPanel::~TrainingPanel()
{
    if (job_) {
        disconnect(&job_->job(), nullptr, this, nullptr);
        job_.reset(); // cancels and waits for its thread
    }
}

void TrainingPanel::buildInterface()
{
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(buildPlots());
    splitter->addWidget(scroll);

    samplesView_ = new QPlainTextEdit(this);
    samplesView_->setObjectName("samplesView");
    samplesView_->setReadOnly(true);
    samplesView_->setMaximumBlockCount(5000);
    samplesView_->setPlaceholderText(tr("Texts the model writes at each evaluation appear here."));
    logView_ = new QPlainTextEdit(this);
    logView_->setObjectName("logView");
    logView_->setReadOnly(true);
    logView_->setMaximumBlockCount(10000);
    auto* side = new QTabWidget(splitter);
    side->addTab(samplesView_, tr("Samples"));
    side->addTab(logView_, tr("Log"));
    side->setMinimumWidth(260);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(buildControls());
    layout->addWidget(splitter, 1);
}

QWidget* TrainingPanel::buildControls()
{
    auto* box = new QWidget(this);
    trainButton_ = new QPushButton(tr("Train"), box);
    trainButton_->setObjectName("trainButton");
    trainButton_->setToolTip(tr("Start a new run with the data and model chosen in the other panels"));
    pauseButton_ = new QPushButton(tr("Pause"), box);
    pauseButton_->setObjectName("pauseButton");
    stopButton_ = new QPushButton(tr("Stop"), box);
    stopButton_->setObjectName("stopButton");
    stopButton_->setToolTip(tr("Stop after the current step and save a checkpoint to resume from"));
    connect(trainButton_, &QPushButton::clicked, this, &TrainingPanel::trainRequested);
    connect(pauseButton_, &QPushButton::clicked, this, [this] { isPaused() ? resumeTraining() : pauseTraining(); });
    connect(stopButton_, &QPushButton::clicked, this, &TrainingPanel::stopTraining);

    stepLabel_ = new QLabel(tr("No run yet"), box);
    stepLabel_->setObjectName("stepLabel");
    etaLabel_ = new QLabel(box);
    etaLabel_->setObjectName("etaLabel");
    speedLabel_ = new QLabel(box);
    speedLabel_->setObjectName("speedLabel");
    checkpointLabel_ = new QLabel(box);
    checkpointLabel_->setObjectName("checkpointLabel");

    auto* exportMenu = new QMenu(box);
    exportMenu->addAction(tr("Plots as PNG…"), this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Export the plots into"));
        if (!folder.isEmpty() && !exportPlotsPng(folder))
            QMessageBox::warning(this, tr("Export"), tr("Some plots could not be written into %1.").arg(folder));
    });
    exportMenu->addAction(tr("Metrics as CSV…"), this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export the metrics"), QStringLiteral("metrics.csv"),
                                                          tr("CSV files (*.csv)"));
        if (!file.isEmpty() && !exportMetricsCsv(file))
            QMessageBox::warning(this, tr("Export"), tr("Could not write %1.").arg(file));
    });
    auto* exportButton = new QToolButton(box);
    exportButton->setObjectName("exportButton");
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setMenu(exportMenu);

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(trainButton_);
    row->addWidget(pauseButton_);
    row->addWidget(stopButton_);
    row->addSpacing(12);
    row->addWidget(stepLabel_);
    row->addSpacing(12);
    row->addWidget(etaLabel_);
    row->addSpacing(12);
    row->addWidget(speedLabel_);
    row->addSpacing(12);
    row->addWidget(checkpointLabel_);
    row->addStretch(1);
    row->addWidget(exportButton);

    progressBar_ = new QProgressBar(box);
    progressBar_->setObjectName("trainingProgress");
    progressBar_->setRange(0, 1000);
    progressBar_->setTextVisible(false);
    progressBar_->setMaximumHeight(8);
    progressBar_->setVisible(false);
    reasonLabel_ = new QLabel(box);
    reasonLabel_->setObjectName("reasonLabel");
    reasonLabel_->setWordWrap(true);
    reasonLabel_->setVisible(false);
    errorLabel_ = new QLabel(box);
    errorLabel_->setObjectName("errorLabel");
    errorLabel_->setWordWrap(true);
    errorLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorLabel_->setStyleSheet(QStringLiteral("color: #b00020;"));
    errorLabel_->setVisible(false);
    runLabel_ = new QLabel(box);
    runLabel_->setObjectName("runLabel");
    runLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addLayout(row);
    layout->addWidget(progressBar_);
    layout->addWidget(runLabel_);
    layout->addWidget(reasonLabel_);
    layout->addWidget(errorLabel_);
    return box;
}

QWidget* TrainingPanel::buildPlots()
{
    auto* grid = new QWidget(this);
    const QString step = tr("step");
    lossPlot_ = makePlot("lossPlot", tr("Loss"), step, tr("loss"), grid);
    lossPlot_->addSeries("train", tr("training"), kTrainColor);
    lossPlot_->addSeries("validation", tr("validation"), kValidationColor, MetricPlot::Axis::Left, true);
    perplexityPlot_ = makePlot("perplexityPlot", tr("Perplexity"), step, tr("perplexity"), grid);
    perplexityPlot_->addSeries("train", tr("training"), kTrainColor);
    perplexityPlot_->addSeries("validation", tr("validation"), kValidationColor, MetricPlot::Axis::Left, true);
    lrPlot_ = makePlot("lrPlot", tr("Learning rate"), step, tr("learning rate"), grid);
    lrPlot_->addSeries("lr", tr("learning rate"), QColor(44, 160, 44));
    gradPlot_ = makePlot("gradNormPlot", tr("Gradient norm"), step, tr("norm (before clipping)"), grid);
    gradPlot_->addSeries("grad_norm", tr("gradient norm"), QColor(214, 39, 40));
    speedPlot_ = makePlot("speedPlot", tr("Speed"), step, tr("tokens/s"), grid);
    speedPlot_->addSeries("tokens_per_s", tr("tokens/s"), kSpeedColor);
    devicePlot_ = makePlot("devicePlot", tr("Device"), tr("time (s)"), QString(), grid);
    devicePlot_->setIncludeZero(MetricPlot::Axis::Left, true);
    devicePlot_->setIncludeZero(MetricPlot::Axis::Right, true);

    auto* layout = new QGridLayout(grid);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(lossPlot_, 0, 0);
    layout->addWidget(perplexityPlot_, 0, 1);
    layout->addWidget(lrPlot_, 0, 2);
    layout->addWidget(gradPlot_, 1, 0);
    layout->addWidget(speedPlot_, 1, 1);
    layout->addWidget(devicePlot_, 1, 2);
    return grid;
}

void TrainingPanel::setTrainingAllowed(bool allowed, const QString& reason)
{
    trainingAllowed_ = allowed;
    reasonLabel_->setText(reason);
    reasonLabel_->setVisible(!allowed && !reason.isEmpty());
    trainButton_->setToolTip(allowed ? tr("Start a new run with the data and model chosen in the other panels")
                                     : reason);
    updateButtons();
}

bool TrainingPanel::isTraining() const { return job_ != nullptr; }

bool TrainingPanel::isPaused() const { return job_ && job_->job().isPaused(); }

void TrainingPanel::startTraining(const TrainingRequest& request)
{
    if (isTraining()) {
        log(tr("A run is under way; stop it before starting another."));
        return;
    }
    setUpDevicePlot(QString::fromStdString(request.train.device));
    log(tr("New run in %1").arg(request.runFolder));
    startJob(std::make_unique<JobThread<TrainingJob>>(request), request.runFolder);
}

void TrainingPanel::resumeRun(const QString& runFolder, qint64 steps)
{
    if (isTraining()) {
        log(tr("A run is under way; stop it before resuming another."));
        return;
    }
    setUpDevicePlot(deviceOfRun(runFolder));
    log(tr("Resuming %1").arg(runFolder));
    startJob(std::make_unique<JobThread<TrainingJob>>(runFolder, steps), runFolder);
}

// Clears what the panel showed of the previous run, for `runFolder`.
void TrainingPanel::showEmptyRun(const QString& runFolder)
{
    stopFollowing();
    clearPlots();
    samplesView_->clear();
    errorLabel_->setVisible(false);
    checkpointLabel_->clear();
    etaLabel_->clear();
    speedLabel_->clear();
    runFolder_ = runFolder;
    runLabel_->setText(tr("Run folder: %1").arg(runFolder));
    step_ = 0;
    total_ = 0;
}

void TrainingPanel::startJob(std::unique_ptr<JobThread<TrainingJob>> job, const QString& runFolder)
{
    showEmptyRun(runFolder);
    stepLabel_->setText(tr("Preparing…"));
    progressBar_->setRange(0, 0);
    progressBar_->setVisible(true);

    job_ = std::move(job);
    connectJob(&job_->job());
    updateButtons();
    deviceClock_.start();
    sampleDevice();
    deviceTimer_.start();
    Q_EMIT jobStarted(&job_->job()); // before start(), so listeners hear the job's first signals
    job_->start();
}

void TrainingPanel::connectJob(TrainingJob* job)
{
    connect(job, &EngineJob::progress, this, [this](double fraction, const QString& message) {
        if (fraction < 0) {
            progressBar_->setRange(0, 0);
        } else {
            progressBar_->setRange(0, 1000);
            progressBar_->setValue(static_cast<int>(fraction * 1000));
        }
        if (step_ == 0 && total_ == 0)
            stepLabel_->setText(message);
    });
    connect(job, &TrainingJob::trainingStarted, this, &TrainingPanel::onStarted);
    connect(job, &TrainingJob::noted, this, [this](const QString& note) { log(tr("Note: %1").arg(note)); });
    connect(job, &TrainingJob::history, this, &TrainingPanel::onHistory);
    connect(job, &TrainingJob::stepLogged, this, &TrainingPanel::onStep);
    connect(job, &TrainingJob::evaluated, this, &TrainingPanel::onEvaluation);
    connect(job, &TrainingJob::sampleGenerated, this, &TrainingPanel::onSample);
    connect(job, &TrainingJob::checkpointSaved, this, &TrainingPanel::onCheckpoint);
    connect(job, &TrainingJob::trainingEnded, this, &TrainingPanel::onTrainingEnded);
    connect(job, &TrainingJob::pausedChanged, this, [this](bool paused) {
        log(paused ? tr("Paused (after the current step).") : tr("Resumed."));
        updateButtons();
    });
    connect(job, &EngineJob::failed, this, &TrainingPanel::onFailed);
    connect(job, &EngineJob::finished, this, &TrainingPanel::onJobFinished);
}

void TrainingPanel::pauseTraining()
{
    if (job_ && !job_->job().isPaused() && !job_->job().wasCancelled())
        job_->job().pause();
}

void TrainingPanel::resumeTraining()
{
    if (job_ && job_->job().isPaused())
        job_->job().resume();
}

void TrainingPanel::stopTraining()
{
    if (!job_ || job_->job().wasCancelled())
        return;
    job_->job().cancel();
    log(tr("Stopping after the current step…"));
    updateButtons();
}

void TrainingPanel::updateButtons()
{
    const bool running = isTraining();
    const bool stopping = running && job_->job().wasCancelled();
    trainButton_->setEnabled(trainingAllowed_ && !running);
    pauseButton_->setEnabled(running && !stopping);
    pauseButton_->setText(isPaused() ? tr("Resume") : tr("Pause"));
    stopButton_->setEnabled(running && !stopping);
}

void TrainingPanel::setStep(qint64 step, qint64 total)
{
    step_ = step;
    total_ = total;
    stepLabel_->setText(total > 0 ? tr("Step %1 / %2").arg(step).arg(total) : tr("Step %1").arg(step));
    Q_EMIT stepChanged(step, total);
}

void TrainingPanel::log(const QString& line)
{
    logView_->appendPlainText(QStringLiteral("[%1] %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

void TrainingPanel::showError(const QString& message)
{
    errorLabel_->setText(message);
    errorLabel_->setVisible(true);
}

void TrainingPanel::onStarted(const QString& summary, qint64 step, qint64 total)
{
    log(tr("Training started: %1").arg(summary));
    setStep(step, total);
    Q_EMIT runStarted(runFolder_);
}

void TrainingPanel::onHistory(const i3::RunMetrics& metrics) { addMetrics(metrics); }

void TrainingPanel::onStep(const i3::TrainEvent& step)
{
    const double x = static_cast<double>(step.step);
    lossPlot_->appendPoint("train", x, step.loss);
    perplexityPlot_->appendPoint("train", x, step.perplexity);
    lrPlot_->appendPoint("lr", x, step.lr);
    gradPlot_->appendPoint("grad_norm", x, step.grad_norm);
    showSpeeds({x}, {step.tokens_per_second}, {step.rank_tokens_per_second});
    etaLabel_->setText(tr("ETA %1").arg(durationText(step.eta_seconds)));
    setStep(step.step, step.total_steps);
}

void TrainingPanel::onEvaluation(const i3::TrainEvent& evaluation)
{
    const double x = static_cast<double>(evaluation.step);
    const double validationLoss = evaluation.validation_loss; // below 0: no validation split
    if (validationLoss >= 0 && std::isfinite(validationLoss)) {
        lossPlot_->appendPoint("validation", x, validationLoss);
        perplexityPlot_->appendPoint("validation", x, std::exp(validationLoss));
        const QString line = evaluation.is_best ? tr("Step %1: validation loss %2, training loss %3 (best so far)")
                                                : tr("Step %1: validation loss %2, training loss %3");
        log(line.arg(evaluation.step).arg(validationLoss, 0, 'f', 4).arg(evaluation.loss, 0, 'f', 4));
    } else {
        const QString line = evaluation.is_best ? tr("Step %1: training loss %2 (best so far)")
                                                : tr("Step %1: training loss %2");
        log(line.arg(evaluation.step).arg(evaluation.loss, 0, 'f', 4));
    }
}

void TrainingPanel::onSample(qint64 step, const QString& text)
{
    samplesView_->appendPlainText(tr("Step %1:\n%2\n").arg(QString::number(step), text));
}

void TrainingPanel::onCheckpoint(qint64 step, const QString& folder)
{
    checkpointLabel_->setText(tr("Checkpoint: step %1").arg(step));
    log(tr("Checkpoint saved at step %1: %2").arg(QString::number(step), folder));
}

void TrainingPanel::onTrainingEnded(qint64 step, bool completed, const QString& path)
{
    if (completed)
        log(tr("Finished at step %1; the model is in %2").arg(QString::number(step), path));
    else
        log(tr("Stopped at step %1; resume it later from %2").arg(QString::number(step), path));
}

void TrainingPanel::onFailed(const QString& message)
{
    showError(message);
    log(tr("Error: %1").arg(message));
    Q_EMIT runFailed(runFolder_, message);
}

void TrainingPanel::onJobFinished(bool cancelled)
{
    deviceTimer_.stop();
    progressBar_->setVisible(false);
    if (job_)
        job_.release()->deleteLater();
    if (step_ == 0 && total_ == 0)
        stepLabel_->setText(cancelled ? tr("Stopped before training began") : tr("No run yet"));
    updateButtons();
    Q_EMIT runFinished(runFolder_, cancelled);
}

void TrainingPanel::addMetrics(const i3::RunMetrics& metrics)
{
    const QVector<double> steps = toQVector(metrics.step);
    lossPlot_->appendPoints("train", steps, toQVector(metrics.loss));
    perplexityPlot_->appendPoints("train", steps, toQVector(metrics.perplexity));
    lrPlot_->appendPoints("lr", steps, toQVector(metrics.lr));
    gradPlot_->appendPoints("grad_norm", steps, toQVector(metrics.grad_norm));
    showSpeeds(steps, metrics.tokens_per_second, metrics.rank_tokens_per_second);
    const QVector<double> evalSteps = toQVector(metrics.eval_step);
    QVector<double> validationPerplexity;
    for (double loss : metrics.validation_loss)
        validationPerplexity.push_back(std::exp(loss));
    lossPlot_->appendPoints("validation", evalSteps, toQVector(metrics.validation_loss));
    perplexityPlot_->appendPoints("validation", evalSteps, validationPerplexity);
}

// The speed of every rank together; where several ranks train the run (data parallel), each
// one's too, as a series of its own, and in the label.
void TrainingPanel::showSpeeds(const QVector<double>& steps, const std::vector<double>& total,
                               const std::vector<std::vector<double>>& perRank)
{
    if (steps.isEmpty())
        return;
    speedPlot_->appendPoints("tokens_per_s", steps, toQVector(total));
    std::vector<QVector<double>> rankSteps, rankSpeeds;
    for (int i = 0; i < steps.size(); ++i)
        for (size_t rank = 0; rank < perRank[static_cast<size_t>(i)].size(); ++rank) {
            if (rank >= rankSteps.size()) {
                rankSteps.resize(rank + 1);
                rankSpeeds.resize(rank + 1);
            }
            rankSteps[rank].push_back(steps[i]);
            rankSpeeds[rank].push_back(perRank[static_cast<size_t>(i)][rank]);
        }
    for (size_t rank = 0; rank < rankSteps.size(); ++rank) {
        const QString id = kRankSeriesPrefix + QString::number(rank);
        if (!speedPlot_->hasSeries(id))
            speedPlot_->addSeries(id, tr("rank %1").arg(rank), rankColor(rank));
        speedPlot_->appendPoints(id, rankSteps[rank], rankSpeeds[rank]);
    }
    const QString speed = QLocale().toString(total.back(), 'f', 0);
    const std::vector<double>& last = perRank.back();
    if (last.empty()) {
        speedLabel_->setText(tr("%1 tokens/s").arg(speed));
        return;
    }
    QStringList each;
    for (double rankSpeed : last)
        each << QLocale().toString(rankSpeed, 'f', 0);
    speedLabel_->setText(tr("%1 tokens/s (ranks: %2)").arg(speed, each.join(QStringLiteral(", "))));
}

void TrainingPanel::clearPlots()
{
    for (MetricPlot* plot : {lossPlot_, perplexityPlot_, lrPlot_, gradPlot_, speedPlot_, devicePlot_})
        plot->clear();
    for (const QString& id : speedPlot_->seriesIds())
        if (id.startsWith(kRankSeriesPrefix))
            speedPlot_->removeSeries(id);
}

void TrainingPanel::showRun(const QString& runFolder)
{
    if (isTraining()) {
        if (runFolder != runFolder_)
            log(tr("A run is under way; stop it before opening another."));
        return;
    }
    showEmptyRun(runFolder);
    stepLabel_->setText(tr("Reading the run…"));
    log(tr("Showing %1").arg(runFolder));
    scanner_->setFollowed({runFolder});
    scanner_->scan();
    followTimer_.start();
}

void TrainingPanel::stopFollowing()
{
    followTimer_.stop();
    scanner_->setFollowed({});
}

void TrainingPanel::onScanned(const RunScan& scan)
{
    for (const RunCurves& curves : scan.curves) {
        if (curves.folder != runFolder_ || isTraining())
            continue;
        if (curves.reset)
            clearPlots();
        addMetrics(curves.metrics);
        const qint64 last = curves.metrics.step.empty() ? step_ : static_cast<qint64>(curves.metrics.step.back());
        setStep(last, curves.totalSteps);
        // Only a run still being written needs watching; its status is read before its metrics.
        if (!curves.status) {
            followTimer_.stop();
            showError(tr("%1 is not a readable run folder (its run.json is missing or broken).").arg(runFolder_));
        } else if (!i3::is_live(*curves.status)) {
            followTimer_.stop();
            log(tr("Run status: %1").arg(RunBrowser::statusText(curves.status)));
        }
    }
}

void TrainingPanel::setUpDevicePlot(const QString& device)
{
    for (const QString& id : devicePlot_->seriesIds())
        devicePlot_->removeSeries(id);
    cudaIndex_ = cudaIndexOf(device);
    if (cudaIndex_ >= 0) {
        devicePlot_->setTitle(tr("Device: %1").arg(QString::fromStdString(i3::device_display_name(device.toStdString()))));
        devicePlot_->addSeries("allocated", tr("allocated (MiB)"), QColor(31, 119, 180));
        devicePlot_->addSeries("reserved", tr("reserved (MiB)"), QColor(44, 160, 44));
        devicePlot_->addSeries("peak", tr("peak (MiB)"), QColor(127, 127, 127));
        if (telemetry_->has_gpu()) {
            devicePlot_->addSeries("gpu_util", tr("GPU use (%)"), QColor(255, 127, 14), MetricPlot::Axis::Right);
            devicePlot_->addSeries("gpu_power", tr("power (W)"), QColor(214, 39, 40), MetricPlot::Axis::Right);
            devicePlot_->addSeries("gpu_temp", tr("temperature (°C)"), QColor(148, 103, 189), MetricPlot::Axis::Right);
        }
        devicePlot_->setAxisLabels(tr("time (s)"), tr("memory (MiB)"), telemetry_->has_gpu() ? tr("%, W, °C") : QString());
    } else {
        devicePlot_->setTitle(tr("Device: %1").arg(QString::fromStdString(i3::device_display_name("cpu"))));
        devicePlot_->addSeries("ram", tr("RAM used (MiB)"), QColor(31, 119, 180));
        devicePlot_->addSeries("rss", tr("this program (MiB)"), QColor(44, 160, 44));
        devicePlot_->addSeries("cpu", tr("CPU use (%)"), QColor(255, 127, 14), MetricPlot::Axis::Right);
        devicePlot_->setAxisLabels(tr("time (s)"), tr("memory (MiB)"), tr("CPU (%)"));
    }
}

// Runs on the GUI thread once a second while a job runs: each reading takes well under a
// millisecond (the allocator's counters, NVML, /proc).
void TrainingPanel::sampleDevice()
{
    const double t = deviceClock_.isValid() ? deviceClock_.elapsed() / 1000.0 : 0.0;
    const i3::TelemetrySample sample = telemetry_->sample(std::max(0, cudaIndex_));
    if (cudaIndex_ >= 0) {
        if (const auto memory = i3::cuda_memory(cudaIndex_)) {
            devicePlot_->appendPoint("allocated", t, memory->allocated_bytes / kMiB);
            devicePlot_->appendPoint("reserved", t, memory->reserved_bytes / kMiB);
            devicePlot_->appendPoint("peak", t, memory->peak_allocated_bytes / kMiB);
        }
        if (sample.gpu) {
            if (sample.gpu->utilization_percent >= 0)
                devicePlot_->appendPoint("gpu_util", t, sample.gpu->utilization_percent);
            if (sample.gpu->power_watts >= 0)
                devicePlot_->appendPoint("gpu_power", t, sample.gpu->power_watts);
            if (sample.gpu->temperature_celsius >= 0)
                devicePlot_->appendPoint("gpu_temp", t, sample.gpu->temperature_celsius);
        }
        return;
    }
    if (sample.host.ram_used_bytes >= 0)
        devicePlot_->appendPoint("ram", t, sample.host.ram_used_bytes / kMiB);
    if (sample.host.process_rss_bytes >= 0)
        devicePlot_->appendPoint("rss", t, sample.host.process_rss_bytes / kMiB);
    if (sample.host.cpu_percent >= 0)
        devicePlot_->appendPoint("cpu", t, sample.host.cpu_percent);
}

bool TrainingPanel::exportPlotsPng(const QString& folder)
{
    if (!QDir().mkpath(folder))
        return false;
    const QDir dir(folder);
    bool allSaved = true;
    const std::pair<MetricPlot*, const char*> plots[] = {
        {lossPlot_, "loss"},           {perplexityPlot_, "perplexity"}, {lrPlot_, "learning-rate"},
        {gradPlot_, "gradient-norm"}, {speedPlot_, "tokens-per-second"}, {devicePlot_, "device"}};
    for (const auto& [plot, name] : plots)
        allSaved = plot->savePng(dir.filePath(QString::fromLatin1(name) + QStringLiteral(".png"))) && allSaved;
    if (allSaved)
        log(tr("Plots saved in %1").arg(folder));
    return allSaved;
}

bool TrainingPanel::exportMetricsCsv(const QString& file)
{
    // Named as in metrics.jsonl, so the CSV reads the same whatever the interface language.
    auto named = [](MetricColumn column, const char* name) {
        column.label = QString::fromLatin1(name);
        return column;
    };
    using namespace i3::metric_keys;
    const QVector<MetricColumn> columns = {
        named(lossPlot_->column("train"), kLoss),
        named(perplexityPlot_->column("train"), kPerplexity),
        named(lrPlot_->column("lr"), kLearningRate),
        named(gradPlot_->column("grad_norm"), kGradNorm),
        named(speedPlot_->column("tokens_per_s"), kTokensPerSecond),
        named(lossPlot_->column("validation"), kValidationLoss),
    };
    QString error;
    if (!writeMetricsCsv(file, QString::fromLatin1(kStep), columns, &error)) {
        log(tr("Could not write %1: %2").arg(file, error));
        return false;
    }
    log(tr("Metrics saved in %1").arg(file));
    return true;
}
