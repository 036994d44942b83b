// SPDX-License-Identifier: GPL-3.0-or-later
#include "fine_tune_box.h"

#include "model/model_artifacts.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

constexpr int kProgressSteps = 1000;
// Only the configuration and tokenizer are kept; the weights are read again by the run.
constexpr const char* kCheckingDevice = "cpu";

QLabel* wrappedLabel(const QString& objectName)
{
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

FineTuneBox::FineTuneBox(QWidget* parent) : QGroupBox(tr("Start from a trained model (fine-tuning)"), parent)
{
    setObjectName("fineTuneBox");
    sourceEdit_ = new QLineEdit;
    sourceEdit_->setObjectName("fineTuneSourceEdit");
    sourceEdit_->setPlaceholderText(tr("a Hub model repo such as FlameF0X/i3-80m, or a model folder"));
    sourceEdit_->setToolTip(tr("A Hub repo is downloaded into the Hugging Face cache (shared with Python's "
                               "huggingface_hub) unless it is there already."));
    folderButton_ = new QPushButton(tr("Folder…"));
    folderButton_->setObjectName("fineTuneFolderButton");
    folderButton_->setToolTip(tr("A model folder: config.json, weights and tokenizer.json, as exported or downloaded"));
    loadButton_ = new QPushButton(tr("Load"));
    loadButton_->setObjectName("fineTuneLoadButton");
    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(sourceEdit_, 1);
    sourceRow->addWidget(folderButton_);
    sourceRow->addWidget(loadButton_);

    progressBar_ = new QProgressBar;
    progressBar_->setObjectName("fineTuneProgress");
    progressBar_->setRange(0, kProgressSteps);
    progressBar_->setVisible(false);
    cancelButton_ = new QPushButton(tr("Cancel"));
    cancelButton_->setObjectName("fineTuneCancelButton");
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(progressBar_, 1);
    progressRow->addWidget(cancelButton_);
    // The bar holds a percentage; a download's file, size and rate need a line of their own.
    progressLabel_ = wrappedLabel("fineTuneProgressLabel");
    progressLabel_->setVisible(false);

    baseLabel_ = wrappedLabel("fineTuneBaseLabel");
    remarkLabel_ = wrappedLabel("fineTuneRemarkLabel");
    scratchButton_ = new QPushButton(tr("Start from scratch"));
    scratchButton_->setObjectName("startFromScratchButton");
    scratchButton_->setToolTip(tr("Train fresh weights again, with the settings from before the model was chosen"));
    auto* scratchRow = new QHBoxLayout;
    scratchRow->addWidget(scratchButton_);
    scratchRow->addStretch();
    errorLabel_ = wrappedLabel("fineTuneErrorLabel");
    errorLabel_->setStyleSheet("color: #c62828;");
    errorLabel_->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(sourceRow);
    layout->addLayout(progressRow);
    layout->addWidget(progressLabel_);
    layout->addWidget(baseLabel_);
    layout->addWidget(remarkLabel_);
    layout->addLayout(scratchRow);
    layout->addWidget(errorLabel_);

    connect(sourceEdit_, &QLineEdit::textChanged, this, &FineTuneBox::updateEnabledControls);
    connect(sourceEdit_, &QLineEdit::returnPressed, this, &FineTuneBox::loadTyped);
    connect(folderButton_, &QPushButton::clicked, this, &FineTuneBox::chooseFolder);
    connect(loadButton_, &QPushButton::clicked, this, &FineTuneBox::loadTyped);
    connect(cancelButton_, &QPushButton::clicked, this, &FineTuneBox::cancel);
    connect(scratchButton_, &QPushButton::clicked, this, &FineTuneBox::startFromScratch);
    showBase();
    updateEnabledControls();
}

FineTuneBox::~FineTuneBox() = default;

QString FineTuneBox::errorText() const { return errorLabel_->isVisibleTo(this) ? errorLabel_->text() : QString(); }

void FineTuneBox::setRemark(const QString& text)
{
    remarkLabel_->setText(text);
    remarkLabel_->setVisible(!text.isEmpty());
}

void FineTuneBox::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("A model folder to fine-tune"));
    if (!folder.isEmpty())
        loadModelFolder(folder);
}

void FineTuneBox::loadModelFolder(const QString& folder)
{
    sourceEdit_->setText(QDir::toNativeSeparators(folder));
    startLoading(ModelLoadJob::Source::ModelFolder, folder);
}

void FineTuneBox::loadHubModel(const QString& repo)
{
    sourceEdit_->setText(repo);
    startLoading(ModelLoadJob::Source::HubRepo, repo);
}

void FineTuneBox::loadTyped()
{
    const QString typed = sourceEdit_->text().trimmed();
    if (typed.isEmpty())
        return showError(tr("Type a Hub model repo (owner/name) or choose a model folder."));
    if (QFileInfo(typed).isDir())
        loadModelFolder(QDir::fromNativeSeparators(typed));
    else
        loadHubModel(typed);
}

void FineTuneBox::startFromScratch()
{
    if (!base_)
        return;
    base_.reset();
    showBase();
    updateEnabledControls();
    Q_EMIT baseChanged();
}

void FineTuneBox::cancel()
{
    if (job_)
        job_->job().cancel();
}

void FineTuneBox::startLoading(ModelLoadJob::Source source, const QString& path)
{
    if (job_)
        return;
    showError(QString());
    job_ = std::make_unique<JobThread<ModelLoadJob>>(source, path, QString::fromLatin1(kCheckingDevice));
    ModelLoadJob* job = &job_->job();
    connect(job, &EngineJob::progress, this, [this](double fraction, const QString& message) {
        progressBar_->setRange(0, fraction < 0 ? 0 : kProgressSteps);
        progressBar_->setValue(static_cast<int>(qBound(0.0, fraction, 1.0) * kProgressSteps));
        progressLabel_->setText(message);
    });
    connect(job, &ModelLoadJob::loaded, this,
            [this, source, path](const ModelHandle& handle) { onLoaded(handle, source, path); });
    connect(job, &EngineJob::failed, this, &FineTuneBox::showError);
    connect(job, &EngineJob::finished, this, &FineTuneBox::onJobFinished);
    progressBar_->setRange(0, 0);
    progressLabel_->clear();
    progressBar_->setVisible(true);
    progressLabel_->setVisible(true);
    updateEnabledControls();
    Q_EMIT jobStarted(job);
    job_->start();
}

// The model loaded, so its files agree with one another; only what a run needs of it is kept.
void FineTuneBox::onLoaded(const ModelHandle& handle, ModelLoadJob::Source source, const QString& path)
{
    FineTuneBase base;
    base.folder = handle.folder;
    base.name = source == ModelLoadJob::Source::HubRepo ? path : QFileInfo(path).fileName();
    base.config = handle.model->config;
    base.tokenizerFile = QString::fromStdString(handle.model->tokenizer_file.string());
    for (const auto& note : handle.model->notes)
        base.notes << QString::fromStdString(note);
    base_ = base;
    showBase();
    Q_EMIT baseChanged();
}

void FineTuneBox::onJobFinished()
{
    if (job_)
        job_.release()->deleteLater();
    progressBar_->setVisible(false);
    progressLabel_->setVisible(false);
    updateEnabledControls();
}

void FineTuneBox::showBase()
{
    if (!base_) {
        baseLabel_->setText(tr("New runs start from fresh weights. Choose a trained model to fine-tune it on "
                               "the Data panel's texts instead."));
        setRemark(QString());
        return;
    }
    const i3::ModelConfig& config = base_->config;
    QStringList lines;
    lines << tr("Fine-tuning %1: %2 hybrid + %3 attention layers, d_model %4, %5 heads, d_state %6, context %L7, "
                "vocabulary %L8 chunks.")
                 .arg(base_->name)
                 .arg(config.hybrid_layers)
                 .arg(config.attn_layers)
                 .arg(config.d_model)
                 .arg(config.n_heads)
                 .arg(config.d_state)
                 .arg(config.max_seq_len)
                 .arg(config.vocab_size);
    lines << tr("Its weights start the run, its tokenizer encodes the data, and its shape stays as it is.");
    lines << tr("Folder: %1").arg(QDir::toNativeSeparators(base_->folder));
    for (const QString& note : base_->notes)
        lines << tr("Note: %1").arg(note);
    baseLabel_->setText(lines.join(QLatin1Char('\n')));
}

void FineTuneBox::showError(const QString& message)
{
    errorLabel_->setText(message);
    errorLabel_->setVisible(!message.isEmpty());
}

void FineTuneBox::updateEnabledControls()
{
    const bool running = job_ != nullptr;
    // Read-only rather than greyed, so that the keyboard focus stays here instead of moving on to
    // a field below (Steps), where the next keys would land.
    if (running && (loadButton_->hasFocus() || folderButton_->hasFocus()))
        sourceEdit_->setFocus();
    sourceEdit_->setReadOnly(running);
    folderButton_->setEnabled(!running);
    loadButton_->setEnabled(!running && !sourceEdit_->text().trimmed().isEmpty());
    cancelButton_->setVisible(running);
    scratchButton_->setVisible(base_.has_value());
    scratchButton_->setEnabled(!running);
}
