// SPDX-License-Identifier: GPL-3.0-or-later
#include "workbench_panel.h"

#include "probability_legend.h"
#include "sampling_sliders.h"
#include "token_chips.h"
#include "token_details.h"

#include "model/model_artifacts.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace {

QSlider* makeSlider(const QString& objectName, int minimum, int maximum, int value)
{
    auto* slider = new QSlider(Qt::Horizontal);
    slider->setObjectName(objectName);
    slider->setRange(minimum, maximum);
    slider->setValue(value);
    return slider;
}

QHBoxLayout* sliderRow(QSlider* slider, QLabel* value)
{
    auto* row = new QHBoxLayout;
    row->addWidget(slider, 1);
    value->setMinimumWidth(36);
    row->addWidget(value);
    return row;
}

QScrollArea* scrolled(QWidget* widget)
{
    auto* scroll = new QScrollArea;
    scroll->setWidget(widget);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

} // namespace

WorkbenchPanel::WorkbenchPanel(QWidget* parent) : QWidget(parent)
{
    auto* controls = scrolled(buildControls());
    controls->setMinimumWidth(300);
    controls->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    promptEdit_ = new QLineEdit;
    promptEdit_->setObjectName("workbenchPrompt");
    promptEdit_->setPlaceholderText(tr("A prompt, e.g. “once upon a time”, then Generate (Return)"));
    connect(promptEdit_, &QLineEdit::returnPressed, this, &WorkbenchPanel::generate);
    auto* promptRow = new QHBoxLayout;
    promptRow->addWidget(new QLabel(tr("Prompt:")));
    promptRow->addWidget(promptEdit_, 1);

    details_ = new TokenDetails;
    details_->setObjectName("tokenDetails");
    connect(details_, &TokenDetails::branchRequested, this,
            [this](int index, qint64 alternative) { branch(detailSide_, index, alternative); });

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(buildSequences());
    splitter->addWidget(details_);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    statusLabel_ = new QLabel;
    statusLabel_->setObjectName("workbenchStatus");
    statusLabel_->setWordWrap(true);
    errorLabel_ = new QLabel;
    errorLabel_->setObjectName("workbenchError");
    errorLabel_->setWordWrap(true);
    errorLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorLabel_->setStyleSheet("color: #c62828;");
    errorLabel_->hide();

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(promptRow);
    rightLayout->addWidget(splitter, 1);
    rightLayout->addWidget(statusLabel_);
    rightLayout->addWidget(errorLabel_);

    auto* outer = new QSplitter(Qt::Horizontal);
    outer->addWidget(controls);
    outer->addWidget(right);
    outer->setStretchFactor(0, 0);
    outer->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(outer);
    updateValueLabels();
    updateButtons();
}

WorkbenchPanel::~WorkbenchPanel() = default;

QWidget* WorkbenchPanel::buildControls()
{
    generateButton_ = new QPushButton(tr("Generate"));
    generateButton_->setObjectName("workbenchGenerateButton");
    generateButton_->setToolTip(tr("The prompt through the model (and the one compared with it): the prompt "
                                   "scored, the continuation sampled with the same seed"));
    connect(generateButton_, &QPushButton::clicked, this, &WorkbenchPanel::generate);
    stopButton_ = new QPushButton(tr("Stop"));
    stopButton_->setObjectName("workbenchStopButton");
    connect(stopButton_, &QPushButton::clicked, this, &WorkbenchPanel::stop);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(generateButton_);
    buttons->addWidget(stopButton_);

    auto* legend = new QGridLayout;
    legend->addWidget(new QLabel(tr("Probability under the model:")), 0, 0, 1, 3);
    legend->addWidget(new QLabel(tr("low")), 1, 0);
    legend->addWidget(new ProbabilityLegend, 1, 1);
    legend->addWidget(new QLabel(tr("high")), 1, 2);
    auto* outlines = new QLabel(tr("Grey outline: a prompt token. Blue outline: a token picked by hand."));
    outlines->setWordWrap(true);
    legend->addWidget(outlines, 2, 0, 1, 3);
    legend->setColumnStretch(3, 1);

    auto* controls = new QWidget;
    auto* layout = new QVBoxLayout(controls);
    layout->addWidget(buildModelBox(First));
    layout->addWidget(buildModelBox(Second));
    layout->addWidget(buildSampling());
    layout->addLayout(buttons);
    layout->addLayout(legend);
    layout->addStretch(1);
    return controls;
}

QWidget* WorkbenchPanel::buildModelBox(int side)
{
    auto* run = new QPushButton(tr("Load run…"));
    run->setObjectName(side == First ? "workbenchLoadRunButton" : "compareLoadRunButton");
    run->setToolTip(tr("The latest checkpoint of a training run, also one still training"));
    connect(run, &QPushButton::clicked, this, [this, side] { chooseRun(side); });
    auto* folder = new QPushButton(tr("Load folder…"));
    folder->setObjectName(side == First ? "workbenchLoadFolderButton" : "compareLoadFolderButton");
    folder->setToolTip(tr("An exported model folder: config.json, weights and tokenizer.json"));
    connect(folder, &QPushButton::clicked, this, [this, side] { chooseFolder(side); });
    loadButtons_[size_t(2 * side)] = run;
    loadButtons_[size_t(2 * side + 1)] = folder;

    SideView& view = views_[size_t(side)];
    view.model = new QLabel(side == First ? tr("No model loaded.")
                                          : tr("Optional: a second model (another checkpoint or run) "
                                               "beside the first, on the same prompt and seed."));
    view.model->setObjectName(side == First ? "workbenchModelLabel" : "compareModelLabel");
    view.model->setWordWrap(true);

    auto* box = new QGroupBox(side == First ? tr("Model") : tr("Compare with"));
    auto* layout = new QVBoxLayout(box);
    auto* row = new QHBoxLayout;
    row->addWidget(run);
    row->addWidget(folder);
    layout->addLayout(row);
    layout->addWidget(view.model);
    if (side == Second) {
        removeButton_ = new QPushButton(tr("Remove the comparison"));
        removeButton_->setObjectName("removeComparisonButton");
        connect(removeButton_, &QPushButton::clicked, this, &WorkbenchPanel::removeComparison);
        layout->addWidget(removeButton_);
    }
    return box;
}

QWidget* WorkbenchPanel::buildSampling()
{
    temperatureSlider_ = makeSlider("workbenchTemperature", sampling_sliders::kTemperatureMinimum,
                                    sampling_sliders::kTemperatureMaximum, sampling_sliders::position(0.8));
    topKSlider_ = makeSlider("workbenchTopK", 0, sampling_sliders::kTopKMaximum, 50);
    topKSlider_->setToolTip(tr("All the way left turns the top-k cut off."));
    topPSlider_ = makeSlider("workbenchTopP", sampling_sliders::kTopPMinimum, sampling_sliders::kTopPMaximum,
                             sampling_sliders::position(1.0));
    temperatureValue_ = new QLabel;
    topKValue_ = new QLabel;
    topPValue_ = new QLabel;
    for (QSlider* slider : {temperatureSlider_, topKSlider_, topPSlider_})
        connect(slider, &QSlider::valueChanged, this, [this] {
            updateValueLabels();
            details_->setSampling(sampling());
        });
    lengthSpin_ = new QSpinBox;
    lengthSpin_->setObjectName("workbenchLength");
    lengthSpin_->setRange(0, 100000);
    lengthSpin_->setValue(40);
    lengthSpin_->setSuffix(tr(" tokens"));
    lengthSpin_->setToolTip(tr("New tokens after the prompt; prompt and continuation fit in one context"));
    seedSpin_ = new QSpinBox;
    seedSpin_->setObjectName("workbenchSeed");
    seedSpin_->setRange(0, std::numeric_limits<int>::max());
    seedSpin_->setValue(42);

    auto* box = new QGroupBox(tr("Sampling"));
    auto* form = new QFormLayout(box);
    form->addRow(tr("Temperature:"), sliderRow(temperatureSlider_, temperatureValue_));
    form->addRow(tr("Top-k:"), sliderRow(topKSlider_, topKValue_));
    form->addRow(tr("Top-p:"), sliderRow(topPSlider_, topPValue_));
    form->addRow(tr("Length:"), lengthSpin_);
    form->addRow(tr("Seed:"), seedSpin_);
    auto* note = new QLabel(tr("The shading of the cut-off follows the sliders at once; Generate samples "
                               "with them."));
    note->setWordWrap(true);
    form->addRow(note);
    return box;
}

QWidget* WorkbenchPanel::buildSequences()
{
    auto* holder = new QWidget;
    auto* layout = new QHBoxLayout(holder);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildSideView(First), 1);
    layout->addWidget(buildSideView(Second), 1);
    views_[Second].box->hide();
    return holder;
}

QWidget* WorkbenchPanel::buildSideView(int side)
{
    SideView& view = views_[size_t(side)];
    view.chips = new TokenChips;
    view.chips->setObjectName(side == First ? "firstChips" : "secondChips");
    connect(view.chips, &TokenChips::tokenSelected, this, [this, side](int index) { selectToken(side, index); });
    view.perplexity = new QLabel;
    view.perplexity->setObjectName(side == First ? "firstPerplexity" : "secondPerplexity");
    view.perplexity->setWordWrap(true);
    view.box = new QGroupBox(side == First ? tr("Model") : tr("Compared model"));
    auto* layout = new QVBoxLayout(view.box);
    layout->addWidget(view.perplexity);
    layout->addWidget(scrolled(view.chips), 1);
    return view.box;
}

// --- settings ----------------------------------------------------------------------------------

void WorkbenchPanel::setPrompt(const QString& prompt) { promptEdit_->setText(prompt); }

void WorkbenchPanel::setTemperature(double temperature)
{
    temperatureSlider_->setValue(sampling_sliders::position(temperature));
}

void WorkbenchPanel::setTopK(int k) { topKSlider_->setValue(k); }
void WorkbenchPanel::setTopP(double p) { topPSlider_->setValue(sampling_sliders::position(p)); }
void WorkbenchPanel::setLength(int newTokens) { lengthSpin_->setValue(newTokens); }

void WorkbenchPanel::setSeed(qint64 seed)
{
    seedSpin_->setValue(static_cast<int>(std::clamp<qint64>(seed, 0, seedSpin_->maximum())));
}

void WorkbenchPanel::setDevice(const QString& device) { device_ = device; }
void WorkbenchPanel::setWorkspace(const QString& folder) { workspace_ = folder; }

i3::SamplingOptions WorkbenchPanel::sampling() const
{
    return {sampling_sliders::value(temperatureSlider_->value()), topKSlider_->value(),
            sampling_sliders::value(topPSlider_->value())};
}

SharedTokenSequence WorkbenchPanel::sequence(Side side) const { return sequences_[side]; }

QString WorkbenchPanel::perplexityText(Side side) const { return views_[side].perplexity->text(); }

void WorkbenchPanel::updateValueLabels()
{
    const auto options = sampling();
    temperatureValue_->setText(QStringLiteral("%L1").arg(options.temperature, 0, 'f', 2));
    topKValue_->setText(options.top_k == 0 ? tr("off") : QString::number(options.top_k));
    topPValue_->setText(QStringLiteral("%L1").arg(options.top_p, 0, 'f', 2));
}

void WorkbenchPanel::updateButtons()
{
    const bool busy = isLoading() || isWorking();
    for (auto* button : loadButtons_)
        button->setEnabled(!busy);
    removeButton_->setEnabled(!busy && hasModel(Second));
    generateButton_->setEnabled(!busy && hasModel(First));
    stopButton_->setEnabled(isWorking());
    details_->setBranchingEnabled(!busy);
}

void WorkbenchPanel::showError(const QString& message)
{
    error_ = message;
    errorLabel_->setText(message);
    errorLabel_->setVisible(!message.isEmpty());
}

// --- loading -----------------------------------------------------------------------------------

void WorkbenchPanel::chooseRun(int side)
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a run folder"), workspace_);
    if (!folder.isEmpty())
        loadRunCheckpoint(folder, side);
}

void WorkbenchPanel::chooseFolder(int side)
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a model folder"), workspace_);
    if (!folder.isEmpty())
        loadModelFolder(folder, side);
}

void WorkbenchPanel::loadModelFolder(const QString& folder, int side)
{
    startLoading(ModelLoadJob::Source::ModelFolder, folder, side);
}

void WorkbenchPanel::loadRunCheckpoint(const QString& runFolder, int side)
{
    startLoading(ModelLoadJob::Source::RunCheckpoint, runFolder, side);
}

void WorkbenchPanel::startLoading(ModelLoadJob::Source source, const QString& path, int side)
{
    if (isLoading() || isWorking())
        return showError(tr("Wait until the current work is done, then try again."));
    showError(QString());
    loadJob_ = std::make_unique<JobThread<ModelLoadJob>>(source, path, device_);
    ModelLoadJob* job = &loadJob_->job();
    const QString name = QFileInfo(path).fileName();
    connect(job, &ModelLoadJob::loaded, this, [this, side, name](const ModelHandle& model) {
        models_[size_t(side)] = model;
        SideView& view = views_[size_t(side)];
        view.name = name;
        view.model->setText(model.description);
        view.box->setTitle(name);
        view.box->setToolTip(model.description);
        view.box->show();
        sequences_[size_t(side)].reset();
        view.chips->setSequence(nullptr);
        view.perplexity->setText(tr("Generate to see the tokens."));
        if (detailSide_ == side)
            details_->clear();
        Q_EMIT modelLoaded(side, model.description);
    });
    connect(job, &EngineJob::failed, this, &WorkbenchPanel::showError);
    connect(job, &EngineJob::finished, this, [this] {
        loadJob_.release()->deleteLater();
        statusLabel_->clear();
        updateButtons();
    });
    statusLabel_->setText(tr("Loading %1…").arg(QDir::toNativeSeparators(path)));
    Q_EMIT jobStarted(job); // before start(), so listeners hear the job's first signals
    loadJob_->start();
    updateButtons();
}

void WorkbenchPanel::removeComparison()
{
    if (isWorking() || isLoading())
        return;
    models_[Second] = {};
    sequences_[Second].reset();
    views_[Second].chips->setSequence(nullptr);
    views_[Second].box->hide();
    views_[Second].model->setText(tr("Optional: a second model (another checkpoint or run) beside the first, "
                                     "on the same prompt and seed."));
    if (detailSide_ == Second)
        details_->clear();
    updateButtons();
}

// --- generating and branching ------------------------------------------------------------------

void WorkbenchPanel::generate()
{
    if (isWorking() || isLoading())
        return;
    if (!hasModel(First))
        return showError(tr("Load a model first: a run or an exported model folder."));
    QVector<WorkbenchRequest> requests;
    for (const int side : {First, Second})
        if (hasModel(Side(side)))
            requests.append({side, models_[size_t(side)], nullptr, 0, 0});
    reselect_ = -1;
    startWork(requests);
}

void WorkbenchPanel::branch(int side, int index, qint64 alternative)
{
    if (isWorking() || isLoading() || side < 0 || !sequences_[size_t(side)])
        return;
    reselect_ = index;
    startWork({{side, models_[size_t(side)], sequences_[size_t(side)], index, alternative}});
}

void WorkbenchPanel::startWork(const QVector<WorkbenchRequest>& requests)
{
    showError(QString());
    failed_ = false;
    GenerationSettings settings;
    settings.prompt = promptEdit_->text();
    const auto options = sampling();
    settings.temperature = options.temperature;
    settings.topK = int(options.top_k);
    settings.topP = options.top_p;
    settings.maxNewTokens = lengthSpin_->value();
    settings.seed = quint64(seedSpin_->value());
    workJob_ = std::make_unique<JobThread<WorkbenchJob>>(requests, settings);
    WorkbenchJob* job = &workJob_->job();
    connect(job, &WorkbenchJob::sequenceReady, this, &WorkbenchPanel::onSequence);
    connect(job, &EngineJob::progress, this, [this](double, const QString& message) { statusLabel_->setText(message); });
    connect(job, &EngineJob::failed, this, [this](const QString& message) {
        failed_ = true;
        showError(message);
    });
    connect(job, &EngineJob::finished, this, &WorkbenchPanel::onWorkFinished);
    statusLabel_->setText(tr("Working…"));
    Q_EMIT jobStarted(job);
    workJob_->start();
    updateButtons();
}

void WorkbenchPanel::stop()
{
    if (workJob_)
        workJob_->job().cancel();
}

void WorkbenchPanel::onSequence(int side, const SharedTokenSequence& sequence)
{
    sequences_[size_t(side)] = sequence;
    views_[size_t(side)].chips->setSequence(sequence);
    showPerplexity(side);
    // A branch keeps the token it was made at in view.
    if (detailSide_ == side && reselect_ > 0 && reselect_ < int(sequence->tokens.size()))
        selectToken(side, reselect_);
    else if (detailSide_ == side)
        details_->clear();
}

void WorkbenchPanel::showPerplexity(int side)
{
    const auto& sequence = *sequences_[size_t(side)];
    QString text;
    if (const auto perplexity = sequence.prompt_perplexity())
        text = tr("Prompt perplexity %L1 over %Ln predicted token(s)", "", int(sequence.prompt_length - 1))
                   .arg(*perplexity, 0, 'f', 2);
    else
        text = tr("Prompt perplexity: the prompt needs two tokens or more (the first is never predicted)");
    std::vector<double> continuation;
    for (size_t t = std::max<size_t>(sequence.prompt_length, 1); t < sequence.tokens.size(); ++t)
        continuation.push_back(*sequence.tokens[t].probability);
    if (!continuation.empty())
        text += QStringLiteral(" · ") + tr("continuation %L1 over %Ln token(s)", "", int(continuation.size()))
                                           .arg(i3::perplexity(continuation), 0, 'f', 2);
    if (sequence.cancelled)
        text += QStringLiteral(" · ") + tr("stopped early");
    views_[size_t(side)].perplexity->setText(text);
}

void WorkbenchPanel::onWorkFinished(bool cancelled)
{
    workJob_.release()->deleteLater();
    statusLabel_->setText(cancelled ? tr("Stopped.") : failed_ ? QString() : tr("Done."));
    updateButtons();
    Q_EMIT workFinished(!cancelled && !failed_);
}

void WorkbenchPanel::selectToken(int side, int index)
{
    const auto& sequence = sequences_[size_t(side)];
    if (!sequence || index < 0 || index >= int(sequence->tokens.size()))
        return;
    detailSide_ = side;
    for (const int other : {First, Second})
        views_[size_t(other)].chips->select(other == side ? index : -1);
    details_->showToken(models_[size_t(side)], views_[size_t(side)].name, sequence, index, sampling());
}
