// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub_dataset_box.h"

#include "data/hub_dataset.h"
#include "hub/hub_cache.h"
#include "hub/hub_settings.h"

#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int kProgressSteps = 1000;
constexpr int kRowsListHeight = 130;
// The Hub's name for a repo's only config, which HubDatasetChoice writes as "".
const QString kDefaultConfig = QStringLiteral("default");

QLabel* wrappedLabel(const QString& objectName)
{
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QComboBox* picker(const QString& objectName, const QString& toolTip)
{
    auto* combo = new QComboBox;
    combo->setObjectName(objectName);
    combo->setToolTip(toolTip);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(12);
    return combo;
}

// Fills a picker with `values` (and `current` where it is not among them) and selects `current`;
// an empty value is shown as `emptyText`.
void fill(QComboBox* combo, QStringList values, const QString& current, const QString& emptyText)
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    if (!values.contains(current))
        values.prepend(current);
    for (const QString& value : values)
        combo->addItem(value.isEmpty() ? emptyText : value, value);
    combo->setCurrentIndex(combo->findData(current));
}

} // namespace

HubDatasetBox::HubDatasetBox(QWidget* parent) : QGroupBox(tr("Hugging Face dataset"), parent)
{
    setObjectName("hubDatasetBox");
    setCheckable(true);
    setChecked(false);
    setToolTip(tr("Train on a dataset of the Hugging Face Hub, as i3lm train --data hf:owner/name does"));

    repoEdit_ = new QLineEdit;
    repoEdit_->setObjectName("hubDatasetEdit");
    repoEdit_->setPlaceholderText(tr("e.g. roneneldan/TinyStories"));
    repoEdit_->setToolTip(tr("The dataset's repo id on the Hub (owner/name); Enter looks it up."));
    lookUpButton_ = new QPushButton(tr("Look up"));
    lookUpButton_->setObjectName("hubLookUpButton");
    lookUpButton_->setToolTip(tr("List the repo's files, fill the pickers and show the first rows of the split "
                                 "(its first file is downloaded into the cache unless it is there)."));
    auto* repoRow = new QHBoxLayout;
    repoRow->addWidget(repoEdit_, 1);
    repoRow->addWidget(lookUpButton_);

    configCombo_ = picker("hubConfigCombo", tr("The dataset's configuration (--hf-config)."));
    splitCombo_ = picker("hubSplitCombo", tr("The split to train on (--hf-split)."));
    columnCombo_ = picker("hubColumnCombo", tr("The column that holds the text (--text-field)."));
    auto* form = new QFormLayout;
    form->addRow(tr("Repo:"), repoRow);
    form->addRow(tr("Config:"), configCombo_);
    form->addRow(tr("Split:"), splitCombo_);
    form->addRow(tr("Text column:"), columnCombo_);

    progressBar_ = new QProgressBar;
    progressBar_->setObjectName("hubProgress");
    progressBar_->setRange(0, kProgressSteps);
    progressBar_->setVisible(false);
    cancelButton_ = new QPushButton(tr("Cancel"));
    cancelButton_->setObjectName("hubCancelButton");
    cancelButton_->setToolTip(tr("Stop the download; what arrived waits in the cache to be resumed."));
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(progressBar_, 1);
    progressRow->addWidget(cancelButton_);
    // The bar holds a percentage; what is happening needs more room than a bar has.
    progressLabel_ = wrappedLabel("hubProgressLabel");
    progressLabel_->setVisible(false);

    statusLabel_ = wrappedLabel("hubStatusLabel");
    cacheLabel_ = wrappedLabel("hubCacheLabel");
    cacheLabel_->setToolTip(tr("Shared with Python's huggingface_hub: what either downloaded serves both. "
                               "HF_HUB_CACHE or HF_HOME move it; HF_HUB_OFFLINE=1 uses it without asking the Hub."));
    cacheRoot_ = QString::fromStdString(i3::hub_settings_from_environment().cache_dir.string());
    errorLabel_ = wrappedLabel("hubErrorLabel");
    errorLabel_->setStyleSheet("color: #c62828;");
    errorLabel_->setVisible(false);
    rowsList_ = new QListWidget;
    rowsList_->setObjectName("hubRowsList");
    rowsList_->setWordWrap(true);
    rowsList_->setAlternatingRowColors(true);
    rowsList_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    rowsList_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    rowsList_->setMaximumHeight(kRowsListHeight);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(progressRow);
    layout->addWidget(progressLabel_);
    layout->addWidget(statusLabel_);
    layout->addWidget(cacheLabel_);
    layout->addWidget(errorLabel_);
    rowsLabel_ = new QLabel(tr("First rows:"));
    layout->addWidget(rowsLabel_);
    layout->addWidget(rowsList_);

    connect(this, &QGroupBox::toggled, this, [this](bool on) {
        if (!on)
            cancel(); // its Cancel button is greyed with the rest
        updateEnabledControls();
        if (!settingChoice_)
            Q_EMIT choiceEdited();
    });
    connect(repoEdit_, &QLineEdit::textEdited, this, &HubDatasetBox::onRepoEdited);
    connect(repoEdit_, &QLineEdit::returnPressed, this, &HubDatasetBox::lookUp);
    connect(lookUpButton_, &QPushButton::clicked, this, &HubDatasetBox::lookUp);
    for (QComboBox* combo : {configCombo_, splitCombo_, columnCombo_})
        connect(combo, &QComboBox::activated, this, &HubDatasetBox::onPickerChosen);
    connect(cancelButton_, &QPushButton::clicked, this, &HubDatasetBox::cancel);
    showPickers(HubDatasetChoice());
    showPreview();
    updateEnabledControls();
}

HubDatasetBox::~HubDatasetBox() = default;

HubDatasetChoice HubDatasetBox::choice() const
{
    if (!isChecked())
        return {};
    return {repoEdit_->text().trimmed(), configCombo_->currentData().toString(), splitCombo_->currentData().toString(),
            columnCombo_->currentData().toString()};
}

void HubDatasetBox::setChoice(const HubDatasetChoice& choice)
{
    settingChoice_ = true;
    setChecked(!choice.isEmpty());
    if (!choice.isEmpty()) {
        repoEdit_->setText(choice.repo);
        if (preview_ && preview_->choice.repo != choice.repo)
            preview_.reset();
        showPickers(choice);
        showPreview();
    }
    settingChoice_ = false;
    updateEnabledControls();
}

QString HubDatasetBox::errorText() const { return errorLabel_->isVisibleTo(this) ? errorLabel_->text() : QString(); }

// The pickers hold what the last look-up of this repo offered, else only the values chosen.
void HubDatasetBox::showPickers(const HubDatasetChoice& choice)
{
    QStringList configs, splits, columns;
    if (preview_) {
        for (const QString& config : preview_->configs)
            configs << (config == kDefaultConfig ? QString() : config);
        splits = preview_->splits;
        columns = preview_->columns;
    }
    fill(configCombo_, configs, choice.config, kDefaultConfig);
    fill(splitCombo_, splits, choice.split, QString());
    // Before a look-up an empty column is the command line's default; after one, a file without columns.
    const QString defaultColumn = QString::fromStdString(i3::default_text_column(choice.repo.toStdString()));
    fill(columnCombo_, columns, choice.textField, preview_ ? tr("(whole paragraphs)") : defaultColumn);
}

bool HubDatasetBox::previewShown() const
{
    return preview_ && preview_->choice == choice() && !isLookingUp();
}

void HubDatasetBox::showPreview()
{
    rowsList_->clear();
    const bool shown = previewShown();
    if (shown) {
        for (const QString& row : preview_->rows) {
            auto* item = new QListWidgetItem(row, rowsList_);
            item->setToolTip(row);
        }
    }
    // Shown only with rows in it: the panel's other settings stay within reach.
    rowsLabel_->setVisible(rowsList_->count() > 0);
    rowsList_->setVisible(rowsList_->count() > 0);
    cacheLabel_->setText(cacheText(preview_ ? preview_->cacheFolder : cacheRoot_));
    updateStatus();
}

void HubDatasetBox::updateStatus()
{
    // Rows and counts of another split than the one chosen (a look-up stopped, or running) would mislead.
    statusLabel_->setVisible(previewShown());
    if (!previewShown()) {
        statusLabel_->clear();
        return;
    }
    const HubDatasetPreview& preview = *preview_;
    const i3::HubCache cache(preview.cacheRoot.toStdString());
    const i3::HubRepo repo{i3::RepoType::dataset, preview.choice.repo.toStdString()};
    const auto inCache = std::count_if(preview.files.begin(), preview.files.end(), [&](const QString& file) {
        return cache.has_file(repo, preview.commit.toStdString(), file.toStdString());
    });
    QStringList lines;
    lines << tr("Commit %1. Files in split “%2”: %3, %4 of them in the cache.")
                 .arg(preview.commit.left(10), preview.choice.split)
                 .arg(preview.files.size())
                 .arg(inCache);
    lines << (preview.firstFileFromCache ? tr("The first file was in the cache already: nothing was downloaded.")
                                         : tr("The first file was downloaded for these rows."));
    if (inCache < preview.files.size())
        lines << tr("The others are downloaded when the data is analysed or a run starts.");
    if (preview.offline)
        lines << tr("Offline (HF_HUB_OFFLINE): the cache answered, and the Hub was not asked.");
    statusLabel_->setText(lines.join(QLatin1Char('\n')));
}

QString HubDatasetBox::cacheText(const QString& folder) const
{
    return tr("Cache: %1").arg(QDir::toNativeSeparators(folder));
}

void HubDatasetBox::showError(const QString& message)
{
    errorLabel_->setText(message);
    errorLabel_->setVisible(!message.isEmpty());
}

// Another repo: what the pickers and rows showed belongs to the old one.
void HubDatasetBox::onRepoEdited()
{
    preview_.reset();
    showError(QString());
    HubDatasetChoice defaults;
    defaults.repo = repoEdit_->text().trimmed();
    showPickers(defaults);
    showPreview();
    updateEnabledControls();
    Q_EMIT choiceEdited();
}

// Another config, split or column: its first rows (and the columns of the split's first file).
void HubDatasetBox::onPickerChosen()
{
    Q_EMIT choiceEdited();
    lookUp();
}

void HubDatasetBox::lookUp()
{
    if (job_)
        return;
    const HubDatasetChoice query = choice();
    if (query.isEmpty()) {
        showError(tr("Type the dataset's repo id first, such as roneneldan/TinyStories."));
        return;
    }
    showError(QString());
    job_ = std::make_unique<JobThread<HubDatasetJob>>(query);
    HubDatasetJob* job = &job_->job();
    connect(job, &EngineJob::progress, this, [this](double fraction, const QString& message) {
        progressBar_->setRange(0, fraction < 0 ? 0 : kProgressSteps); // a busy bar while the size is unknown
        progressBar_->setValue(static_cast<int>(qBound(0.0, fraction, 1.0) * kProgressSteps));
        progressLabel_->setText(message);
    });
    connect(job, &HubDatasetJob::inspected, this, [this, query](const HubDatasetPreview& preview) {
        preview_ = preview;
        showPickers(preview.choice);
        if (!(preview.choice == query))
            Q_EMIT choiceEdited();
    });
    connect(job, &EngineJob::failed, this, &HubDatasetBox::showError);
    connect(job, &EngineJob::finished, this, &HubDatasetBox::onJobFinished);
    progressBar_->setRange(0, 0);
    progressLabel_->clear();
    progressBar_->setVisible(true);
    progressLabel_->setVisible(true);
    showPreview();
    updateEnabledControls();
    Q_EMIT jobStarted(job);
    job_->start();
}

void HubDatasetBox::cancel()
{
    if (job_)
        job_->job().cancel();
}

void HubDatasetBox::onJobFinished()
{
    if (job_)
        job_.release()->deleteLater();
    progressBar_->setVisible(false);
    progressLabel_->setVisible(false);
    showPreview();
    updateEnabledControls();
}

void HubDatasetBox::updateEnabledControls()
{
    const bool running = job_ != nullptr;
    // Read-only rather than greyed, so that the keyboard focus stays here instead of moving on to
    // some field further down, where the next keys would land.
    if (running && (lookUpButton_->hasFocus() || configCombo_->hasFocus() || splitCombo_->hasFocus() ||
                    columnCombo_->hasFocus()))
        repoEdit_->setFocus();
    repoEdit_->setReadOnly(running);
    lookUpButton_->setEnabled(!running && !repoEdit_->text().trimmed().isEmpty());
    for (QComboBox* combo : {configCombo_, splitCombo_, columnCombo_})
        combo->setEnabled(!running);
    cancelButton_->setVisible(running);
}
