// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect_panel.h"

#include "custom_plot.h"
#include "eigenvalue_plot.h"
#include "heatmap_plot.h"
#include "metric_plot.h"
#include "visible_token.h"

#include "inspect/memory_half_life.h"
#include "inspect/value_histogram.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include <torch/torch.h>

#include <algorithm>

namespace {

constexpr int kMixBins = 30;

QStringList visibleTokens(const QStringList& tokens)
{
    QStringList shown;
    for (const auto& token : tokens)
        shown << visibleToken(token);
    return shown;
}

QGroupBox* group(const QString& title, QWidget* chooser, QWidget* view, QLabel* note = nullptr)
{
    auto* box = new QGroupBox(title);
    auto* layout = new QVBoxLayout(box);
    if (chooser)
        layout->addWidget(chooser);
    layout->addWidget(view, 1);
    if (note)
        layout->addWidget(note);
    return box;
}

QWidget* row(const QList<QWidget*>& widgets)
{
    auto* holder = new QWidget;
    auto* layout = new QHBoxLayout(holder);
    layout->setContentsMargins(0, 0, 0, 0);
    for (auto* widget : widgets)
        layout->addWidget(widget);
    layout->addStretch(1);
    return holder;
}

} // namespace

InspectPanel::InspectPanel(QWidget* parent) : QWidget(parent)
{
    auto* views = new QGridLayout;
    views->addWidget(buildRecurrence(), 0, 0);
    views->addWidget(buildAttention(), 0, 1);
    views->addWidget(buildSpectrum(), 1, 0);
    auto* lower = new QTabWidget;
    lower->setObjectName("inspectLowerTabs");
    lower->addTab(buildMixing(), tr("w_mix"));
    lower->addTab(buildHistory(), tr("Over training"));
    views->addWidget(lower, 1, 1);
    views->setRowStretch(0, 3);
    views->setRowStretch(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildControls());
    layout->addLayout(views, 1);
    updateButtons();
}

InspectPanel::~InspectPanel() = default;

QWidget* InspectPanel::buildControls()
{
    loadRunButton_ = new QPushButton(tr("Load run…"));
    loadRunButton_->setObjectName("inspectLoadRunButton");
    loadRunButton_->setToolTip(tr("The latest checkpoint of a training run, also one still training"));
    connect(loadRunButton_, &QPushButton::clicked, this, &InspectPanel::chooseRunFolder);
    loadFolderButton_ = new QPushButton(tr("Load model folder…"));
    loadFolderButton_->setObjectName("inspectLoadFolderButton");
    connect(loadFolderButton_, &QPushButton::clicked, this, &InspectPanel::chooseModelFolder);

    promptEdit_ = new QLineEdit;
    promptEdit_->setObjectName("inspectPrompt");
    promptEdit_->setPlaceholderText(tr("A prompt to follow through the model"));
    connect(promptEdit_, &QLineEdit::returnPressed, this, &InspectPanel::inspect);
    inspectButton_ = new QPushButton(tr("&Inspect"));
    inspectButton_->setObjectName("inspectButton");
    connect(inspectButton_, &QPushButton::clicked, this, &InspectPanel::inspect);
    stopButton_ = new QPushButton(tr("Stop"));
    stopButton_->setObjectName("inspectStopButton");
    connect(stopButton_, &QPushButton::clicked, this, &InspectPanel::stopInspection);

    modelLabel_ = new QLabel(tr("No model loaded."));
    modelLabel_->setObjectName("inspectModelLabel");
    modelLabel_->setWordWrap(true);
    statusLabel_ = new QLabel;
    statusLabel_->setObjectName("inspectStatus");
    statusLabel_->setWordWrap(true);

    auto* controls = new QWidget;
    auto* layout = new QGridLayout(controls);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(loadRunButton_, 0, 0);
    layout->addWidget(loadFolderButton_, 0, 1);
    layout->addWidget(new QLabel(tr("Prompt:")), 0, 2);
    layout->addWidget(promptEdit_, 0, 3);
    layout->addWidget(inspectButton_, 0, 4);
    layout->addWidget(stopButton_, 0, 5);
    layout->addWidget(modelLabel_, 1, 0, 1, 6);
    layout->addWidget(statusLabel_, 2, 0, 1, 6);
    layout->setColumnStretch(3, 1);
    return controls;
}

QWidget* InspectPanel::buildRecurrence()
{
    hybridCombo_ = new QComboBox;
    hybridCombo_->setObjectName("hybridBlockCombo");
    stateCombo_ = new QComboBox;
    stateCombo_->setObjectName("stateCombo");
    stateCombo_->addItem(tr("h (the w_mix average of the inputs)"));
    stateCombo_->addItem(tr("s (the state that A carries)"));
    for (auto* combo : {hybridCombo_, stateCombo_})
        connect(combo, &QComboBox::currentIndexChanged, this, &InspectPanel::showHybridBlock);
    stateMap_ = new HeatmapPlot;
    stateMap_->setObjectName("stateMap");
    return group(tr("Inside the recurrence"), row({new QLabel(tr("Block:")), hybridCombo_, stateCombo_}), stateMap_);
}

QWidget* InspectPanel::buildAttention()
{
    attentionCombo_ = new QComboBox;
    attentionCombo_->setObjectName("attentionBlockCombo");
    headCombo_ = new QComboBox;
    headCombo_->setObjectName("headCombo");
    connect(attentionCombo_, &QComboBox::currentIndexChanged, this, &InspectPanel::showAttention);
    connect(headCombo_, &QComboBox::currentIndexChanged, this, &InspectPanel::showAttention);
    attentionMap_ = new HeatmapPlot;
    attentionMap_->setObjectName("attentionMap");
    return group(tr("Attention map"),
                 row({new QLabel(tr("Block:")), attentionCombo_, new QLabel(tr("Head:")), headCombo_}),
                 attentionMap_);
}

QWidget* InspectPanel::buildSpectrum()
{
    eigenvalues_ = new EigenvaluePlot;
    eigenvalues_->setObjectName("eigenvaluePlot");
    halfLifeLabel_ = new QLabel;
    halfLifeLabel_->setObjectName("halfLifeLabel");
    halfLifeLabel_->setWordWrap(true);
    return group(tr("Eigenvalues of A and the memory they imply"), nullptr, eigenvalues_, halfLifeLabel_);
}

QWidget* InspectPanel::buildMixing()
{
    mixPlot_ = new QCustomPlot;
    mixPlot_->setObjectName("mixPlot");
    mixPlot_->setMinimumHeight(120);
    mixPlot_->xAxis->setLabel(tr("w_mix (the share of h kept from one token to the next)"));
    mixPlot_->yAxis->setLabel(tr("channels"));
    mixBars_ = new QCPBars(mixPlot_->xAxis, mixPlot_->yAxis);
    mixBars_->setBrush(QColor(31, 119, 180, 160));
    mixLabel_ = new QLabel;
    mixLabel_->setObjectName("mixLabel");
    mixLabel_->setWordWrap(true);
    return group(tr("Distribution of w_mix"), nullptr, mixPlot_, mixLabel_);
}

QWidget* InspectPanel::buildHistory()
{
    historyBlockCombo_ = new QComboBox;
    historyBlockCombo_->setObjectName("historyBlockCombo");
    connect(historyBlockCombo_, &QComboBox::currentIndexChanged, this, &InspectPanel::showHistory);
    historyButton_ = new QPushButton(tr("Read the checkpoints"));
    historyButton_->setObjectName("historyButton");
    historyButton_->setToolTip(tr("Every periodic checkpoint the loaded run kept (--keep-checkpoints 0 keeps all)"));
    connect(historyButton_, &QPushButton::clicked, this, &InspectPanel::readHistory);
    historyPlot_ = new MetricPlot;
    historyPlot_->setObjectName("historyPlot");
    historyPlot_->setAxisLabels(tr("step"), tr("largest |λ| of A"), tr("w_mix"));
    historyPlot_->addSeries("radius", tr("largest |λ| of A"), QColor(31, 119, 180), MetricPlot::Axis::Left, true);
    historyPlot_->addSeries("mix_mean", tr("w_mix mean"), QColor(255, 127, 14), MetricPlot::Axis::Right, true);
    historyPlot_->addSeries("mix_min", tr("w_mix lowest"), QColor(255, 187, 120), MetricPlot::Axis::Right, true);
    historyPlot_->addSeries("mix_max", tr("w_mix highest"), QColor(214, 39, 40), MetricPlot::Axis::Right, true);
    historyLabel_ = new QLabel(tr("Load a run, then read its checkpoints."));
    historyLabel_->setObjectName("historyLabel");
    historyLabel_->setWordWrap(true);
    return group(QString(), row({new QLabel(tr("Block:")), historyBlockCombo_, historyButton_}), historyPlot_,
                 historyLabel_);
}

// --- loading -----------------------------------------------------------------------------------

void InspectPanel::setPrompt(const QString& prompt) { promptEdit_->setText(prompt); }
void InspectPanel::setDevice(const QString& device) { device_ = device; }
void InspectPanel::setWorkspace(const QString& folder) { workspace_ = folder; }

void InspectPanel::chooseRunFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a run folder"), workspace_);
    if (!folder.isEmpty())
        loadRunCheckpoint(folder);
}

void InspectPanel::chooseModelFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a model folder"), workspace_);
    if (!folder.isEmpty())
        loadModelFolder(folder);
}

void InspectPanel::loadModelFolder(const QString& folder)
{
    if (startLoading(ModelLoadJob::Source::ModelFolder, folder))
        runFolder_.clear();
}

void InspectPanel::loadRunCheckpoint(const QString& runFolder)
{
    if (startLoading(ModelLoadJob::Source::RunCheckpoint, runFolder))
        runFolder_ = runFolder;
}

bool InspectPanel::startLoading(ModelLoadJob::Source source, const QString& path)
{
    if (loadJob_ || inspectionJob_ || historyJob_) {
        showError(tr("Wait until the current work is done, then try again."));
        return false;
    }
    showError(QString());
    loadJob_ = std::make_unique<JobThread<ModelLoadJob>>(source, path, device_);
    ModelLoadJob* job = &loadJob_->job();
    connect(job, &ModelLoadJob::loaded, this, [this](const ModelHandle& model) {
        model_ = model;
        modelLabel_->setText(model.description);
        Q_EMIT modelLoaded(model.description);
    });
    connect(job, &EngineJob::failed, this, &InspectPanel::showError);
    connect(job, &EngineJob::finished, this, [this] {
        loadJob_.release()->deleteLater();
        updateButtons();
    });
    statusLabel_->setText(tr("Loading %1…").arg(QDir::toNativeSeparators(path)));
    Q_EMIT jobStarted(job); // before start(), so listeners hear the job's first signals
    loadJob_->start();
    history_.clear();
    historyBlockCombo_->clear();
    updateButtons();
    return true;
}

// --- inspecting --------------------------------------------------------------------------------

void InspectPanel::inspect()
{
    if (isInspecting() || isLoading() || isReadingHistory())
        return;
    if (!hasModel())
        return showError(tr("Load a model first: a run or an exported model folder."));
    showError(QString());
    failed_ = false;
    inspectionJob_ = std::make_unique<JobThread<InspectionJob>>(model_, promptEdit_->text());
    InspectionJob* job = &inspectionJob_->job();
    connect(job, &InspectionJob::inspected, this, &InspectPanel::onInspected);
    connect(job, &EngineJob::progress, this, [this](double, const QString& message) { statusLabel_->setText(message); });
    connect(job, &EngineJob::failed, this, [this](const QString& message) {
        failed_ = true;
        showError(message);
    });
    connect(job, &EngineJob::finished, this, &InspectPanel::onInspectionFinished);
    Q_EMIT jobStarted(job);
    inspectionJob_->start();
    updateButtons();
}

void InspectPanel::stopInspection()
{
    if (inspectionJob_)
        inspectionJob_->job().cancel();
    if (historyJob_)
        historyJob_->job().cancel();
}

void InspectPanel::readHistory()
{
    if (isInspecting() || isLoading() || isReadingHistory())
        return;
    if (runFolder_.isEmpty())
        return showError(tr("Load a run first: a model folder has no checkpoints."));
    showError(QString());
    auto failed = std::make_shared<bool>(false);
    historyJob_ = std::make_unique<JobThread<RecurrenceHistoryJob>>(runFolder_);
    RecurrenceHistoryJob* job = &historyJob_->job();
    connect(job, &RecurrenceHistoryJob::read, this, &InspectPanel::onHistoryRead);
    connect(job, &EngineJob::progress, this, [this](double, const QString& message) { historyLabel_->setText(message); });
    connect(job, &EngineJob::failed, this, [this, failed](const QString& message) {
        *failed = true;
        showError(message);
        historyLabel_->setText(message);
    });
    connect(job, &EngineJob::finished, this, [this, failed](bool cancelled) {
        historyJob_.release()->deleteLater();
        if (cancelled)
            historyLabel_->setText(tr("Stopped."));
        updateButtons();
        Q_EMIT historyFinished(!cancelled && !*failed);
    });
    Q_EMIT jobStarted(job);
    historyJob_->start();
    updateButtons();
}

void InspectPanel::onHistoryRead(const std::vector<i3::RecurrenceSnapshot>& history)
{
    history_ = history;
    const QSignalBlocker blocker(historyBlockCombo_);
    historyBlockCombo_->clear();
    for (const auto& block : history.back().blocks)
        historyBlockCombo_->addItem(tr("layers.%1 (hybrid)").arg(block.layer), qlonglong(block.layer));
    historyLabel_->setText(tr("%Ln checkpoint(s), from step %1 to %2.", "", int(history.size()))
                               .arg(history.front().step)
                               .arg(history.back().step));
    showHistory();
}

// The chosen block at every checkpoint that has it (a layer pattern does not change within a run).
void InspectPanel::showHistory()
{
    for (const QString& id : historyPlot_->seriesIds())
        historyPlot_->setSeries(id, {}, {});
    if (historyBlockCombo_->currentIndex() < 0)
        return;
    const qlonglong layer = historyBlockCombo_->currentData().toLongLong();
    for (const auto& snapshot : history_)
        for (const auto& block : snapshot.blocks)
            if (block.layer == layer) {
                const double step = double(snapshot.step);
                historyPlot_->appendPoint("radius", step, block.spectral_radius);
                historyPlot_->appendPoint("mix_mean", step, block.w_mix_mean);
                historyPlot_->appendPoint("mix_min", step, block.w_mix_min);
                historyPlot_->appendPoint("mix_max", step, block.w_mix_max);
            }
}

void InspectPanel::onInspected(const PromptInspection& result)
{
    result_ = result;
    statusLabel_->setText(tr("%Ln tokens through %1 blocks.", "", int(result.tokens.size()))
                              .arg(result.inspection->hybrid.size() + result.inspection->attention.size()));
    fillChoosers();
}

void InspectPanel::onInspectionFinished(bool cancelled)
{
    inspectionJob_.release()->deleteLater();
    if (cancelled)
        statusLabel_->setText(tr("Stopped."));
    updateButtons();
    Q_EMIT inspectionFinished(!cancelled && !failed_);
}

void InspectPanel::fillChoosers()
{
    const auto& seen = *result_.inspection;
    const QSignalBlocker blockHybrid(hybridCombo_), blockAttention(attentionCombo_), blockHead(headCombo_);
    hybridCombo_->clear();
    for (const auto& block : seen.hybrid)
        hybridCombo_->addItem(tr("layers.%1 (hybrid)").arg(block.layer));
    attentionCombo_->clear();
    for (const auto& block : seen.attention)
        attentionCombo_->addItem(tr("layers.%1 (attention)").arg(block.layer));
    headCombo_->clear();
    if (!seen.attention.empty())
        for (int64_t head = 0; head < seen.attention.front().weights.size(0); ++head)
            headCombo_->addItem(QString::number(head));
    showHybridBlock();
    showAttention();
}

void InspectPanel::selectHybridBlock(int hybrid) { hybridCombo_->setCurrentIndex(hybrid); }

void InspectPanel::selectState(StateVariable variable) { stateCombo_->setCurrentIndex(int(variable)); }

void InspectPanel::selectAttention(int attention, int head)
{
    attentionCombo_->setCurrentIndex(attention);
    headCombo_->setCurrentIndex(head);
}

void InspectPanel::showHybridBlock()
{
    const int index = hybridCombo_->currentIndex();
    if (!result_.inspection || index < 0 || index >= int(result_.inspection->hybrid.size())) {
        stateMap_->clear();
        eigenvalues_->clear();
        halfLifeLabel_->setText(tr("The model has no hybrid block."));
        return;
    }
    const auto& block = result_.inspection->hybrid.at(index);
    const bool h = stateCombo_->currentIndex() == int(StateVariable::H);
    HeatmapPlot::Axes axes;
    axes.xTitle = tr("token");
    axes.yTitle = h ? tr("channel of h") : tr("component of s");
    axes.valueName = h ? tr("h") : tr("s");
    axes.xLabels = visibleTokens(result_.tokens);
    stateMap_->showMatrix(h ? block.h : block.s, axes);
    eigenvalues_->showEigenvalues(block.eigenvalues);
    halfLifeLabel_->setText(halfLifeText());
    showMixHistogram(block.w_mix);
}

void InspectPanel::showAttention()
{
    const int index = attentionCombo_->currentIndex(), head = headCombo_->currentIndex();
    if (!result_.inspection || index < 0 || head < 0 || index >= int(result_.inspection->attention.size()))
        return attentionMap_->clear();
    HeatmapPlot::Axes axes;
    axes.xTitle = tr("key");
    axes.yTitle = tr("query");
    axes.valueName = tr("weight");
    axes.xLabels = axes.yLabels = visibleTokens(result_.tokens);
    axes.yDownwards = true;
    axes.signedValues = false;
    // weights[head] is [query, key]; the map's columns are the keys.
    attentionMap_->showMatrix(result_.inspection->attention.at(index).weights[head].t(), axes);
}

void InspectPanel::showMixHistogram(const at::Tensor& w_mix)
{
    const auto values = w_mix.to(torch::kDouble).contiguous();
    const std::vector<double> weights(values.data_ptr<double>(), values.data_ptr<double>() + values.numel());
    const auto histogram = i3::value_histogram(weights, kMixBins);
    QVector<double> centres, counts;
    for (size_t bin = 0; bin < histogram.counts.size(); ++bin) {
        centres << histogram.bin_centre(bin);
        counts << double(histogram.counts[bin]);
    }
    mixBars_->setWidth(histogram.bin_width());
    mixBars_->setData(centres, counts, true);
    mixPlot_->xAxis->setRange(histogram.low - histogram.bin_width(), histogram.high + histogram.bin_width());
    mixPlot_->yAxis->setRange(0, *std::max_element(counts.begin(), counts.end()) * 1.1);
    const auto below = std::count_if(weights.begin(), weights.end(), [](double w) { return w < 0; });
    const auto above = std::count_if(weights.begin(), weights.end(), [](double w) { return w > 1; });
    mixLabel_->setText(tr("%Ln channels: mean %L1, from %L2 to %L3; ", "", int(weights.size()))
                           .arg(QLocale().toString(values.mean().item<double>(), 'f', 3))
                           .arg(QLocale().toString(histogram.low, 'f', 3))
                           .arg(QLocale().toString(histogram.high, 'f', 3)) +
                       tr("%Ln below 0 (h flips its sign each token), ", "", int(below)) +
                       tr("%Ln above 1 (h grows).", "", int(above)));
    mixPlot_->replot(QCustomPlot::rpQueuedReplot);
}

QString InspectPanel::halfLifeText() const
{
    const int index = hybridCombo_->currentIndex();
    if (!result_.inspection || index < 0 || index >= int(result_.inspection->hybrid.size()))
        return QString();
    int grows = 0, persists = 0;
    std::vector<double> fading;
    for (const auto& value : result_.inspection->hybrid.at(index).eigenvalues) {
        const auto half = i3::memory_half_life(value);
        if (half.memory == i3::Memory::Grows)
            ++grows;
        else if (half.memory == i3::Memory::Persists)
            ++persists;
        else
            fading.push_back(half.steps);
    }
    QStringList parts;
    if (!fading.empty()) {
        const auto [shortest, longest] = std::minmax_element(fading.begin(), fading.end());
        parts << tr("Half-lives of s: %L1 to %L2 tokens (t with |λ|^t = 1/2).")
                     .arg(QLocale().toString(*shortest, 'f', 2))
                     .arg(QLocale().toString(*longest, 'f', 2));
    }
    if (persists > 0)
        parts << tr("%Ln on the unit circle: kept for ever.", "", persists);
    if (grows > 0)
        parts << tr("%Ln outside the unit circle: no half-life, s grows along them.", "", grows);
    return parts.join(QLatin1Char(' '));
}

void InspectPanel::showError(const QString& message)
{
    error_ = message;
    statusLabel_->setText(message);
}

void InspectPanel::updateButtons()
{
    const bool busy = isLoading() || isInspecting() || isReadingHistory();
    loadRunButton_->setEnabled(!busy);
    loadFolderButton_->setEnabled(!busy);
    inspectButton_->setEnabled(!busy && hasModel());
    historyButton_->setEnabled(!busy && !runFolder_.isEmpty());
    stopButton_->setEnabled(isInspecting() || isReadingHistory());
}
