// SPDX-License-Identifier: GPL-3.0-or-later
// The Data panel's Hugging Face dataset: a repo id, the config, split and column pickers filled
// from the repo's file list, the first rows, and the cache that holds its files. Looking a repo up
// runs a HubDatasetJob (its download has a progress bar and Cancel); the choice becomes the
// source `--data hf:REPO --hf-config --hf-split --text-field` makes.
#pragma once

#include "data_choice.h"
#include "hub_dataset_job.h"
#include "job_thread.h"

#include <QGroupBox>

#include <memory>
#include <optional>

class EngineJob;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

class HubDatasetBox : public QGroupBox {
    Q_OBJECT
public:
    explicit HubDatasetBox(QWidget* parent = nullptr);
    ~HubDatasetBox() override;

    // Empty while the box is unticked.
    HubDatasetChoice choice() const;
    // Ticks the box for a dataset (unticks it for none) and shows it in the pickers.
    void setChoice(const HubDatasetChoice& choice);

    bool isLookingUp() const { return job_ != nullptr; }
    // What the last look-up found; empty before one succeeded and once the repo id is edited.
    std::optional<HubDatasetPreview> lastPreview() const { return preview_; }
    QString errorText() const;

public Q_SLOTS:
    // Looks the repo up with the pickers' values; does nothing while a look-up runs.
    void lookUp();
    void cancel();
    // Counts again the split's files the cache holds (an analysis or a run downloads the rest).
    void updateStatus();

Q_SIGNALS:
    // The user changed the choice (not emitted by setChoice()).
    void choiceEdited();
    void jobStarted(EngineJob* job);

private:
    void showPickers(const HubDatasetChoice& choice);
    // What the last look-up found, when it is of the repo, config, split and column chosen now.
    bool previewShown() const;
    void showPreview();
    void showError(const QString& message);
    void onRepoEdited();
    void onPickerChosen();
    void onJobFinished();
    void updateEnabledControls();
    QString cacheText(const QString& folder) const;

    QLineEdit* repoEdit_ = nullptr;
    QPushButton* lookUpButton_ = nullptr;
    QComboBox* configCombo_ = nullptr;
    QComboBox* splitCombo_ = nullptr;
    QComboBox* columnCombo_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QLabel* progressLabel_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QLabel* statusLabel_ = nullptr;
    QLabel* cacheLabel_ = nullptr;
    QLabel* errorLabel_ = nullptr;
    QLabel* rowsLabel_ = nullptr;
    QListWidget* rowsList_ = nullptr;

    // Goes before the widgets its signals reach: members are destroyed before child widgets.
    std::unique_ptr<JobThread<HubDatasetJob>> job_;
    std::optional<HubDatasetPreview> preview_;
    QString cacheRoot_; // shown until a look-up names the repo's own folder
    bool settingChoice_ = false;
};
