// SPDX-License-Identifier: GPL-3.0-or-later
#include "training_panel.h"

#include "device_name.h"
#include "base/device.h"
#include "base/precision.h"
#include "telemetry/device_memory.h"
#include "telemetry/device_telemetry.h"
#include "advice_list.h"
#include "custom_plot.h"
#include "metric_plot.h"
#include "run_browser.h"
#include "run_scanner.h"
#include "runs/run_folder.h"
#include "runs/run_schema.h"
#include "curves/ema_smoothing.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
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
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <exception>
#include <utility>

namespace {

constexpr int kFollowIntervalMs = 1000;
constexpr double kMiB = 1024.0 * 1024.0;

const QColor kTrainColor(31, 119, 180);
const QColor kValidationColor(255, 127, 14);
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

// The plan of a run about to be made.
i3::RunInfo planOf(const i3::ModelConfig& model, const i3::TrainConfig& train)
{
    i3::RunInfo info;
    info.model = model;
    info.training = train;
    return info;
}

std::optional<i3::RunInfo> planOfRun(const QString& folder)
{
    try {
        return i3::RunFolder(folder.toStdString()).read_info();
    } catch (const std::exception&) {
        return std::nullopt; // the trainer will say what is wrong with the folder
    }
}

// Appends `more` to `all`, line kind by line kind.
void appendMetrics(i3::RunMetrics& all, const i3::RunMetrics& more)
{
    const auto extend = [](std::vector<double>& to, const std::vector<double>& from) {
        to.insert(to.end(), from.begin(), from.end());
    };
    extend(all.step, more.step);
    extend(all.loss, more.loss);
    extend(all.perplexity, more.perplexity);
    extend(all.lr, more.lr);
    extend(all.grad_norm, more.grad_norm);
    extend(all.tokens_per_second, more.tokens_per_second);
    all.rank_tokens_per_second.insert(all.rank_tokens_per_second.end(), more.rank_tokens_per_second.begin(),
                                      more.rank_tokens_per_second.end());
    extend(all.elapsed_seconds, more.elapsed_seconds);
    extend(all.eval_step, more.eval_step);
    extend(all.train_loss_mean, more.train_loss_mean);
    extend(all.validation_loss, more.validation_loss);
    extend(all.eval_elapsed_seconds, more.eval_elapsed_seconds);
}

constexpr int kSmoothingSteps = 100; // the slider's positions: weight = position / 100, at most 0.99

MetricPlot* makePlot(const QString& objectName, const QString& title, const QString& xLabel,
                     const QString& yLabel, QWidget* parent)
{
    auto* plot = new MetricPlot(title, parent);
    plot->setObjectName(objectName);
    plot->setAxisLabels(xLabel, yLabel);
    plot->setMinimumSize(200, 170); // three side by side fit beside the runs and the samples at 1280 px
    return plot;
}

} // namespace

TrainingPanel::TrainingPanel(QWidget* parent) : QWidget(parent)
{
    qRegisterMetaType<RunScan>();
    buildInterface();
    telemetry_ = std::make_unique<i3::DeviceTelemetry>();
    devicePlot_->addMarkerKind(QStringLiteral("evaluation"), tr("evaluation"), QColor(255, 127, 14));
    devicePlot_->addMarkerKind(QStringLiteral("checkpoint"), tr("checkpoint"), QColor(44, 160, 44));
    devicePlot_->addMarkerKind(QStringLiteral("data_stall"), tr("waiting for data"), QColor(214, 39, 40));
    setUpDevicePlot(QStringLiteral("cpu"));

    setDeviceSamplesPerSecond(1);
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
    advice_ = new AdviceList(this);
    advice_->setObjectName("adviceList");
    auto* side = new QTabWidget(splitter);
    side->addTab(samplesView_, tr("Samples"));
    side->addTab(logView_, tr("Log"));
    const int adviceTab = side->addTab(advice_, tr("Advice"));
    connect(advice_, &AdviceList::countChanged, side, [side, adviceTab](int count) {
        side->setTabText(adviceTab, count > 0 ? tr("Advice (%1)").arg(count) : tr("Advice"));
    });
    side->setMinimumWidth(240);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(buildControls());
    layout->addWidget(buildCurveControls());
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
    stateLabel_ = new QLabel(box);
    stateLabel_->setObjectName("stateLabel");
    QFont bold = stateLabel_->font();
    bold.setBold(true);
    stateLabel_->setFont(bold);
    stateLabel_->setVisible(false);
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
    exportMenu->addAction(tr("Device samples as CSV…"), this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export the device samples"),
                                                          QStringLiteral("device.csv"), tr("CSV files (*.csv)"));
        if (!file.isEmpty() && !exportDeviceCsv(file))
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
    row->addWidget(stateLabel_);
    row->addSpacing(12);
    row->addWidget(etaLabel_);
    row->addSpacing(12);
    row->addWidget(speedLabel_);
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
    runLabel_->setVisible(false);
    // A long folder path must not widen the window: the label takes the room there is.
    runLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    // The second line: the first holds the buttons, the step, the state, the ETA and the speed,
    // which in German already fill the width left beside the runs at 1280 px.
    auto* folderRow = new QHBoxLayout;
    folderRow->setContentsMargins(0, 0, 0, 0);
    folderRow->addWidget(runLabel_, 1);
    folderRow->addWidget(checkpointLabel_);

    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addLayout(row);
    layout->addWidget(progressBar_);
    layout->addLayout(folderRow);
    layout->addWidget(reasonLabel_);
    layout->addWidget(errorLabel_);
    return box;
}

// How the metric plots draw their curves, as in TensorBoard: smoothing, the x axis, log x.
QWidget* TrainingPanel::buildCurveControls()
{
    auto* box = new QWidget(this);
    smoothingSlider_ = new QSlider(Qt::Horizontal, box);
    smoothingSlider_->setObjectName("smoothingSlider");
    smoothingSlider_->setRange(0, kSmoothingSteps - 1);
    smoothingSlider_->setMaximumWidth(160);
    smoothingSlider_->setToolTip(tr("Exponential moving average of the curves, debiased as in TensorBoard; "
                                    "the raw curve stays faint behind"));
    smoothingValue_ = new QLabel(box);
    smoothingValue_->setObjectName("smoothingValue");
    smoothingValue_->setMinimumWidth(32);
    connect(smoothingSlider_, &QSlider::valueChanged, this,
            [this](int position) { setSmoothing(double(position) / kSmoothingSteps); });
    axisBox_ = new QComboBox(box);
    axisBox_->setObjectName("curveAxisBox");
    axisBox_->addItem(tr("step"), int(i3::CurveAxis::Step));
    axisBox_->addItem(tr("tokens seen"), int(i3::CurveAxis::Tokens));
    axisBox_->addItem(tr("training time (s)"), int(i3::CurveAxis::WallTime));
    connect(axisBox_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) { setCurveAxis(static_cast<i3::CurveAxis>(axisBox_->itemData(index).toInt())); });
    logXBox_ = new QCheckBox(tr("log x"), box);
    logXBox_->setObjectName("logXBox");
    connect(logXBox_, &QCheckBox::toggled, this, &TrainingPanel::setLogX);

    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Smoothing"), box));
    row->addWidget(smoothingSlider_);
    row->addWidget(smoothingValue_);
    row->addSpacing(12);
    row->addWidget(new QLabel(tr("x axis"), box));
    row->addWidget(axisBox_);
    row->addWidget(logXBox_);
    row->addStretch(1);
    setSmoothing(0);
    return box;
}

QList<MetricPlot*> TrainingPanel::metricPlots() const { return {lossPlot_, perplexityPlot_, lrPlot_, gradPlot_, speedPlot_}; }

QString TrainingPanel::comparedSeries(const QString& folder, bool validation)
{
    return (validation ? QStringLiteral("compare-validation:") : QStringLiteral("compare:")) + folder;
}

void TrainingPanel::setSmoothing(double weight)
{
    weight = std::clamp(weight, 0.0, i3::kMaxSmoothingWeight);
    for (MetricPlot* plot : metricPlots())
        plot->setSmoothing(weight);
    smoothingValue_->setText(QLocale().toString(weight, 'f', 2));
    const QSignalBlocker blocker(smoothingSlider_);
    smoothingSlider_->setValue(static_cast<int>(std::lround(weight * kSmoothingSteps)));
}

void TrainingPanel::setLogX(bool on)
{
    for (MetricPlot* plot : metricPlots())
        plot->setLogX(on);
    const QSignalBlocker blocker(logXBox_);
    logXBox_->setChecked(on);
}

void TrainingPanel::setCurveAxis(i3::CurveAxis axis)
{
    const int index = axisBox_->findData(int(axis));
    {
        const QSignalBlocker blocker(axisBox_);
        axisBox_->setCurrentIndex(index);
    }
    if (axis == axis_)
        return;
    axis_ = axis;
    const QString x = axisBox_->itemText(index);
    for (MetricPlot* plot : metricPlots())
        plot->setAxisLabels(x, plot->customPlot()->yAxis->label());
    replotMetrics();
}

// The metrics on the chosen x axis, as series `train` (every train-line metric) and `validation`
// (the evaluations, in the loss and perplexity plots).
void TrainingPanel::plotMetrics(const i3::RunMetrics& metrics, const QString& train, const QString& validation,
                                double tokensPerStep)
{
    const QVector<double> x = toQVector(i3::curve_x(axis_, metrics.step, metrics.elapsed_seconds, tokensPerStep));
    const QString lrSeries = train == QLatin1String("train") ? QStringLiteral("lr") : train;
    const QString gradSeries = train == QLatin1String("train") ? QStringLiteral("grad_norm") : train;
    const QString speedSeries = train == QLatin1String("train") ? QStringLiteral("tokens_per_s") : train;
    lossPlot_->appendPoints(train, x, toQVector(metrics.loss));
    perplexityPlot_->appendPoints(train, x, toQVector(metrics.perplexity));
    lrPlot_->appendPoints(lrSeries, x, toQVector(metrics.lr));
    gradPlot_->appendPoints(gradSeries, x, toQVector(metrics.grad_norm));
    speedPlot_->appendPoints(speedSeries, x, toQVector(metrics.tokens_per_second));
    if (train == QLatin1String("train"))
        plotRankSpeeds(x, metrics.rank_tokens_per_second);
    const QVector<double> evalX =
        toQVector(i3::curve_x(axis_, metrics.eval_step, metrics.eval_elapsed_seconds, tokensPerStep));
    QVector<double> validationPerplexity;
    for (double loss : metrics.validation_loss)
        validationPerplexity.push_back(std::exp(loss));
    lossPlot_->appendPoints(validation, evalX, toQVector(metrics.validation_loss));
    perplexityPlot_->appendPoints(validation, evalX, validationPerplexity);
}

// A run trained on several ranks (data parallel): each rank's speed beside every rank's together,
// a series per rank.
void TrainingPanel::plotRankSpeeds(const QVector<double>& x, const std::vector<std::vector<double>>& perRank)
{
    std::vector<QVector<double>> rankX, rankSpeeds;
    for (size_t line = 0; line < perRank.size() && line < static_cast<size_t>(x.size()); ++line)
        for (size_t rank = 0; rank < perRank[line].size(); ++rank) {
            if (rank >= rankX.size()) {
                rankX.resize(rank + 1);
                rankSpeeds.resize(rank + 1);
            }
            rankX[rank].push_back(x[static_cast<int>(line)]);
            rankSpeeds[rank].push_back(perRank[line][rank]);
        }
    for (size_t rank = 0; rank < rankX.size(); ++rank) {
        const QString id = kRankSeriesPrefix + QString::number(rank);
        if (!speedPlot_->hasSeries(id))
            speedPlot_->addSeries(id, tr("rank %1").arg(rank), rankColor(rank));
        speedPlot_->appendPoints(id, rankX[rank], rankSpeeds[rank]);
    }
}

// Everything drawn again from what the panel holds: after the x axis changed.
void TrainingPanel::replotMetrics()
{
    for (MetricPlot* plot : metricPlots())
        plot->clear();
    plotMetrics(shown_, QStringLiteral("train"), QStringLiteral("validation"), tokensPerStep_);
    for (const auto& [folder, compared] : compared_)
        plotMetrics(compared.metrics, comparedSeries(folder), comparedSeries(folder, true), compared.tokensPerStep);
}

void TrainingPanel::setComparedRuns(const std::vector<ComparedRun>& runs)
{
    std::map<QString, Compared> kept;
    for (const ComparedRun& run : runs) {
        if (run.folder == runFolder_)
            continue; // the open run is drawn as itself
        const auto it = compared_.find(run.folder);
        kept[run.folder] = it != compared_.end() ? it->second : Compared{run, {}, 0};
    }
    for (const auto& [folder, compared] : compared_)
        if (!kept.count(folder))
            for (MetricPlot* plot : metricPlots()) {
                plot->removeSeries(comparedSeries(folder));
                plot->removeSeries(comparedSeries(folder, true));
            }
    for (const auto& [folder, compared] : kept) {
        if (compared_.count(folder))
            continue;
        for (MetricPlot* plot : metricPlots())
            plot->addSeries(comparedSeries(folder), compared.run.label, compared.run.color);
        for (MetricPlot* plot : {lossPlot_, perplexityPlot_})
            plot->addSeries(comparedSeries(folder, true), tr("%1 (validation)").arg(compared.run.label),
                            compared.run.color.darker(130), MetricPlot::Axis::Left, true);
    }
    compared_ = std::move(kept);
    updateFollowed();
}

// The scanner reads the compared runs, and the open run when it comes from disk.
void TrainingPanel::updateFollowed()
{
    QStringList folders;
    for (const auto& entry : compared_)
        folders << entry.first;
    if (followingShown_ && !runFolder_.isEmpty())
        folders << runFolder_;
    scanner_->setFollowed(folders);
    if (folders.isEmpty()) {
        followTimer_.stop();
        return;
    }
    scanner_->scan();
    followTimer_.start();
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
    speedPlot_->addSeries("tokens_per_s", tr("tokens/s"), QColor(148, 103, 189));
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
    setRates(planOf(request.model, request.train));
}

void TrainingPanel::forkRun(const ForkRequest& request)
{
    if (isTraining()) {
        log(tr("A run is under way; stop it before starting another."));
        return;
    }
    setUpDevicePlot(QString::fromStdString(request.train.device));
    log(tr("New run in %1, forked from %2").arg(request.runFolder, request.checkpoint));
    startJob(std::make_unique<JobThread<TrainingJob>>(request), request.runFolder);
    setRates(planOf(request.model, request.train));
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
    if (const auto plan = planOfRun(runFolder))
        setRates(*plan);
}

// What the speed is set against: tokens per step for the x axis, FLOPs per token and the
// device's peak rate for the model-FLOPs utilisation.
void TrainingPanel::setRates(const i3::RunInfo& plan)
{
    tokensPerStep_ = i3::tokens_per_step(plan);
    flopsPerToken_ = i3::training_flops_per_token(plan.model);
    const bool bf16 = i3::parse_precision(plan.training.precision) == i3::Precision::BFloat16;
    peak_ = i3::known_peak_rate(i3::device_display_name(plan.training.device), bf16);
    if (!peak_ && userPeakTflops_ > 0)
        peak_ = i3::PeakRate{userPeakTflops_, "the studio's setting"};
}

QString TrainingPanel::speedText(double tokensPerSecond) const
{
    const QString speed = tr("%1 tokens/s").arg(QLocale().toString(tokensPerSecond, 'f', 0));
    if (!peak_ || peak_->tflops <= 0)
        return speed;
    const double mfu = 100 * tokensPerSecond * flopsPerToken_ / (peak_->tflops * 1e12);
    return tr("%1, MFU %2%").arg(speed, QLocale().toString(mfu, 'f', mfu < 10 ? 2 : 1));
}

// What to know before the first step, from the run's plan and the device's memory; the coach
// watches the steps from here on.
void TrainingPanel::adviseBeforeTraining(const i3::RunInfo& plan)
{
    coach_ = i3::TrainingCoach(plan.training.warmup_steps);
    i3::TrainingPlan before;
    before.model = plan.model;
    before.training = plan.training;
    before.train_tokens = plan.train_tokens;
    before.validation_tokens = plan.validation_tokens;
    const i3::TelemetrySample sample = telemetry_->sample(std::max(0, cudaIndex_));
    if (cudaIndex_ < 0)
        before.device_memory_bytes = static_cast<double>(sample.host.ram_total_bytes);
    else if (sample.gpu)
        before.device_memory_bytes = static_cast<double>(sample.gpu->memory_total_bytes);
    for (const i3::Advice& advice : i3::advise_before_training(before))
        advice_->addAdvice(advice);
}

void TrainingPanel::setDeviceSamplesPerSecond(int samples)
{
    deviceTimer_.setInterval(1000 / std::clamp(samples, 1, 10));
}

int TrainingPanel::deviceSamplesPerSecond() const { return 1000 / deviceTimer_.interval(); }

void TrainingPanel::setPeakTflops(double tflops) { userPeakTflops_ = std::max(0.0, tflops); }

// Clears what the panel showed of the previous run, for `runFolder`.
void TrainingPanel::showEmptyRun(const QString& runFolder)
{
    stopFollowing();
    clearPlots();
    shown_ = {};
    tokensPerStep_ = 0;
    samplesView_->clear();
    advice_->clearAdvice();
    errorLabel_->setVisible(false);
    checkpointLabel_->clear();
    clearRates();
    showState(QString());
    runFolder_ = runFolder;
    // A new run's folder is named once it exists (the preparation may fail before).
    runLabel_->setVisible(false);
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
    deviceClockStartMs_ = QDateTime::currentMSecsSinceEpoch();
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
        // Rates measured before the pause say nothing about it; the next step brings new ones.
        if (paused)
            clearRates();
        showState(paused ? tr("Paused") : QString());
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
    showState(tr("Stopping…"));
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

void TrainingPanel::dismissError()
{
    if (!isTraining())
        errorLabel_->setVisible(false);
}

void TrainingPanel::showRunFolder()
{
    runLabel_->setText(tr("Run folder: %1").arg(runFolder_));
    runLabel_->setToolTip(runFolder_);
    runLabel_->setVisible(true);
}

void TrainingPanel::showState(const QString& state)
{
    stateLabel_->setText(state);
    stateLabel_->setVisible(!state.isEmpty());
}

// The ETA and speed of the last logged step: true only while steps keep coming.
void TrainingPanel::clearRates()
{
    etaLabel_->clear();
    speedLabel_->clear();
}

void TrainingPanel::showProgress(qint64 step, qint64 total)
{
    progressBar_->setRange(0, 1000);
    progressBar_->setValue(total > 0 ? static_cast<int>(1000 * step / total) : 0);
}

void TrainingPanel::onStarted(const QString& summary, qint64 step, qint64 total)
{
    if (const auto plan = planOfRun(runFolder_)) {
        setRates(*plan); // the run's own: its vocabulary is its tokenizer's
        adviseBeforeTraining(*plan);
    }
    log(tr("Training started: %1").arg(summary));
    showRunFolder();
    showProgress(step, total); // the preparation's last fraction is not the run's
    setStep(step, total);
    Q_EMIT runStarted(runFolder_);
}

void TrainingPanel::onHistory(const i3::RunMetrics& metrics) { addMetrics(metrics); }

void TrainingPanel::onStep(const i3::TrainEvent& step)
{
    i3::RunMetrics line;
    line.step = {double(step.step)};
    line.loss = {step.loss};
    line.perplexity = {step.perplexity};
    line.lr = {step.lr};
    line.grad_norm = {step.grad_norm};
    line.tokens_per_second = {step.tokens_per_second};
    line.rank_tokens_per_second = {step.rank_tokens_per_second};
    line.elapsed_seconds = {step.elapsed_seconds};
    addMetrics(line);
    etaLabel_->setText(tr("ETA %1").arg(durationText(step.eta_seconds)));
    speedLabel_->setText(speedText(step.tokens_per_second));
    setStep(step.step, step.total_steps);
    if (const auto advice = coach_.on_step(step.step, step.loss, step.lr))
        advice_->addAdvice(*advice);
    if (i3::is_data_stall(step)) {
        devicePlot_->addMarker(QStringLiteral("data_stall"), deviceSeconds());
        if (!std::exchange(stallTold_, true))
            log(tr("Step %1: %2% of the time since the last step logged went to reading the data (a slow disk, or token files not cached yet)")
                    .arg(step.step)
                    .arg(QLocale().toString(100 * step.data_share, 'f', 0)));
    }
}

void TrainingPanel::onEvaluation(const i3::TrainEvent& evaluation)
{
    devicePlot_->addMarker(QStringLiteral("evaluation"), deviceSeconds());
    const double validationLoss = evaluation.validation_loss; // below 0: no validation split
    if (validationLoss >= 0 && std::isfinite(validationLoss)) {
        i3::RunMetrics point;
        point.eval_step = {double(evaluation.step)};
        point.train_loss_mean = {evaluation.loss};
        point.validation_loss = {validationLoss};
        point.eval_elapsed_seconds = {evaluation.elapsed_seconds};
        addMetrics(point);
        if (const auto advice = coach_.on_evaluation(evaluation.step, evaluation.loss, validationLoss))
            advice_->addAdvice(*advice);
        const QString line = evaluation.is_best ? tr("Step %1: validation loss %2, training loss %3 (best so far)")
                                                : tr("Step %1: validation loss %2, training loss %3");
        log(line.arg(evaluation.step)
                .arg(QLocale().toString(validationLoss, 'f', 4), QLocale().toString(evaluation.loss, 'f', 4)));
    } else {
        const QString line = evaluation.is_best ? tr("Step %1: training loss %2 (best so far)")
                                                : tr("Step %1: training loss %2");
        log(line.arg(evaluation.step).arg(QLocale().toString(evaluation.loss, 'f', 4)));
    }
}

void TrainingPanel::onSample(qint64 step, const QString& text) { showSample(step, text); }

void TrainingPanel::showSample(qint64 step, const QString& text)
{
    samplesView_->appendPlainText(tr("Step %1:\n%2\n").arg(QString::number(step), text));
}

void TrainingPanel::onCheckpoint(qint64 step, const QString& folder)
{
    devicePlot_->addMarker(QStringLiteral("checkpoint"), deviceSeconds());
    checkpointLabel_->setText(tr("Checkpoint: step %1").arg(step));
    log(tr("Checkpoint saved at step %1: %2").arg(QString::number(step), folder));
}

void TrainingPanel::onTrainingEnded(qint64 step, bool completed, const QString& path)
{
    if (completed)
        log(tr("Finished at step %1; the model is in %2").arg(QString::number(step), path));
    else
        log(tr("Stopped at step %1; resume it later from %2").arg(QString::number(step), path));
    showState(completed ? tr("Finished") : tr("Stopped"));
}

void TrainingPanel::onFailed(const QString& message)
{
    showState(tr("Failed"));
    showError(message);
    advice_->addNote(tr("The run failed: %1").arg(message), QString());
    log(tr("Error: %1").arg(message));
    Q_EMIT runFailed(runFolder_, message);
}

void TrainingPanel::onJobFinished(bool cancelled)
{
    deviceTimer_.stop();
    progressBar_->setVisible(false);
    clearRates();
    if (job_)
        job_.release()->deleteLater();
    if (step_ == 0 && total_ == 0 && cancelled) {
        stepLabel_->setText(tr("Stopped before training began"));
        showState(QString());
    } else if (step_ == 0 && total_ == 0) {
        stepLabel_->setText(tr("No run yet"));
    }
    updateButtons();
    Q_EMIT runFinished(runFolder_, cancelled);
}

void TrainingPanel::addMetrics(const i3::RunMetrics& metrics)
{
    appendMetrics(shown_, metrics);
    plotMetrics(metrics, QStringLiteral("train"), QStringLiteral("validation"), tokensPerStep_);
}

// The open run's curves and the device's; compared runs stay.
void TrainingPanel::clearPlots()
{
    for (const QString& id : {QStringLiteral("train"), QStringLiteral("validation")})
        for (MetricPlot* plot : {lossPlot_, perplexityPlot_})
            plot->setSeries(id, {}, {});
    lrPlot_->setSeries("lr", {}, {});
    gradPlot_->setSeries("grad_norm", {}, {});
    speedPlot_->setSeries("tokens_per_s", {}, {});
    for (const QString& id : speedPlot_->seriesIds())
        if (id.startsWith(kRankSeriesPrefix))
            speedPlot_->removeSeries(id);
    devicePlot_->clear();
}

void TrainingPanel::showRun(const QString& runFolder)
{
    if (isTraining()) {
        if (runFolder != runFolder_)
            log(tr("A run is under way; stop it before opening another."));
        return;
    }
    showEmptyRun(runFolder);
    showRunFolder();
    stepLabel_->setText(tr("Reading the run…"));
    log(tr("Showing %1").arg(runFolder));
    followingShown_ = true;
    updateFollowed();
}

void TrainingPanel::stopFollowing()
{
    followingShown_ = false;
    updateFollowed();
}

void TrainingPanel::onScanned(const RunScan& scan)
{
    for (const RunCurves& curves : scan.curves) {
        const auto compared = compared_.find(curves.folder);
        if (compared != compared_.end()) {
            Compared& run = compared->second;
            run.tokensPerStep = curves.tokensPerStep;
            if (curves.reset) {
                run.metrics = {};
                for (MetricPlot* plot : metricPlots()) {
                    plot->setSeries(comparedSeries(curves.folder), {}, {});
                    plot->setSeries(comparedSeries(curves.folder, true), {}, {});
                }
            }
            appendMetrics(run.metrics, curves.metrics);
            plotMetrics(curves.metrics, comparedSeries(curves.folder), comparedSeries(curves.folder, true),
                        run.tokensPerStep);
        }
        if (curves.folder != runFolder_ || isTraining() || !followingShown_)
            continue;
        tokensPerStep_ = curves.tokensPerStep;
        if (curves.reset) {
            clearPlots();
            shown_ = {};
        }
        addMetrics(curves.metrics);
        if (curves.samplesReset)
            samplesView_->clear();
        for (const i3::RunSample& sample : curves.samples)
            showSample(sample.step, QString::fromStdString(sample.text));
        const qint64 last = curves.metrics.step.empty() ? step_ : static_cast<qint64>(curves.metrics.step.back());
        setStep(last, curves.totalSteps);
        // Only a run still being written needs watching; its status is read before its metrics.
        if (!curves.status) {
            followingShown_ = false;
            showError(tr("%1 is not a readable run folder (its run.json is missing or broken).").arg(runFolder_));
        } else if (!i3::is_live(*curves.status)) {
            followingShown_ = false; // read whole: nothing more will come
            log(tr("Run status: %1").arg(RunBrowser::statusText(curves.status)));
        }
        if (!followingShown_)
            updateFollowed();
    }
}

void TrainingPanel::setUpDevicePlot(const QString& device)
{
    for (const QString& id : devicePlot_->seriesIds())
        devicePlot_->removeSeries(id);
    devicePlot_->clearMarkers();
    stallTold_ = false;
    cudaIndex_ = cudaIndexOf(device);
    if (cudaIndex_ >= 0) {
        devicePlot_->setTitle(tr("Device: %1").arg(deviceName(device)));
        devicePlot_->addSeries("allocated", tr("allocated (MiB)"), QColor(31, 119, 180));
        devicePlot_->addSeries("reserved", tr("reserved (MiB)"), QColor(44, 160, 44));
        devicePlot_->addSeries("peak", tr("peak (MiB)"), QColor(127, 127, 127));
        if (telemetry_->has_gpu()) {
            // What nvidia-smi shows: every process's memory on the card and the CUDA context's,
            // above what this program's allocator reserved.
            devicePlot_->addSeries("used", tr("used on the card (MiB)"), QColor(140, 86, 75));
            devicePlot_->addSeries("gpu_util", tr("GPU use (%)"), QColor(255, 127, 14), MetricPlot::Axis::Right);
            devicePlot_->addSeries("gpu_power", tr("power (W)"), QColor(214, 39, 40), MetricPlot::Axis::Right);
            devicePlot_->addSeries("gpu_temp", tr("temperature (°C)"), QColor(148, 103, 189), MetricPlot::Axis::Right);
        }
        devicePlot_->setAxisLabels(tr("time (s)"), tr("memory (MiB)"), telemetry_->has_gpu() ? tr("%, W, °C") : QString());
    } else {
        devicePlot_->setTitle(tr("Device: %1").arg(deviceName(QStringLiteral("cpu"))));
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
    const double t = deviceSeconds();
    const i3::TelemetrySample sample = telemetry_->sample(std::max(0, cudaIndex_));
    if (cudaIndex_ >= 0) {
        if (const auto memory = i3::cuda_memory(cudaIndex_)) {
            devicePlot_->appendPoint("allocated", t, memory->allocated_bytes / kMiB);
            devicePlot_->appendPoint("reserved", t, memory->reserved_bytes / kMiB);
            devicePlot_->appendPoint("peak", t, memory->peak_allocated_bytes / kMiB);
        }
        if (sample.gpu) {
            if (sample.gpu->memory_used_bytes >= 0)
                devicePlot_->appendPoint("used", t, sample.gpu->memory_used_bytes / kMiB);
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

// The device plot's clock: seconds since the job started.
double TrainingPanel::deviceSeconds() const { return deviceClock_.isValid() ? deviceClock_.elapsed() / 1000.0 : 0.0; }

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

bool TrainingPanel::exportDeviceCsv(const QString& file)
{
    const double start = deviceClockStartMs_ / 1000.0;
    QVector<MetricColumn> columns;
    for (const QString& id : devicePlot_->seriesIds()) {
        MetricColumn column = devicePlot_->column(id);
        column.label = id;
        for (double& x : column.x)
            x += start;
        columns.push_back(std::move(column));
    }
    QString error;
    if (!writeMetricsCsv(file, QStringLiteral("unix_time_s"), columns, &error)) {
        log(tr("Could not write %1: %2").arg(file, error));
        return false;
    }
    log(tr("Device samples saved in %1").arg(file));
    return true;
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
