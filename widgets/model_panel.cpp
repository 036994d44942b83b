// SPDX-License-Identifier: GPL-3.0-or-later
#include "model_panel.h"

#include "device_name.h"
#include "fine_tune_box.h"

#include "base/device.h"
#include "base/error.h"
#include "telemetry/device_telemetry.h"
#include "telemetry/memory_estimate.h"
#include "config/fine_tuning.h"
#include "config/preset.h"
#include "config/preset_files.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace {

// Wide enough that a user can type any sensible value and some that are not: the panel says
// what is wrong instead of refusing keystrokes.
constexpr int kMaxWidth = 65536;
constexpr int kMaxHeads = 4096;
constexpr int kMaxLayers = 1024;
constexpr int kMaxContext = 1 << 20;
constexpr int kMaxBatch = 65536;

// A number box that shows values the short way ("0.0003", "1e-08") and keeps them exact: the
// base class rounds every value to `decimals` places, so that is set far past what is shown.
class NumberSpinBox : public QDoubleSpinBox {
public:
    explicit NumberSpinBox(bool logarithmicSteps) : logarithmicSteps_(logarithmicSteps)
    {
        setDecimals(30);
    }

    QString textFromValue(double value) const override { return locale().toString(value, 'g', 6); }

    double valueFromText(const QString& text) const override
    {
        double value = 0;
        parse(text, &value);
        return value;
    }

    QValidator::State validate(QString& input, int& /*position*/) const override
    {
        double value = 0;
        if (parse(input, &value))
            return value >= minimum() && value <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
        // Something on its way to a number ("", "-", "1e", "0.") may still become one.
        const QString allowed = QStringLiteral("0123456789eE+-") + locale().decimalPoint() + QLatin1Char('.');
        const bool typing = std::all_of(input.begin(), input.end(), [&](QChar c) { return allowed.contains(c); });
        return typing ? QValidator::Intermediate : QValidator::Invalid;
    }

    // Learning rates and epsilons live on a log scale: step the leading digit (3e-4 -> 4e-4,
    // 1e-4 -> 9e-5) rather than add a fixed amount.
    void stepBy(int steps) override
    {
        if (!logarithmicSteps_) {
            QDoubleSpinBox::stepBy(steps);
            return;
        }
        double next = value();
        for (int i = 0; i < std::abs(steps); ++i)
            next = steps > 0 ? leadingDigitUp(next) : leadingDigitDown(next);
        setValue(next);
    }

private:
    bool parse(const QString& text, double* value) const
    {
        bool ok = false;
        *value = locale().toDouble(text.trimmed(), &ok);
        if (!ok)
            *value = QLocale::c().toDouble(text.trimmed(), &ok);
        return ok;
    }

    static double unitOf(double value) { return std::pow(10.0, std::floor(std::log10(value) + 1e-9)); }
    static double tidy(double value) { return QString::number(value, 'g', 12).toDouble(); }

    double leadingDigitUp(double value) const
    {
        return value > 0 ? tidy(value + unitOf(value)) : singleStep();
    }

    double leadingDigitDown(double value) const
    {
        if (value <= 0)
            return value;
        double unit = unitOf(value);
        if (value - unit < unit * (1 - 1e-9)) // a leading 1: go down a decade
            unit /= 10;
        return tidy(value - unit);
    }

    bool logarithmicSteps_;
};

int clampToInt(int64_t value) { return static_cast<int>(std::clamp<int64_t>(value, INT_MIN, INT_MAX)); }

// The GPU whose memory bounds the estimate; 0 (unused) for the CPU.
int gpuIndexOf(const QString& device)
{
    const auto spec = i3::parse_device(device.toStdString());
    return spec && spec->cuda ? spec->gpu_index() : 0;
}

template <class Config>
const i3::Setting<Config>& settingOf(const std::vector<i3::Setting<Config>>& table, const char* key)
{
    const i3::Setting<Config>* setting = i3::find_setting(table, key);
    if (!setting)
        throw std::logic_error(std::string("the form names an unknown setting: ") + key);
    return *setting;
}

} // namespace

ModelPanel::ModelPanel(QWidget* parent) : QWidget(parent), telemetry_(std::make_unique<i3::DeviceTelemetry>())
{
    for (const std::string& device : i3::available_devices())
        availableDevices_ << QString::fromStdString(device);

    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    fineTuneBox_ = new FineTuneBox;
    contentLayout->addWidget(fineTuneBox_);
    auto* columnsLayout = new QHBoxLayout;
    columnsLayout->addWidget(createModelBox(), 0, Qt::AlignTop);
    columnsLayout->addWidget(createOptimisationBox(), 0, Qt::AlignTop);
    columnsLayout->addWidget(createScheduleBox(), 0, Qt::AlignTop);
    contentLayout->addLayout(columnsLayout);
    contentLayout->addStretch();
    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    parameterLabel_ = new QLabel;
    parameterLabel_->setObjectName("parameterLabel");
    parameterLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    memoryLabel_ = new QLabel;
    memoryLabel_->setObjectName("memoryLabel");
    memoryLabel_->setWordWrap(true);
    memoryLabel_->setToolTip(
        tr("An estimate, not a measurement: weights, gradients and AdamW's two moments take 4 × parameters × "
           "4 bytes; the activations are counted as batch × context × d_model × (12 × layers + 2) floats, plus "
           "2 × batch × heads × context² per attention layer and 2 × batch × context × vocabulary for the loss. "
           "The Context probe measures the real peak."));
    problemsLabel_ = new QLabel;
    problemsLabel_->setObjectName("problemsLabel");
    problemsLabel_->setWordWrap(true);
    problemsLabel_->setStyleSheet("color: #c62828;");
    problemsLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(parameterLabel_);
    layout->addWidget(memoryLabel_);
    layout->addWidget(problemsLabel_);

    // With a GPU, the published i3-80M and its recipe; on the CPU, the preset and recipe that write
    // readable sentences within minutes.
    const bool gpu = availableDevices_.size() > 1; // "cpu" first, then "cuda:0"...
    const i3::Preset preset = i3::load_preset(gpu ? i3::kPublishedPreset : i3::kCpuPreset);
    filling_ = true;
    modelBase_ = preset.model;
    vocabulary_ = modelBase_.vocab_size;
    fillModelFields(modelBase_);
    trainBase_ = preset.training;
    trainBase_.device = availableDevices_.at(gpu ? 1 : 0).toStdString();
    fillTrainFields(trainBase_);
    filling_ = false;
    connect(fineTuneBox_, &FineTuneBox::baseChanged, this, &ModelPanel::onFineTuneBaseChanged);
    connect(fineTuneBox_, &FineTuneBox::jobStarted, this, &ModelPanel::jobStarted);
    updateVocabularyLabel();
    updateDeviceMemory();
    refresh();
}

ModelPanel::~ModelPanel() = default;

std::optional<FineTuneBase> ModelPanel::fineTuneBase() const { return fineTuneBox_->base(); }

bool ModelPanel::isLoadingFineTuneBase() const { return fineTuneBox_->isLoading(); }

QString ModelPanel::fineTuneError() const { return fineTuneBox_->errorText(); }

void ModelPanel::fineTuneModelFolder(const QString& folder) { fineTuneBox_->loadModelFolder(folder); }

void ModelPanel::fineTuneHubModel(const QString& repo) { fineTuneBox_->loadHubModel(repo); }

void ModelPanel::startFromScratch() { fineTuneBox_->startFromScratch(); }

// A base takes over the shape and the vocabulary and suggests the fine-tuning recipe; dropping
// it brings back what the fields held before the first base was chosen.
void ModelPanel::onFineTuneBaseChanged()
{
    const std::optional<FineTuneBase> base = fineTuneBox_->base();
    if (base) {
        if (!scratchModel_) {
            scratchModel_ = modelConfig();
            scratchTrain_ = trainConfig();
            scratchVocabularyFromTokenizer_ = vocabularyFromTokenizer_;
        }
        const i3::TrainConfig before = trainConfig();
        const i3::TrainConfig suggested = i3::fine_tuning_recipe(before);
        dataVocabulary_ = -1; // an analysis made before used another tokenizer
        setModelConfig(base->config);
        setTrainConfig(suggested);
        fineTuneBox_->setRemark(recipeText(before, suggested));
    } else if (scratchModel_) {
        setModelConfig(*scratchModel_);
        setTrainConfig(*scratchTrain_);
        vocabularyFromTokenizer_ = scratchVocabularyFromTokenizer_;
        scratchModel_.reset();
        scratchTrain_.reset();
    }
    presetCombo_->setEnabled(!base);
    for (const auto& field : modelFields_)
        field.box->setEnabled(!base);
    updateVocabularyLabel();
    refresh();
    Q_EMIT fineTuneBaseChanged();
}

QString ModelPanel::recipeText(const i3::TrainConfig& before, const i3::TrainConfig& suggested) const
{
    const QLocale locale;
    return tr("Set for fine-tuning (change them as you like): learning rate %1 (was %2), %3 steps (was %4), "
              "%5 warm-up steps (was %6).")
        .arg(locale.toString(suggested.lr, 'g', 6), locale.toString(before.lr, 'g', 6),
             locale.toString(suggested.steps), locale.toString(before.steps), locale.toString(suggested.warmup_steps),
             locale.toString(before.warmup_steps));
}

template <class Config>
double ModelPanel::Field<Config>::value() const
{
    if (const auto* integer = qobject_cast<const QSpinBox*>(box))
        return integer->value();
    return static_cast<const QDoubleSpinBox*>(box)->value();
}

template <class Config>
void ModelPanel::Field<Config>::show(const Config& config) const
{
    const double number = setting->number(config);
    if (auto* integer = qobject_cast<QSpinBox*>(box))
        integer->setValue(clampToInt(static_cast<int64_t>(number)));
    else
        static_cast<QDoubleSpinBox*>(box)->setValue(number);
}

void ModelPanel::bindModelField(const char* key, QAbstractSpinBox* box)
{
    modelFields_.push_back({&settingOf(i3::ModelConfig::settings(), key), box});
}

void ModelPanel::bindTrainField(const char* key, QAbstractSpinBox* box)
{
    trainFields_.push_back({&settingOf(i3::TrainConfig::settings(), key), box});
}

QSpinBox* ModelPanel::addIntegerField(QFormLayout* form, const QString& objectName, const QString& label,
                                      int minimum, int maximum, const QString& toolTip)
{
    auto* spin = new QSpinBox;
    spin->setObjectName(objectName);
    spin->setRange(minimum, maximum);
    spin->setAccelerated(true);
    spin->setToolTip(toolTip);
    form->addRow(label, spin);
    connect(spin, &QSpinBox::valueChanged, this, &ModelPanel::onFieldEdited);
    return spin;
}

QDoubleSpinBox* ModelPanel::addDecimalField(QFormLayout* form, const QString& objectName, const QString& label,
                                            double minimum, double maximum, double step, bool logarithmicSteps,
                                            const QString& toolTip)
{
    auto* spin = new NumberSpinBox(logarithmicSteps);
    spin->setObjectName(objectName);
    spin->setRange(minimum, maximum);
    spin->setSingleStep(step);
    spin->setToolTip(toolTip);
    form->addRow(label, spin);
    connect(spin, &QDoubleSpinBox::valueChanged, this, &ModelPanel::onFieldEdited);
    return spin;
}

QWidget* ModelPanel::createModelBox()
{
    auto* box = new QGroupBox(tr("Model"));
    auto* form = new QFormLayout(box);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // long labels (German) go above their field
    presetCombo_ = new QComboBox;
    presetCombo_->setObjectName("presetCombo");
    for (const std::string& name : i3::ModelConfig::preset_names())
        presetCombo_->addItem(QString::fromStdString(name), QString::fromStdString(name));
    presetCombo_->addItem(tr("Custom"), QString());
    presetCombo_->setToolTip(tr("Each preset brings a shape and the training recipe that suits it. i3-80m and i3-22m "
                                "are the published models, with the reference's recipe; small, the default without a "
                                "GPU, writes readable sentences within minutes on a CPU; tiny is for quick tests."));
    form->addRow(tr("Preset:"), presetCombo_);
    connect(presetCombo_, &QComboBox::currentIndexChanged, this, [this] {
        const QString name = presetCombo_->currentData().toString();
        if (!name.isEmpty())
            selectPreset(name);
    });

    bindModelField("d_model", addIntegerField(form, "dModelSpin", tr("Width (d_model):"), 0, kMaxWidth,
                                  tr("The size of every token's vector; must be divisible by the heads.")));
    bindModelField("n_heads", addIntegerField(form, "headsSpin", tr("Attention heads:"), 0, kMaxHeads,
                                 tr("Heads of each attention layer; each sees d_model / heads dimensions.")));
    bindModelField("d_state", addIntegerField(form, "dStateSpin", tr("Recurrent state (d_state):"), 0, kMaxWidth,
                                  tr("The size of the hybrid layers' state s (the A matrix is d_state × d_state).")));
    bindModelField("conv_layers", addIntegerField(form, "hybridLayersSpin", tr("Hybrid layers:"), 0, kMaxLayers,
                                        tr("RWKV-Mamba recurrent blocks, run first.")));
    bindModelField("attn_layers", addIntegerField(form, "attentionLayersSpin", tr("Attention layers:"), 0, kMaxLayers,
                                           tr("Full causal attention blocks, after the hybrid ones.")));
    bindModelField("max_seq_len", addIntegerField(form, "contextSpin", tr("Context (tokens):"), 0, kMaxContext,
                                   tr("The longest window the model sees (max_seq_len).")));
    vocabularyLabel_ = new QLabel;
    vocabularyLabel_->setObjectName("vocabularyLabel");
    vocabularyLabel_->setWordWrap(true);
    form->addRow(tr("Vocabulary:"), vocabularyLabel_);
    return box;
}

QWidget* ModelPanel::createOptimisationBox()
{
    auto* box = new QGroupBox(tr("Optimisation"));
    auto* form = new QFormLayout(box);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // long labels (German) go above their field
    QSpinBox* stepsSpin = addIntegerField(form, "stepsSpin", tr("Steps:"), 0, INT_MAX, tr("Optimizer steps to train."));
    stepsSpin->setGroupSeparatorShown(true);
    bindTrainField("steps", stepsSpin);
    bindTrainField("batch_size", addIntegerField(form, "batchSpin", tr("Batch size:"), 0, kMaxBatch,
                                 tr("Windows per micro-batch.")));
    bindTrainField("grad_accum", addIntegerField(form, "gradAccumSpin", tr("Gradient accumulation:"), 0, kMaxBatch,
                                     tr("Micro-batches per optimizer step.")));
    bindTrainField("lr", addDecimalField(form, "lrSpin", tr("Learning rate:"), 0, 10, 1e-4, true,
                              tr("The peak learning rate, reached after the warm-up.")));
    bindTrainField("warmup_steps", addIntegerField(form, "warmupSpin", tr("Warm-up steps:"), 0, INT_MAX,
                                  tr("Steps of linear warm-up: step i (counting from 0) uses lr × (i + 1) / warm-up steps.")));
    bindTrainField("final_lr_ratio", addDecimalField(form, "finalLrSpin", tr("Final lr ratio:"), 0, 100, 0.05, false,
                                   tr("The cosine schedule ends at this fraction of the peak.")));
    bindTrainField("weight_decay", addDecimalField(form, "weightDecaySpin", tr("Weight decay:"), -1, 10, 0.01, true,
                                       tr("AdamW's decoupled weight decay.")));
    bindTrainField("beta1", addDecimalField(form, "beta1Spin", tr("Adam β1:"), 0, 1, 0.01, false, tr("AdamW's first beta.")));
    bindTrainField("beta2", addDecimalField(form, "beta2Spin", tr("Adam β2:"), 0, 1, 0.001, false, tr("AdamW's second beta.")));
    bindTrainField("eps", addDecimalField(form, "epsSpin", tr("Adam ε:"), 0, 1, 1e-8, true, tr("AdamW's epsilon.")));
    bindTrainField("grad_clip", addDecimalField(form, "gradClipSpin", tr("Gradient clip (norm):"), 0, 1e6, 0.1, false,
                                    tr("Gradients are scaled down to this norm when larger.")));
    seedEdit_ = new QLineEdit;
    seedEdit_->setObjectName("seedEdit");
    seedEdit_->setValidator(new QRegularExpressionValidator(QRegularExpression("\\d{0,20}"), seedEdit_));
    seedEdit_->setToolTip(tr("The same seed, data and settings give the same run."));
    form->addRow(tr("Seed:"), seedEdit_);
    connect(seedEdit_, &QLineEdit::textChanged, this, &ModelPanel::onFieldEdited);
    deviceCombo_ = new QComboBox;
    deviceCombo_->setObjectName("deviceCombo");
    form->addRow(tr("Device:"), deviceCombo_);
    connect(deviceCombo_, &QComboBox::currentIndexChanged, this, [this] {
        updateDeviceMemory();
        onFieldEdited();
    });
    precisionCombo_ = new QComboBox;
    precisionCombo_->setObjectName("precisionCombo");
    precisionCombo_->addItem(tr("fp32 (exact)"), QString::fromLatin1(i3::kPrecisionFloat32));
    precisionCombo_->addItem(tr("bf16 (CUDA: 2–3× faster)"), QString::fromLatin1(i3::kPrecisionBFloat16));
    precisionCombo_->setToolTip(tr("bf16 runs the matrix products and attention in bfloat16 over float32 weights and "
                                   "optimizer state; the loss stays within a fraction of a percent of fp32's. "
                                   "CUDA devices only."));
    form->addRow(tr("Precision:"), precisionCombo_);
    connect(precisionCombo_, &QComboBox::currentIndexChanged, this, &ModelPanel::onFieldEdited);
    checkpointBox_ = new QCheckBox(tr("recompute activations"));
    checkpointBox_->setObjectName("checkpointActivationsBox");
    checkpointBox_->setToolTip(tr("Activation checkpointing: keeps only each block's input during the forward pass and "
                                  "recomputes the rest in the backward pass: much less memory at long contexts, for "
                                  "about a third more compute."));
    form->addRow(tr("Checkpointing:"), checkpointBox_);
    connect(checkpointBox_, &QCheckBox::toggled, this, &ModelPanel::onFieldEdited);
    return box;
}

QWidget* ModelPanel::createScheduleBox()
{
    auto* box = new QGroupBox(tr("Logging, evaluation and samples"));
    auto* form = new QFormLayout(box);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // long labels (German) go above their field
    bindTrainField("log_every", addIntegerField(form, "logEverySpin", tr("Log every (steps):"), 0, INT_MAX,
                                    tr("How often loss, perplexity, gradient norm and lr are recorded.")));
    bindTrainField("eval_every", addIntegerField(form, "evalEverySpin", tr("Evaluate every (steps):"), 0, INT_MAX,
                                     tr("How often validation loss is measured and samples are written.")));
    bindTrainField("checkpoint_every", addIntegerField(form, "checkpointEverySpin", tr("Checkpoint every (steps):"), 0, INT_MAX,
                                           tr("How often the model is saved.")));
    QSpinBox* keepSpin = addIntegerField(form, "keepCheckpointsSpin", tr("Checkpoints kept:"), 0, 1000,
                                         tr("The newest this many periodic checkpoints stay on disk, besides the best."));
    keepSpin->setSpecialValueText(tr("All")); // i3::kKeepAllCheckpoints
    bindTrainField("keep_checkpoints", keepSpin);
    bindTrainField("loss_window", addIntegerField(form, "lossWindowSpin", tr("Loss window (steps):"), 0, INT_MAX,
                                      tr("The running mean of this many training losses decides the best model.")));
    bindTrainField("eval_windows", addIntegerField(form, "evalWindowsSpin", tr("Evaluation windows:"), 0, INT_MAX,
                                       tr("Validation windows averaged per evaluation.")));
    samplePromptsEdit_ = new QPlainTextEdit;
    samplePromptsEdit_->setObjectName("samplePromptsEdit");
    samplePromptsEdit_->setToolTip(tr("One prompt per line; each evaluation writes a sample for every prompt."));
    samplePromptsEdit_->setFixedHeight(samplePromptsEdit_->fontMetrics().lineSpacing() * 4 + 12);
    samplePromptsEdit_->setTabChangesFocus(true);
    form->addRow(tr("Sample prompts:"), samplePromptsEdit_);
    connect(samplePromptsEdit_, &QPlainTextEdit::textChanged, this, &ModelPanel::onFieldEdited);
    bindTrainField("sample_tokens", addIntegerField(form, "sampleTokensSpin", tr("Sample length (tokens):"), 0, 1000000,
                                        tr("New tokens per sample.")));
    return box;
}

void ModelPanel::fillModelFields(const i3::ModelConfig& config)
{
    for (const auto& field : modelFields_)
        field.show(config);
}

void ModelPanel::fillTrainFields(const i3::TrainConfig& config)
{
    for (const auto& field : trainFields_)
        field.show(config);
    seedEdit_->setText(QString::number(config.seed));
    fillDeviceCombo(config.device);
    const int precision = precisionCombo_->findData(QString::fromStdString(config.precision));
    precisionCombo_->setCurrentIndex(precision >= 0 ? precision : 0);
    checkpointBox_->setChecked(config.checkpoint_activations);
    QStringList prompts;
    for (const std::string& prompt : config.sample_prompts)
        prompts << QString::fromStdString(prompt);
    samplePromptsEdit_->setPlainText(prompts.join(QLatin1Char('\n')));
}

void ModelPanel::fillDeviceCombo(const std::string& device)
{
    const QString wanted = QString::fromStdString(device);
    const QSignalBlocker blocker(deviceCombo_);
    deviceCombo_->clear();
    for (const QString& id : availableDevices_) {
        const QString name = deviceName(id);
        deviceCombo_->addItem(id == QLatin1String("cpu") ? name : tr("%1 (%2)").arg(name, id), id);
    }
    // A configuration made elsewhere may name a device this machine lacks; keep it, and say so.
    if (!availableDevices_.contains(wanted))
        deviceCombo_->addItem(tr("%1 (not available here)").arg(wanted), wanted);
    deviceCombo_->setCurrentIndex(deviceCombo_->findData(wanted));
    updateDeviceMemory();
}

i3::ModelConfig ModelPanel::modelConfig() const
{
    i3::ModelConfig config = modelBase_;
    config.vocab_size = vocabulary_;
    for (const auto& field : modelFields_)
        field.setting->set_number(config, field.value());
    return config;
}

i3::TrainConfig ModelPanel::trainConfig() const
{
    i3::TrainConfig config = trainBase_;
    for (const auto& field : trainFields_)
        field.setting->set_number(config, field.value());
    bool seedOk = false;
    const qulonglong seed = seedEdit_->text().trimmed().toULongLong(&seedOk);
    if (seedOk) // otherwise problems() says so and the last good seed stays
        config.seed = seed;
    config.device = deviceCombo_->currentData().toString().toStdString();
    config.precision = precisionCombo_->currentData().toString().toStdString();
    config.checkpoint_activations = checkpointBox_->isChecked();
    config.sample_prompts.clear();
    // Prompts keep their spaces ("user: tell me " differs from "user: tell me"); blank lines go.
    for (const QString& line : samplePromptsEdit_->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            config.sample_prompts.push_back(line.toStdString());
    return config;
}

void ModelPanel::setModelConfig(const i3::ModelConfig& config)
{
    filling_ = true;
    modelBase_ = config;
    vocabulary_ = config.vocab_size;
    vocabularyFromTokenizer_ = true;
    fillModelFields(config);
    filling_ = false;
    updateVocabularyLabel();
    refresh();
}

void ModelPanel::setTrainConfig(const i3::TrainConfig& config)
{
    filling_ = true;
    trainBase_ = config;
    fillTrainFields(config);
    filling_ = false;
    refresh();
}

void ModelPanel::selectPreset(const QString& name)
{
    i3::ModelConfig preset;
    i3::TrainConfig recipe;
    try {
        preset = i3::ModelConfig::preset(name.toStdString());
        recipe = i3::TrainConfig::from_json(
            i3::preset_file(name.toStdString()).value(i3::preset_keys::kTraining, nlohmann::json::object()),
            trainConfig());
    } catch (const i3::Error&) {
        return;
    }
    filling_ = true;
    fillModelFields(preset);
    trainBase_ = recipe;
    fillTrainFields(recipe);
    filling_ = false;
    refresh();
}

QString ModelPanel::presetName() const
{
    const i3::ModelConfig current = modelConfig();
    for (const std::string& name : i3::ModelConfig::preset_names()) {
        const i3::ModelConfig preset = i3::ModelConfig::preset(name);
        const bool sameShape = std::all_of(modelFields_.begin(), modelFields_.end(), [&](const auto& field) {
            return field.setting->number(preset) == field.setting->number(current);
        });
        if (sameShape)
            return QString::fromStdString(name);
    }
    return tr("Custom");
}

void ModelPanel::setVocabularySize(qint64 vocab)
{
    if (fineTuneBox_->base()) { // the model's tokenizer is the run's: the vocabulary stays its own
        dataVocabulary_ = vocab;
        updateVocabularyLabel();
        return;
    }
    vocabulary_ = vocab;
    vocabularyFromTokenizer_ = true;
    updateVocabularyLabel();
    refresh();
}

void ModelPanel::setVocabularyCounting(bool counting)
{
    vocabularyCounting_ = counting;
    updateVocabularyLabel();
    refresh();
}

QStringList ModelPanel::problems() const
{
    QStringList found;
    for (const std::string& problem : modelConfig().problems())
        found << QString::fromStdString(problem);
    for (const std::string& problem : trainConfig().problems())
        found << QString::fromStdString(problem);
    bool seedOk = false;
    seedEdit_->text().trimmed().toULongLong(&seedOk);
    if (!seedOk)
        found << tr("the seed must be a whole number from 0 to %1").arg(std::numeric_limits<qulonglong>::max());
    const QString device = deviceCombo_->currentData().toString();
    if (!availableDevices_.contains(device))
        found << tr("the device %1 is not available on this machine").arg(device);
    if (const auto base = fineTuneBox_->base()) {
        // As create_run compares them: every setting of the shape (the vocabulary is the tokenizer's).
        const i3::ModelConfig current = modelConfig();
        for (const auto& setting : i3::ModelConfig::settings())
            if (setting.flag && setting.text(current) != setting.text(base->config))
                found << tr("%1 is %2 here but %3 in %4, the model being fine-tuned, whose shape cannot change "
                            "(Start from scratch for another shape)")
                             .arg(QString::fromLatin1(setting.key), QString::fromStdString(setting.text(current)),
                                  QString::fromStdString(setting.text(base->config)), base->name);
    }
    return found;
}

void ModelPanel::onFieldEdited()
{
    if (!filling_)
        refresh();
}

void ModelPanel::refresh()
{
    const QStringList found = problems();
    const bool valid = found.isEmpty();
    const bool modelUsable = modelConfig().problems().empty();
    const bool waiting = waitsForVocabulary();

    if (waiting)
        parameterLabel_->setText(tr("Parameters: – (counted once the data's vocabulary is known)"));
    else
        parameterLabel_->setText(modelUsable ? tr("Parameters: %1 (%2 million)")
                                                   .arg(QLocale().toString(modelConfig().parameter_count()),
                                                        QLocale().toString(modelConfig().parameter_count() / 1e6, 'f', 1))
                                             : tr("Parameters: – (see the problems below)"));
    const int64_t batch = trainConfig().batch_size;
    const bool estimable = modelUsable && batch > 0 && !waiting;
    memoryLabel_->setText(estimable ? memoryText() : tr("Training memory: –"));
    const bool tooLarge = estimable && deviceMemoryBytes_ > 0 &&
                          i3::estimate_training_memory(modelConfig(), batch).total_bytes() >
                              static_cast<double>(deviceMemoryBytes_);
    memoryLabel_->setStyleSheet(tooLarge ? QStringLiteral("color: #b26a00;") : QString());

    QStringList bullets;
    for (const QString& problem : found)
        bullets << QStringLiteral("• ") + problem;
    problemsLabel_->setText(bullets.join(QLatin1Char('\n')));
    problemsLabel_->setVisible(!valid);
    updatePresetCombo();

    const QString joined = found.join(QLatin1Char('\n'));
    if (valid != lastValid_ || joined != lastProblems_) {
        lastValid_ = valid;
        lastProblems_ = joined;
        Q_EMIT validityChanged(valid, joined);
    }
    Q_EMIT configurationChanged();
}

void ModelPanel::updatePresetCombo()
{
    const QSignalBlocker blocker(presetCombo_); // showing the match is not choosing a preset
    const int index = presetCombo_->findText(presetName());
    presetCombo_->setCurrentIndex(index >= 0 ? index : presetCombo_->count() - 1);
}

bool ModelPanel::waitsForVocabulary() const
{
    return vocabularyCounting_ && !vocabularyFromTokenizer_ && !fineTuneBox_->base();
}

void ModelPanel::updateVocabularyLabel()
{
    const QString size = QLocale().toString(vocabulary_);
    if (const auto base = fineTuneBox_->base()) {
        QString text = tr("%1 chunks, the tokenizer of %2").arg(size, base->name);
        if (dataVocabulary_ >= 0 && dataVocabulary_ != vocabulary_)
            text += QLatin1Char('\n') +
                    tr("The Data panel's last analysis used another tokenizer (%1 chunks); the run encodes the data "
                       "with the model's, so analyse again to see its counts.")
                        .arg(QLocale().toString(dataVocabulary_));
        vocabularyLabel_->setText(text);
        return;
    }
    if (waitsForVocabulary())
        vocabularyLabel_->setText(tr("counting the data's chunks…"));
    else
        vocabularyLabel_->setText(vocabularyFromTokenizer_ ? tr("%1 chunks, from the tokenizer").arg(size)
                                                           : tr("%1 chunks (assumed until the data is analysed)").arg(size));
}

void ModelPanel::updateDeviceMemory()
{
    const QString device = deviceCombo_->currentData().toString();
    deviceMemoryBytes_ = -1;
    if (!availableDevices_.contains(device))
        return;
    const i3::TelemetrySample sample = telemetry_->sample(gpuIndexOf(device));
    if (device == QLatin1String("cpu"))
        deviceMemoryBytes_ = sample.host.ram_total_bytes;
    else if (sample.gpu)
        deviceMemoryBytes_ = sample.gpu->memory_total_bytes;
}

QString ModelPanel::sizeText(double bytes) const
{
    // Absurd shapes can exceed what a 64-bit count holds; they are far past any device anyway.
    const double capped = std::min(bytes, static_cast<double>(std::numeric_limits<qint64>::max() / 2));
    return QLocale().formattedDataSize(static_cast<qint64>(capped), 1);
}

QString ModelPanel::memoryText() const
{
    const int64_t batch = trainConfig().batch_size;
    const i3::TrainingMemoryEstimate estimate = i3::estimate_training_memory(modelConfig(), batch);
    QString deviceNote;
    if (deviceMemoryBytes_ > 0)
        deviceNote = estimate.total_bytes() > static_cast<double>(deviceMemoryBytes_)
                         ? tr("That is more than the %1 of %2: it will not fit.")
                               .arg(sizeText(static_cast<double>(deviceMemoryBytes_)), deviceCombo_->currentText())
                         : tr("%1 has %2.").arg(deviceCombo_->currentText(),
                                                sizeText(static_cast<double>(deviceMemoryBytes_)));
    return tr("Training memory ≈ %1: weights, gradients and AdamW state %2 + activations %3 "
              "(batch %4, context %5). %6")
        .arg(sizeText(estimate.total_bytes()), sizeText(estimate.state_bytes()), sizeText(estimate.activation_bytes),
             QLocale().toString(batch), QLocale().toString(modelConfig().max_seq_len), deviceNote)
        .trimmed();
}
