// SPDX-License-Identifier: GPL-3.0-or-later
#include "data_panel.h"

#include "hub_dataset_box.h"

#include "data/builtin_corpus.h"

#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace {

// The panel shows the validation split in percent; a training run refuses half or more.
constexpr double kMaxValidationPercent = 49.9;
constexpr int kProgressSteps = 1000;

QLabel* wrappedLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

QLabel* valueLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(QStringLiteral("–"), parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QString number(qint64 value) { return QLocale().toString(value); }

// A chunk as the user can see it: spaces and line breaks made visible, in quotes.
QString shownChunk(QString chunk)
{
    chunk.replace(QLatin1Char(' '), QChar(0x2423)).replace(QLatin1Char('\n'), QChar(0x23CE));
    return QStringLiteral("\u201C%1\u201D").arg(chunk);
}

QString topChunksText(const DataSummary& summary)
{
    QStringList shown;
    for (const auto& [chunk, count] : summary.topChunks)
        shown << QStringLiteral("%1 %2").arg(shownChunk(chunk), number(count));
    return shown.join(QStringLiteral(" \u00B7 "));
}

// Non-empty length buckets: "1: 3 · 2–3: 5 · 4–7: 12 · ..." (characters: texts).
QString textLengthsText(const DataSummary& summary)
{
    QStringList shown;
    for (int bucket = 0; bucket < summary.textLengths.size(); ++bucket) {
        if (summary.textLengths[bucket] == 0)
            continue;
        const qint64 low = qint64(1) << bucket;
        const qint64 high = 2 * low - 1;
        const QString range = bucket + 1 == summary.textLengths.size()
                                  ? DataPanel::tr("%1 or more").arg(number(low))
                                  : low == high ? number(low) : QStringLiteral("%1\u2013%2").arg(number(low), number(high));
        shown << QStringLiteral("%1: %2").arg(range, number(summary.textLengths[bucket]));
    }
    return shown.join(QStringLiteral(" \u00B7 "));
}

// Two choices need the same analysis when they differ at most in the validation split, which the
// panel recomputes from the token count without reading anything again.
bool sameData(DataChoice a, const DataChoice& b)
{
    a.validationFraction = b.validationFraction;
    return a == b;
}

} // namespace

DataPanel::DataPanel(QWidget* parent) : QWidget(parent)
{
    auto* settings = new QWidget;
    auto* settingsLayout = new QVBoxLayout(settings);
    settingsLayout->addWidget(createSourcesBox());
    hubBox_ = new HubDatasetBox;
    settingsLayout->addWidget(hubBox_);
    settingsLayout->addWidget(createTokenizerBox());

    auto* splitForm = new QFormLayout;
    validationSpin_ = new QDoubleSpinBox;
    validationSpin_->setObjectName("validationSpin");
    validationSpin_->setRange(0, kMaxValidationPercent);
    validationSpin_->setDecimals(1);
    validationSpin_->setSingleStep(1);
    validationSpin_->setSuffix(tr(" %"));
    validationSpin_->setValue(DataChoice().validationFraction * 100);
    validationSpin_->setToolTip(tr("The last part of the tokens is held out to measure validation loss."));
    splitForm->addRow(tr("Validation split:"), validationSpin_);
    settingsLayout->addLayout(splitForm);

    analyseButton_ = new QPushButton(tr("Analyse"));
    analyseButton_->setObjectName("analyseButton");
    analyseButton_->setToolTip(tr("Read the texts, build or load the tokenizer and count the tokens."));
    cancelButton_ = new QPushButton(tr("Cancel"));
    cancelButton_->setObjectName("cancelAnalysisButton");
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(analyseButton_);
    buttons->addWidget(cancelButton_);
    buttons->addStretch();
    settingsLayout->addLayout(buttons);

    progressBar_ = new QProgressBar;
    progressBar_->setObjectName("analysisProgress");
    progressBar_->setRange(0, kProgressSteps);
    progressBar_->setVisible(false);
    settingsLayout->addWidget(progressBar_);
    // The bar holds a percentage; a download's file, size and rate need a line of their own.
    progressLabel_ = wrappedLabel(QString(), this);
    progressLabel_->setObjectName("analysisProgressLabel");
    progressLabel_->setVisible(false);
    settingsLayout->addWidget(progressLabel_);

    errorLabel_ = wrappedLabel(QString(), this);
    errorLabel_->setObjectName("errorLabel");
    errorLabel_->setStyleSheet("color: #c62828;");
    errorLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorLabel_->setVisible(false);
    settingsLayout->addWidget(errorLabel_);
    settingsLayout->addStretch();

    auto* settingsScroll = new QScrollArea;
    settingsScroll->setWidget(settings);
    settingsScroll->setWidgetResizable(true);
    settingsScroll->setFrameShape(QFrame::NoFrame);
    settingsScroll->setMinimumWidth(420);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(settingsScroll);
    splitter->addWidget(createResultsBox());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(splitter);

    connect(hubBox_, &HubDatasetBox::choiceEdited, this, &DataPanel::onChoiceEdited);
    connect(hubBox_, &HubDatasetBox::jobStarted, this, &DataPanel::jobStarted);
    connect(analyseButton_, &QPushButton::clicked, this, &DataPanel::analyse);
    connect(cancelButton_, &QPushButton::clicked, this, [this] {
        if (job_)
            job_->job().cancel();
    });
    connect(validationSpin_, &QDoubleSpinBox::valueChanged, this, [this] {
        if (summary_) { // the split is arithmetic on the token count: no new analysis needed
            summary_->setValidationFraction(choice().validationFraction);
            showCounts(*summary_);
        }
        if (!settingChoice_)
            Q_EMIT choiceChanged();
    });
    clearResults();
    updateEnabledControls();
}

DataPanel::~DataPanel() = default;

QWidget* DataPanel::createSourcesBox()
{
    auto* box = new QGroupBox(tr("Sources"));
    auto* layout = new QVBoxLayout(box);

    builtinCheck_ = new QCheckBox(tr("Built-in corpus"));
    builtinCheck_->setObjectName("builtinCheck");
    builtinCheck_->setChecked(DataChoice().builtinCorpus);
    layout->addWidget(builtinCheck_);
    auto* description = wrappedLabel(QString::fromStdString(i3::builtin_corpus_description()), box);
    description->setObjectName("builtinDescription");
    description->setContentsMargins(20, 0, 0, 4);
    description->setEnabled(false); // greyed: an explanation, not a control
    layout->addWidget(description);

    layout->addWidget(new QLabel(tr("Text files (.txt, .jsonl, .csv, .parquet):")));
    fileList_ = new QListWidget;
    fileList_->setObjectName("fileList");
    fileList_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    fileList_->setMinimumHeight(70);
    fileList_->setMaximumHeight(120);
    layout->addWidget(fileList_);
    auto* addButton = new QPushButton(tr("Add files…"));
    addButton->setObjectName("addFilesButton");
    removeFileButton_ = new QPushButton(tr("Remove"));
    removeFileButton_->setObjectName("removeFileButton");
    auto* fileButtons = new QHBoxLayout;
    fileButtons->addWidget(addButton);
    fileButtons->addWidget(removeFileButton_);
    fileButtons->addStretch();
    layout->addLayout(fileButtons);

    auto* form = new QFormLayout;
    textFieldEdit_ = new QLineEdit(DataChoice().textField);
    textFieldEdit_->setObjectName("textFieldEdit");
    textFieldEdit_->setToolTip(tr("The JSON field (.jsonl), CSV column (.csv) or Parquet column (.parquet) that holds the text."));
    form->addRow(tr("Text field of the files:"), textFieldEdit_);
    maxTextsSpin_ = new QSpinBox;
    maxTextsSpin_->setObjectName("maxTextsSpin");
    maxTextsSpin_->setRange(0, INT_MAX);
    maxTextsSpin_->setSpecialValueText(tr("All"));
    maxTextsSpin_->setGroupSeparatorShown(true);
    maxTextsSpin_->setToolTip(tr("Use only the first texts, counted over all sources in order (0: all)."));
    form->addRow(tr("Max texts:"), maxTextsSpin_);
    layout->addLayout(form);

    connect(builtinCheck_, &QCheckBox::toggled, this, &DataPanel::onChoiceEdited);
    connect(addButton, &QPushButton::clicked, this, &DataPanel::addFiles);
    connect(removeFileButton_, &QPushButton::clicked, this, &DataPanel::removeSelectedFiles);
    connect(fileList_, &QListWidget::itemSelectionChanged, this, &DataPanel::updateEnabledControls);
    connect(textFieldEdit_, &QLineEdit::textChanged, this, &DataPanel::onChoiceEdited);
    connect(maxTextsSpin_, &QSpinBox::valueChanged, this, &DataPanel::onChoiceEdited);
    return box;
}

QWidget* DataPanel::createTokenizerBox()
{
    auto* box = new QGroupBox(tr("Tokenizer"));
    auto* layout = new QVBoxLayout(box);
    buildTokenizerRadio_ = new QRadioButton(tr("Build from these texts"));
    buildTokenizerRadio_->setObjectName("buildTokenizerRadio");
    buildTokenizerRadio_->setChecked(true);
    loadTokenizerRadio_ = new QRadioButton(tr("Load tokenizer.json…"));
    loadTokenizerRadio_->setObjectName("loadTokenizerRadio");
    layout->addWidget(buildTokenizerRadio_);
    layout->addWidget(loadTokenizerRadio_);

    tokenizerPathEdit_ = new QLineEdit;
    tokenizerPathEdit_->setObjectName("tokenizerPathEdit");
    tokenizerPathEdit_->setPlaceholderText(tr("tokenizer.json or vocab.json"));
    tokenizerBrowseButton_ = new QPushButton(tr("Browse…"));
    tokenizerBrowseButton_->setObjectName("tokenizerBrowseButton");
    auto* pathRow = new QHBoxLayout;
    pathRow->setContentsMargins(20, 0, 0, 0);
    pathRow->addWidget(tokenizerPathEdit_);
    pathRow->addWidget(tokenizerBrowseButton_);
    layout->addLayout(pathRow);
    requiredTokenizerNote_ = wrappedLabel(QString(), box);
    requiredTokenizerNote_->setObjectName("requiredTokenizerNote");
    requiredTokenizerNote_->setVisible(false);
    layout->addWidget(requiredTokenizerNote_);

    connect(loadTokenizerRadio_, &QRadioButton::toggled, this, [this] {
        updateEnabledControls();
        onChoiceEdited();
    });
    connect(tokenizerPathEdit_, &QLineEdit::textChanged, this, &DataPanel::onChoiceEdited);
    connect(tokenizerBrowseButton_, &QPushButton::clicked, this, &DataPanel::browseTokenizer);
    return box;
}

QWidget* DataPanel::createResultsBox()
{
    auto* box = new QGroupBox(tr("What the data holds"));
    auto* layout = new QVBoxLayout(box);
    auto* form = new QFormLayout;
    textsValue_ = valueLabel("textsValue", box);
    charactersValue_ = valueLabel("charactersValue", box);
    tokensValue_ = valueLabel("tokensValue", box);
    vocabularyValue_ = valueLabel("vocabularyValue", box);
    unknownRateValue_ = valueLabel("unknownRateValue", box);
    unknownRateValue_->setToolTip(tr("The share of tokens that the tokenizer could not represent (<UNK>)."));
    splitValue_ = valueLabel("splitValue", box);
    tokenizerSourceValue_ = valueLabel("tokenizerSourceValue", box);
    topChunksValue_ = valueLabel("topChunksValue", box);
    topChunksValue_->setToolTip(tr("The chunks the corpus holds most often, with their counts (␣ is a space)."));
    textLengthsValue_ = valueLabel("textLengthsValue", box);
    textLengthsValue_->setToolTip(tr("How many texts have each length, in characters."));
    tokenStoreValue_ = valueLabel("tokenStoreValue", box);
    form->addRow(tr("Texts:"), textsValue_);
    form->addRow(tr("Characters:"), charactersValue_);
    form->addRow(tr("Tokens:"), tokensValue_);
    form->addRow(tr("Vocabulary:"), vocabularyValue_);
    form->addRow(tr("Unknown tokens:"), unknownRateValue_);
    form->addRow(tr("Train / validation:"), splitValue_);
    form->addRow(tr("Tokenizer:"), tokenizerSourceValue_);
    form->addRow(tr("Most frequent chunks:"), topChunksValue_);
    form->addRow(tr("Text lengths:"), textLengthsValue_);
    form->addRow(tr("Token store:"), tokenStoreValue_);
    layout->addLayout(form);

    saveTokenizerButton_ = new QPushButton(tr("Save tokenizer…"));
    saveTokenizerButton_->setObjectName("saveTokenizerButton");
    saveTokenizerButton_->setToolTip(tr("Write the built vocabulary as tokenizer.json (the reference's format)."));
    auto* saveRow = new QHBoxLayout;
    saveRow->addWidget(saveTokenizerButton_);
    saveRow->addStretch();
    layout->addLayout(saveRow);

    staleLabel_ = wrappedLabel(tr("The data changed since this analysis: press Analyse again."), box);
    staleLabel_->setObjectName("staleLabel");
    staleLabel_->setStyleSheet("color: #8a6d00;");
    layout->addWidget(staleLabel_);

    layout->addWidget(new QLabel(tr("Preview (first texts):")));
    previewList_ = new QListWidget;
    previewList_->setObjectName("previewList");
    previewList_->setWordWrap(true);
    previewList_->setAlternatingRowColors(true);
    previewList_->setSpacing(3);
    previewList_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    previewList_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    layout->addWidget(previewList_, 1);

    connect(saveTokenizerButton_, &QPushButton::clicked, this, &DataPanel::askWhereToSaveTokenizer);
    return box;
}

DataChoice DataPanel::choice() const
{
    DataChoice choice;
    choice.builtinCorpus = builtinCheck_->isChecked();
    for (int row = 0; row < fileList_->count(); ++row)
        choice.files << fileList_->item(row)->data(Qt::UserRole).toString();
    choice.textField = textFieldEdit_->text().trimmed();
    choice.hub = hubBox_->choice();
    choice.maxTexts = maxTextsSpin_->value();
    if (loadTokenizerRadio_->isChecked())
        choice.tokenizerFile = tokenizerPathEdit_->text().trimmed();
    choice.validationFraction = validationSpin_->value() / 100.0;
    return choice;
}

void DataPanel::setChoice(const DataChoice& choice)
{
    settingChoice_ = true;
    builtinCheck_->setChecked(choice.builtinCorpus);
    fileList_->clear();
    for (const QString& file : choice.files) {
        auto* item = new QListWidgetItem(QDir::toNativeSeparators(file), fileList_);
        item->setData(Qt::UserRole, file);
        item->setToolTip(file);
    }
    textFieldEdit_->setText(choice.textField);
    hubBox_->setChoice(choice.hub);
    maxTextsSpin_->setValue(static_cast<int>(std::clamp<qint64>(choice.maxTexts, 0, INT_MAX)));
    showTokenizer(choice.tokenizerFile);
    validationSpin_->setValue(choice.validationFraction * 100);
    settingChoice_ = false;
    updateEnabledControls();
    onChoiceEdited();
}

DataChoice DataPanel::ownChoice() const
{
    DataChoice own = choice();
    if (!requiredTokenizer_.isEmpty())
        own.tokenizerFile = ownTokenizerFile_;
    return own;
}

// The tokenizer controls show `file` (empty: build one) unless a fine-tuned model's tokenizer is
// required, in which case `file` is what they go back to afterwards.
void DataPanel::showTokenizer(const QString& file)
{
    const QString shown = requiredTokenizer_.isEmpty() ? file : requiredTokenizer_;
    if (!requiredTokenizer_.isEmpty())
        ownTokenizerFile_ = file;
    loadTokenizerRadio_->setChecked(!shown.isEmpty());
    buildTokenizerRadio_->setChecked(shown.isEmpty());
    tokenizerPathEdit_->setText(shown);
}

void DataPanel::requireTokenizer(const QString& file, const QString& modelName)
{
    if (file == requiredTokenizer_)
        return;
    const QString own = requiredTokenizer_.isEmpty() ? choice().tokenizerFile : ownTokenizerFile_;
    requiredTokenizer_ = file;
    settingChoice_ = true;
    showTokenizer(own);
    settingChoice_ = false;
    requiredTokenizerNote_->setText(tr("Fine-tuning %1: its own tokenizer encodes the data, as in the run.").arg(modelName));
    requiredTokenizerNote_->setToolTip(QDir::toNativeSeparators(file));
    requiredTokenizerNote_->setVisible(!file.isEmpty());
    updateEnabledControls();
    onChoiceEdited();
}

void DataPanel::addFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add text files"), QString(), tr("Texts (*.txt *.jsonl *.csv *.parquet);;All files (*)"));
    if (files.isEmpty())
        return;
    DataChoice next = choice();
    for (const QString& file : files)
        if (!next.files.contains(file))
            next.files << file;
    setChoice(next);
}

void DataPanel::removeSelectedFiles()
{
    const QList<QListWidgetItem*> selected = fileList_->selectedItems();
    if (selected.isEmpty())
        return;
    qDeleteAll(selected);
    updateEnabledControls();
    onChoiceEdited();
}

void DataPanel::browseTokenizer()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Load tokenizer"), tokenizerPathEdit_->text(),
                                                      tr("Tokenizer (tokenizer.json vocab.json *.json);;All files (*)"));
    if (file.isEmpty())
        return;
    loadTokenizerRadio_->setChecked(true);
    tokenizerPathEdit_->setText(file);
}

void DataPanel::askWhereToSaveTokenizer()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Save tokenizer"), QStringLiteral("tokenizer.json"),
                                                      tr("Tokenizer (*.json)"));
    if (!file.isEmpty())
        saveTokenizer(file);
}

bool DataPanel::saveTokenizer(const QString& path)
{
    if (!summary_) {
        showError(tr("There is no tokenizer yet: press Analyse first."));
        return false;
    }
    try {
        summary_->saveTokenizer(path);
    } catch (const std::exception& error) {
        showError(tr("Could not save the tokenizer: %1").arg(QString::fromStdString(error.what())));
        return false;
    }
    showError(QString());
    tokenizerSourceValue_->setText(tr("%1; saved to %2").arg(summary_->tokenizerSource, QDir::toNativeSeparators(path)));
    return true;
}

void DataPanel::onChoiceEdited()
{
    if (settingChoice_)
        return;
    showError(QString()); // it was about the choice as it was
    staleLabel_->setVisible(summary_ && job_ == nullptr && !sameData(choice(), lastAnalysedChoice_));
    Q_EMIT choiceChanged();
}

void DataPanel::updateEnabledControls()
{
    const bool running = job_ != nullptr;
    analyseButton_->setEnabled(!running);
    cancelButton_->setVisible(running);
    removeFileButton_->setEnabled(!fileList_->selectedItems().isEmpty());
    const bool tokenizerFree = requiredTokenizer_.isEmpty();
    buildTokenizerRadio_->setEnabled(tokenizerFree);
    loadTokenizerRadio_->setEnabled(tokenizerFree);
    tokenizerBrowseButton_->setEnabled(tokenizerFree);
    tokenizerPathEdit_->setEnabled(tokenizerFree && loadTokenizerRadio_->isChecked());
    saveTokenizerButton_->setVisible(summary_ && summary_->tokenizerBuilt);
}

void DataPanel::analyse()
{
    if (job_)
        return;
    const DataChoice current = choice();
    if (!current.builtinCorpus && current.files.isEmpty() && current.hub.isEmpty()) {
        showError(tr("No data chosen: tick the built-in corpus, add at least one file or choose a Hugging Face dataset."));
        return;
    }
    if (loadTokenizerRadio_->isChecked() && current.tokenizerFile.isEmpty()) {
        showError(tr("Choose the tokenizer.json to load, or build the tokenizer from the texts."));
        return;
    }
    showError(QString());
    summary_.reset();
    clearResults();

    job_ = std::make_unique<JobThread<DataJob>>(current);
    DataJob* job = &job_->job();
    connect(job, &EngineJob::progress, this, [this](double fraction, const QString& message) {
        progressBar_->setValue(static_cast<int>(qBound(0.0, fraction, 1.0) * kProgressSteps));
        progressLabel_->setText(message);
    });
    connect(job, &DataJob::analysed, this, [this, current](DataSummary summary) {
        lastAnalysedChoice_ = current;
        // The spin box may have moved while the job ran; the split follows the current value.
        summary.setValidationFraction(choice().validationFraction);
        summary_ = summary;
        showCounts(summary);
        showPreview(summary.preview);
        Q_EMIT analysed(summary.vocabularySize, summary.tokens);
    });
    connect(job, &EngineJob::failed, this, &DataPanel::showError);
    connect(job, &EngineJob::finished, this, &DataPanel::onJobFinished);

    progressBar_->setValue(0);
    progressLabel_->setText(tr("Starting…"));
    progressBar_->setVisible(true);
    progressLabel_->setVisible(true);
    updateEnabledControls();
    Q_EMIT jobStarted(job);
    job_->start();
}

void DataPanel::onJobFinished()
{
    if (job_)
        job_.release()->deleteLater();
    progressBar_->setVisible(false);
    progressLabel_->setVisible(false);
    updateEnabledControls();
    staleLabel_->setVisible(summary_ && !sameData(choice(), lastAnalysedChoice_));
    hubBox_->updateStatus(); // the analysis may have downloaded the rest of the split
}

void DataPanel::showError(const QString& message)
{
    errorLabel_->setText(message);
    errorLabel_->setVisible(!message.isEmpty());
}

void DataPanel::clearResults()
{
    for (QLabel* label : {textsValue_, charactersValue_, tokensValue_, vocabularyValue_, unknownRateValue_,
                          splitValue_, tokenizerSourceValue_, topChunksValue_, textLengthsValue_, tokenStoreValue_})
        label->setText(QStringLiteral("–"));
    previewList_->clear();
    staleLabel_->setVisible(false);
    updateEnabledControls();
}

void DataPanel::showCounts(const DataSummary& summary)
{
    textsValue_->setText(number(summary.texts));
    charactersValue_->setText(tr("%1 (%2 bytes of UTF-8)").arg(number(summary.characters), number(summary.bytes)));
    tokensValue_->setText(number(summary.tokens));
    vocabularyValue_->setText(tr("%1 chunks").arg(number(summary.vocabularySize)));
    unknownRateValue_->setText(tr("%1 % (%2 of %3 tokens)")
                                   .arg(QLocale().toString(summary.unknownRate * 100, 'f', 2),
                                        number(summary.unknownTokens), number(summary.tokens)));
    splitValue_->setText(
        tr("%1 / %2 tokens").arg(number(summary.trainTokens), number(summary.validationTokens)));
    tokenizerSourceValue_->setText(summary.tokenizerSource);
    topChunksValue_->setText(topChunksText(summary));
    textLengthsValue_->setText(textLengthsText(summary));
    tokenStoreValue_->setText(summary.tokensReused ? tr("reused from the token cache") : tr("encoded now, kept in the token cache"));
    if (summary.prepared)
        tokenStoreValue_->setToolTip(QDir::toNativeSeparators(QString::fromStdString(summary.prepared->token_cache.string())));
    updateEnabledControls();
}

void DataPanel::showPreview(const QStringList& texts)
{
    previewList_->clear();
    for (const QString& text : texts) {
        auto* item = new QListWidgetItem(text, previewList_);
        item->setToolTip(text);
    }
}
