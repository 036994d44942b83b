// SPDX-License-Identifier: GPL-3.0-or-later
#include "playground_panel.h"

#include "sampling_sliders.h"

#include "telemetry/device_telemetry.h"
#include "token_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QInputDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <limits>

namespace {

// Temperature and top-p sliders move in steps of 1/20; dividing (not multiplying by 0.05) gives
// the same double as the decimal the user reads, e.g. exactly 0.8.


QSlider* makeSlider(const QString& objectName, int minimum, int maximum)
{
    auto* slider = new QSlider(Qt::Horizontal);
    slider->setObjectName(objectName);
    slider->setRange(minimum, maximum);
    return slider;
}

// A run trains on while its checkpoint is loaded: the list is read again each time it opens.
class CheckpointCombo : public QComboBox {
public:
    explicit CheckpointCombo(std::function<void()> beforeShowing) : beforeShowing_(std::move(beforeShowing)) {}
    void showPopup() override
    {
        beforeShowing_();
        QComboBox::showPopup();
    }

private:
    std::function<void()> beforeShowing_;
};

QString folderName(const std::filesystem::path& folder) { return QString::fromStdString(folder.filename().string()); }

} // namespace

PlaygroundPanel::PlaygroundPanel(QWidget* parent) : QWidget(parent)
{
    auto* scroll = new QScrollArea;
    scroll->setWidget(buildControls());
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(330);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(scroll);
    splitter->addWidget(buildOutput());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    runDialogFolder_ = settings_.workspace();
    applySampling(settings_.playgroundSampling());
    // Connected once the saved values are in place, so that applying them overwrites nothing.
    for (QSlider* slider : {temperatureSlider_, topKSlider_, topPSlider_})
        connect(slider, &QSlider::valueChanged, this, &PlaygroundPanel::rememberSampling);
    for (QSpinBox* spin : {lengthSpin_, seedSpin_})
        connect(spin, &QSpinBox::valueChanged, this, &PlaygroundPanel::rememberSampling);
    connect(greedyBox_, &QCheckBox::toggled, this, &PlaygroundPanel::rememberSampling);
    updateValueLabels();
    updateButtons();
}

PlaygroundPanel::~PlaygroundPanel() = default;

QWidget* PlaygroundPanel::buildControls()
{
    deviceCombo_ = new QComboBox;
    deviceCombo_->setObjectName("playgroundDevice");
    for (const auto& device : i3::available_devices())
        deviceCombo_->addItem(QString::fromStdString(i3::device_display_name(device)), QString::fromStdString(device));
    deviceCombo_->setCurrentIndex(deviceCombo_->count() - 1);

    loadFolderButton_ = new QPushButton(tr("Load folder…"));
    loadFolderButton_->setObjectName("loadFolderButton");
    loadFolderButton_->setToolTip(tr("An exported model folder: config.json, weights and tokenizer.json"));
    connect(loadFolderButton_, &QPushButton::clicked, this, &PlaygroundPanel::chooseModelFolder);
    loadRunButton_ = new QPushButton(tr("Load run…"));
    loadRunButton_->setObjectName("loadRunButton");
    loadRunButton_->setToolTip(tr("A run folder: its latest checkpoint, also while it trains"));
    connect(loadRunButton_, &QPushButton::clicked, this, &PlaygroundPanel::chooseRunFolder);
    hubButton_ = new QPushButton(tr("From the Hugging Face Hub…"));
    hubButton_->setObjectName("hubButton");
    hubButton_->setToolTip(tr("A model repo such as FlameF0X/i3-80m, downloaded into the Hugging Face cache "
                              "(shared with Python's huggingface_hub) unless it is there already"));
    connect(hubButton_, &QPushButton::clicked, this, &PlaygroundPanel::chooseHubModel);

    modelLabel_ = new QLabel(tr("No model loaded."));
    modelLabel_->setObjectName("modelLabel");
    modelLabel_->setWordWrap(true);
    modelLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    checkpointCombo_ = new CheckpointCombo([this] { listCheckpoints(); });
    checkpointCombo_->setObjectName("checkpointCombo");
    checkpointCombo_->setToolTip(tr("The run's checkpoints; pick one to load it instead"));
    connect(checkpointCombo_, &QComboBox::activated, this, &PlaygroundPanel::onCheckpointPicked);
    checkpointLabel_ = new QLabel;
    checkpointLabel_->setObjectName("checkpointLabel");
    checkpointLabel_->setWordWrap(true);
    checkpointRow_ = new QWidget;
    auto* checkpointLayout = new QGridLayout(checkpointRow_);
    checkpointLayout->setContentsMargins(0, 0, 0, 0);
    checkpointLayout->addWidget(new QLabel(tr("Checkpoint:")), 0, 0);
    checkpointLayout->addWidget(checkpointCombo_, 0, 1);
    checkpointLayout->addWidget(checkpointLabel_, 1, 0, 1, 2);
    checkpointLayout->setColumnStretch(1, 1);
    checkpointRow_->hide();

    auto* modelBox = new QGroupBox(tr("Model"));
    auto* modelLayout = new QVBoxLayout(modelBox);
    auto* deviceRow = new QHBoxLayout;
    deviceRow->addWidget(new QLabel(tr("Device:")));
    deviceRow->addWidget(deviceCombo_, 1);
    modelLayout->addLayout(deviceRow);
    auto* loadRow = new QHBoxLayout;
    loadRow->addWidget(loadFolderButton_);
    loadRow->addWidget(loadRunButton_);
    modelLayout->addLayout(loadRow);
    modelLayout->addWidget(hubButton_);
    modelLayout->addWidget(checkpointRow_);
    modelLayout->addWidget(modelLabel_);

    greedyBox_ = new QCheckBox(tr("Greedy: always the most likely token"));
    greedyBox_->setObjectName("greedyBox");
    greedyBox_->setToolTip(tr("As i3lm generate --top-k 1: the same text for every seed; temperature, "
                              "top-k and top-p do not apply"));
    temperatureSlider_ = makeSlider("temperatureSlider", sampling_sliders::kTemperatureMinimum,
                                    sampling_sliders::kTemperatureMaximum);
    topKSlider_ = makeSlider("topKSlider", 0, sampling_sliders::kTopKMaximum);
    topKSlider_->setToolTip(tr("All the way left turns the top-k cut off."));
    topPSlider_ = makeSlider("topPSlider", sampling_sliders::kTopPMinimum, sampling_sliders::kTopPMaximum);
    connect(greedyBox_, &QCheckBox::toggled, this, [this](bool greedy) {
        for (QSlider* slider : {temperatureSlider_, topKSlider_, topPSlider_})
            slider->setEnabled(!greedy);
    });
    temperatureValue_ = new QLabel;
    topKValue_ = new QLabel;
    topPValue_ = new QLabel;
    for (QSlider* slider : {temperatureSlider_, topKSlider_, topPSlider_})
        connect(slider, &QSlider::valueChanged, this, &PlaygroundPanel::updateValueLabels);
    lengthSpin_ = new QSpinBox;
    lengthSpin_->setObjectName("lengthSpin");
    lengthSpin_->setRange(1, 100000);
    lengthSpin_->setSuffix(tr(" tokens"));
    lengthSpin_->setGroupSeparatorShown(true);
    seedSpin_ = new QSpinBox;
    seedSpin_->setObjectName("seedSpin");
    seedSpin_->setRange(0, std::numeric_limits<int>::max());

    auto* samplingBox = new QGroupBox(tr("Sampling"));
    auto* form = new QFormLayout(samplingBox);
    const auto sliderRow = [](QSlider* slider, QLabel* value) {
        auto* row = new QHBoxLayout;
        row->addWidget(slider, 1);
        value->setMinimumWidth(36);
        row->addWidget(value);
        return row;
    };
    form->addRow(greedyBox_);
    form->addRow(tr("Temperature:"), sliderRow(temperatureSlider_, temperatureValue_));
    form->addRow(tr("Top-k:"), sliderRow(topKSlider_, topKValue_));
    form->addRow(tr("Top-p:"), sliderRow(topPSlider_, topPValue_));
    form->addRow(tr("Length:"), lengthSpin_);
    form->addRow(tr("Seed:"), seedSpin_);

    generateButton_ = new QPushButton(tr("Generate"));
    generateButton_->setObjectName("generateButton");
    generateButton_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    generateButton_->setToolTip(tr("Ctrl+Return"));
    connect(generateButton_, &QPushButton::clicked, this, &PlaygroundPanel::generate);
    stopButton_ = new QPushButton(tr("Stop"));
    stopButton_->setObjectName("stopButton");
    connect(stopButton_, &QPushButton::clicked, this, &PlaygroundPanel::stopGeneration);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(generateButton_);
    buttons->addWidget(stopButton_);

    auto* controls = new QWidget;
    auto* layout = new QVBoxLayout(controls);
    layout->addWidget(modelBox);
    layout->addWidget(samplingBox);
    layout->addLayout(buttons);
    layout->addStretch(1);
    return controls;
}

QWidget* PlaygroundPanel::buildOutput()
{
    promptEdit_ = new QPlainTextEdit;
    promptEdit_->setObjectName("promptEdit");
    promptEdit_->setPlaceholderText(tr("Type a prompt, e.g. “once upon a time”, then press Generate (Ctrl+Return)."));

    outputEdit_ = new QPlainTextEdit;
    outputEdit_->setObjectName("outputEdit");
    outputEdit_->setReadOnly(true);
    tokenView_ = new TokenView;
    tokenView_->setObjectName("tokenView");
    auto* tabs = new QTabWidget;
    tabs->addTab(outputEdit_, tr("Text"));
    tabs->addTab(tokenView_, tr("Tokens"));

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(promptEdit_);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);

    speedLabel_ = new QLabel;
    speedLabel_->setObjectName("speedLabel");
    errorLabel_ = new QLabel;
    errorLabel_->setObjectName("playgroundError");
    errorLabel_->setWordWrap(true);
    errorLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorLabel_->setStyleSheet("color: #c62828;");
    errorLabel_->hide();

    auto* output = new QWidget;
    auto* layout = new QVBoxLayout(output);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addWidget(speedLabel_);
    layout->addWidget(errorLabel_);
    return output;
}

void PlaygroundPanel::setPrompt(const QString& prompt) { promptEdit_->setPlainText(prompt); }
void PlaygroundPanel::setTemperature(double temperature)
{
    temperatureSlider_->setValue(sampling_sliders::position(temperature));
}
void PlaygroundPanel::setTopK(int k) { topKSlider_->setValue(k); }
void PlaygroundPanel::setTopP(double p) { topPSlider_->setValue(sampling_sliders::position(p)); }
void PlaygroundPanel::setLength(int newTokens) { lengthSpin_->setValue(newTokens); }

void PlaygroundPanel::setSeed(qint64 seed)
{
    seedSpin_->setValue(static_cast<int>(std::clamp<qint64>(seed, 0, seedSpin_->maximum())));
}

void PlaygroundPanel::setGreedy(bool greedy) { greedyBox_->setChecked(greedy); }

void PlaygroundPanel::setRunDialogFolder(const QString& folder) { runDialogFolder_ = folder; }

GenerationSettings PlaygroundPanel::generationSettings() const
{
    GenerationSettings settings;
    settings.prompt = promptEdit_->toPlainText();
    settings.greedy = greedyBox_->isChecked();
    settings.temperature = sampling_sliders::value(temperatureSlider_->value());
    settings.topK = topKSlider_->value();
    settings.topP = sampling_sliders::value(topPSlider_->value());
    settings.maxNewTokens = lengthSpin_->value();
    settings.seed = static_cast<quint64>(seedSpin_->value());
    return settings;
}

void PlaygroundPanel::applySampling(const GenerationSettings& sampling)
{
    setGreedy(sampling.greedy);
    setTemperature(sampling.temperature);
    setTopK(sampling.topK);
    setTopP(sampling.topP);
    setLength(sampling.maxNewTokens);
    setSeed(static_cast<qint64>(std::min<quint64>(sampling.seed, std::numeric_limits<int>::max())));
}

void PlaygroundPanel::rememberSampling() { settings_.setPlaygroundSampling(generationSettings()); }

void PlaygroundPanel::setDevice(const QString& device)
{
    const int index = deviceCombo_->findData(device);
    if (index >= 0)
        deviceCombo_->setCurrentIndex(index);
}

QString PlaygroundPanel::outputText() const { return outputEdit_->toPlainText(); }

void PlaygroundPanel::updateValueLabels()
{
    temperatureValue_->setText(QString::number(sampling_sliders::value(temperatureSlider_->value()), 'f', 2));
    topKValue_->setText(topKSlider_->value() == 0 ? tr("off") : QString::number(topKSlider_->value()));
    topPValue_->setText(QString::number(sampling_sliders::value(topPSlider_->value()), 'f', 2));
}

void PlaygroundPanel::updateButtons()
{
    generateButton_->setEnabled(hasModel() && !isGenerating());
    stopButton_->setEnabled(isGenerating());
    loadFolderButton_->setEnabled(!isLoading());
    loadRunButton_->setEnabled(!isLoading());
    checkpointCombo_->setEnabled(!isLoading());
    hubButton_->setEnabled(!isLoading());
    deviceCombo_->setEnabled(!isLoading());
}

void PlaygroundPanel::showError(const QString& message)
{
    error_ = message;
    errorLabel_->setText(message);
    errorLabel_->show();
}

void PlaygroundPanel::clearError()
{
    error_.clear();
    errorLabel_->clear();
    errorLabel_->hide();
}

// --- loading -----------------------------------------------------------------------------------

void PlaygroundPanel::chooseModelFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose an exported model folder"));
    if (!folder.isEmpty())
        loadModelFolder(folder);
}

void PlaygroundPanel::chooseRunFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a run folder"), runDialogFolder_);
    if (!folder.isEmpty())
        loadRunCheckpoint(folder);
}

void PlaygroundPanel::chooseHubModel()
{
    bool accepted = false;
    const QString repo = QInputDialog::getText(this, tr("Model from the Hugging Face Hub"),
                                               tr("Model repo (owner/name):"), QLineEdit::Normal,
                                               QStringLiteral("FlameF0X/i3-80m"), &accepted)
                             .trimmed();
    if (accepted && !repo.isEmpty())
        loadHubModel(repo);
}

void PlaygroundPanel::loadModelFolder(const QString& folder) { startLoading(ModelLoadJob::Source::ModelFolder, folder); }

void PlaygroundPanel::loadHubModel(const QString& repo) { startLoading(ModelLoadJob::Source::HubRepo, repo); }

void PlaygroundPanel::loadRunCheckpoint(const QString& runFolder, const QString& checkpoint)
{
    startLoading(ModelLoadJob::Source::RunCheckpoint, runFolder, checkpoint);
}

void PlaygroundPanel::startLoading(ModelLoadJob::Source source, const QString& path, const QString& checkpoint)
{
    if (loadJob_) {
        showError(tr("A model is still loading; try again when it is ready."));
        return;
    }
    clearError();
    loadJob_ = std::make_unique<JobThread<ModelLoadJob>>(source, path, deviceCombo_->currentData().toString(),
                                                         checkpoint);
    ModelLoadJob* job = &loadJob_->job();
    connect(job, &ModelLoadJob::loaded, this, [this](const ModelHandle& model) {
        model_ = model;
        modelLabel_->setText(model.description);
        listCheckpoints();
        Q_EMIT modelLoaded(model.description);
    });
    connect(job, &EngineJob::failed, this, &PlaygroundPanel::showError);
    connect(job, &EngineJob::finished, this, &PlaygroundPanel::onLoadFinished);
    speedLabel_->setText(tr("Loading %1…").arg(QDir::toNativeSeparators(path)));
    Q_EMIT jobStarted(job); // before start(), so listeners hear the job's first signals
    loadJob_->start();
    updateButtons();
}

// The loaded run's checkpoints in the combo, the loaded one chosen; hidden for other models.
void PlaygroundPanel::listCheckpoints()
{
    const bool fromRun = !model_.runFolder.isEmpty();
    checkpointRow_->setVisible(fromRun);
    checkpoints_ = fromRun ? i3::saved_checkpoints(i3::RunFolder(model_.runFolder.toStdString()))
                           : std::vector<i3::SavedCheckpoint>{};
    const QString loaded = QFileInfo(model_.checkpoint).fileName();
    const QSignalBlocker blocker(checkpointCombo_);
    checkpointCombo_->clear();
    for (const i3::SavedCheckpoint& checkpoint : checkpoints_) {
        const QString text = checkpoint.best     ? tr("Best: step %L1").arg(checkpoint.step)
                             : checkpoint.latest ? tr("Latest: step %L1").arg(checkpoint.step)
                                                 : tr("Step %L1").arg(checkpoint.step);
        checkpointCombo_->addItem(text, QString::fromStdString(checkpoint.folder.string()));
        if (folderName(checkpoint.folder) == loaded)
            checkpointCombo_->setCurrentIndex(checkpointCombo_->count() - 1);
    }
    showCheckpoint();
}

// Which checkpoint is loaded, in words: its step, and whether it is the latest or the best.
void PlaygroundPanel::showCheckpoint()
{
    const QString loaded = QFileInfo(model_.checkpoint).fileName();
    bool latest = false, best = false;
    for (const i3::SavedCheckpoint& checkpoint : checkpoints_) {
        if (folderName(checkpoint.folder) == loaded)
            latest = latest || checkpoint.latest;
        // The best folder holds a copy of the weights of its step.
        if (checkpoint.best && (folderName(checkpoint.folder) == loaded || checkpoint.step == model_.checkpointStep))
            best = true;
    }
    const qint64 step = model_.checkpointStep;
    checkpointLabel_->setText(latest && best ? tr("Loaded: step %L1, the latest checkpoint and the best evaluation so far").arg(step)
                              : latest       ? tr("Loaded: step %L1, the latest checkpoint").arg(step)
                              : best         ? tr("Loaded: step %L1, the checkpoint of the best evaluation").arg(step)
                                             : tr("Loaded: step %L1, an earlier checkpoint").arg(step));
}

void PlaygroundPanel::onCheckpointPicked(int index)
{
    const QString folder = checkpointCombo_->itemData(index).toString();
    if (!folder.isEmpty() && !model_.runFolder.isEmpty())
        loadRunCheckpoint(model_.runFolder, folder);
}

void PlaygroundPanel::onLoadFinished()
{
    loadJob_.release()->deleteLater();
    speedLabel_->clear();
    updateButtons();
}

// --- generating --------------------------------------------------------------------------------

void PlaygroundPanel::generate()
{
    if (isGenerating())
        return;
    clearError();
    if (!hasModel()) {
        showError(tr("Load a model first: an exported model folder or a run."));
        return;
    }

    const GenerationSettings settings = generationSettings();

    generated_.clear();
    tokens_ = 0;
    tokensPerSecond_ = 0;
    tokenView_->clear();
    outputEdit_->clear();
    QTextCursor cursor(outputEdit_->document());
    cursor.insertText(settings.prompt, QTextCharFormat());
    speedLabel_->setText(tr("Generating…"));

    generationJob_ = std::make_unique<JobThread<GenerationJob>>(model_, settings);
    GenerationJob* job = &generationJob_->job();
    connect(job, &GenerationJob::tokenGenerated, this, &PlaygroundPanel::onToken);
    connect(job, &GenerationJob::generationDone, this,
            [this](const QString& newText, qint64 tokens, double tokensPerSecond) {
                generated_ = newText;
                tokens_ = tokens;
                tokensPerSecond_ = tokensPerSecond;
            });
    connect(job, &EngineJob::failed, this, &PlaygroundPanel::showError);
    connect(job, &EngineJob::finished, this, &PlaygroundPanel::onGenerationFinished);
    Q_EMIT jobStarted(job); // before start(), so listeners hear the job's first signals
    generationJob_->start();
    updateButtons();
}

void PlaygroundPanel::stopGeneration()
{
    if (generationJob_)
        generationJob_->job().cancel();
}

void PlaygroundPanel::onToken(const i3::GeneratedToken& token, double tokensPerSecond)
{
    const QString text = QString::fromStdString(token.text);
    generated_ += text;
    tokens_ += 1;
    tokensPerSecond_ = tokensPerSecond;

    QTextCharFormat highlight;
    highlight.setBackground(QColor(0xe3, 0xf2, 0xfd));
    highlight.setForeground(QColor(0x0d, 0x47, 0xa1));
    QTextCursor cursor(outputEdit_->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text, highlight);
    outputEdit_->verticalScrollBar()->setValue(outputEdit_->verticalScrollBar()->maximum());

    tokenView_->appendToken(token.id, text, token.probability);
    speedLabel_->setText(speedText());
}

QString PlaygroundPanel::speedText() const
{
    return tr("%n token(s) · %1 tokens/s", nullptr, int(tokens_)).arg(tokensPerSecond_, 0, 'f', 1);
}

void PlaygroundPanel::onGenerationFinished(bool cancelled)
{
    generationJob_.release()->deleteLater();
    updateButtons();
    if (!error_.isEmpty())
        speedLabel_->clear();
    else if (cancelled)
        speedLabel_->setText(tr("Stopped: %1").arg(speedText()));
    else
        speedLabel_->setText(tr("Done: %1").arg(speedText()));
    Q_EMIT generationFinished(generated_, cancelled);
}
