// SPDX-License-Identifier: GPL-3.0-or-later
// The Model panel's "Start from a trained model": a model folder or a Hub model repo (downloaded
// into the Hugging Face cache, with progress and Cancel), loaded by a ModelLoadJob, which checks
// that its configuration, weights and tokenizer agree, and kept as the FineTuneBase of new runs
// until "Start from scratch".
#pragma once

#include "fine_tune_base.h"
#include "job_thread.h"
#include "model_load_job.h"

#include <QGroupBox>

#include <memory>
#include <optional>

class EngineJob;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

class FineTuneBox : public QGroupBox {
    Q_OBJECT
public:
    explicit FineTuneBox(QWidget* parent = nullptr);
    ~FineTuneBox() override;

    std::optional<FineTuneBase> base() const { return base_; }
    bool isLoading() const { return job_ != nullptr; }
    QString errorText() const;
    // What the panel says about the base besides its shape (the suggested recipe, a mismatch).
    void setRemark(const QString& text);

public Q_SLOTS:
    void loadModelFolder(const QString& folder);
    // "owner/name" on the Hub; downloaded unless the cache has it.
    void loadHubModel(const QString& repo);
    // A folder that exists is loaded as one; anything else is taken for a Hub repo id.
    void loadTyped();
    void startFromScratch();
    void cancel();

Q_SIGNALS:
    // A base was loaded, or the last one dropped.
    void baseChanged();
    void jobStarted(EngineJob* job);

private:
    void chooseFolder();
    void startLoading(ModelLoadJob::Source source, const QString& path);
    void onLoaded(const ModelHandle& handle, ModelLoadJob::Source source, const QString& path);
    void onJobFinished();
    void showBase();
    void showError(const QString& message);
    void updateEnabledControls();

    QLineEdit* sourceEdit_ = nullptr;
    QPushButton* folderButton_ = nullptr;
    QPushButton* loadButton_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QLabel* progressLabel_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QLabel* baseLabel_ = nullptr;
    QLabel* remarkLabel_ = nullptr;
    QPushButton* scratchButton_ = nullptr;
    QLabel* errorLabel_ = nullptr;

    // Goes before the widgets its signals reach: members are destroyed before child widgets.
    std::unique_ptr<JobThread<ModelLoadJob>> job_;
    std::optional<FineTuneBase> base_;
};
