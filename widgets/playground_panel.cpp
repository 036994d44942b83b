// SPDX-License-Identifier: GPL-3.0-or-later
#include "playground_panel.h"

#include "sampling_sliders.h"
#include "telemetry/device_telemetry.h"
#include "token_view.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
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
#include <limits>

namespace {

QSlider* makeSlider(const QString& objectName, int minimum, int maximum)
{
    auto* slider = new QSlider(Qt::Horizontal);
    slider->setObjectName(objectName);
    slider->setRange(minimum, maximum);
    return slider;
}

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
    modelLayout->addWidget(modelLabel_);

    temperatureSlider_ = makeSlider("temperatureSlider", sampling_sliders::kTemperatureMinimum,
                                    sampling_sliders::kTemperatureMaximum);
    temperatureSlider_->setValue(sampling_sliders::position(0.8));
    topKSlider_ = makeSlider("topKSlider", 0, sampling_sliders::kTopKMaximum);
    topKSlider_->setValue(50);
    topKSlider_->setToolTip(tr("All the way left turns the top-k cut off."));
    topPSlider_ = makeSlider("topPSlider", sampling_sliders::kTopPMinimum, sampling_sliders::kTopPMaximum);
    topPSlider_->setValue(sampling_sliders::position(1.0));
    temperatureValue_ = new QLabel;
    topKValue_ = new QLabel;
    topPValue_ = new QLabel;
    for (QSlider* slider : {temperatureSlider_, topKSlider_, topPSlider_})
        connect(slider, &QSlider::valueChanged, this, &PlaygroundPanel::updateValueLabels);
    lengthSpin_ = new QSpinBox;
    lengthSpin_->setObjectName("lengthSpin");
    lengthSpin_->setRange(1, 100000);
    lengthSpin_->setValue(100);
    lengthSpin_->setSuffix(tr(" tokens"));
    lengthSpin_->setGroupSeparatorShown(true);
    seedSpin_ = new QSpinBox;
    seedSpin_->setObjectName("seedSpin");
    seedSpin_->setRange(0, std::numeric_limits<int>::max());
    seedSpin_->setValue(42);

    auto* samplingBox = new QGroupBox(tr("Sampling"));
    auto* form = new QFormLayout(samplingBox);
    const auto sliderRow = [](QSlider* slider, QLabel* value) {
        auto* row = new QHBoxLayout;
        row->addWidget(slider, 1);
        value->setMinimumWidth(36);
        row->addWidget(value);
        return row;
    };
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
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a run folder"));
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

void PlaygroundPanel::loadRunCheckpoint(const QString& runFolder)
{
    startLoading(ModelLoadJob::Source::RunCheckpoint, runFolder);
}

void PlaygroundPanel::startLoading(ModelLoadJob::Source source, const QString& path)
{
    if (loadJob_) {
        showError(tr("A model is still loading; try again when it is ready."));
        return;
    }
    clearError();
    loadJob_ = std::make_unique<JobThread<ModelLoadJob>>(source, path, deviceCombo_->currentData().toString());
    ModelLoadJob* job = &loadJob_->job();
    connect(job, &ModelLoadJob::loaded, this, [this](const ModelHandle& model) {
        model_ = model;
        modelLabel_->setText(model.description);
        Q_EMIT modelLoaded(model.description);
    });
    connect(job, &EngineJob::failed, this, &PlaygroundPanel::showError);
    connect(job, &EngineJob::finished, this, &PlaygroundPanel::onLoadFinished);
    speedLabel_->setText(tr("Loading %1…").arg(QDir::toNativeSeparators(path)));
    Q_EMIT jobStarted(job); // before start(), so listeners hear the job's first signals
    loadJob_->start();
    updateButtons();
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

    GenerationSettings settings;
    settings.prompt = promptEdit_->toPlainText();
    settings.temperature = sampling_sliders::value(temperatureSlider_->value());
    settings.topK = topKSlider_->value();
    settings.topP = sampling_sliders::value(topPSlider_->value());
    settings.maxNewTokens = lengthSpin_->value();
    settings.seed = static_cast<quint64>(seedSpin_->value());

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
