// SPDX-License-Identifier: GPL-3.0-or-later
// The Data panel: which texts to train on (the built-in corpus, files, a Hugging Face dataset),
// which tokenizer, how much to hold out for validation, and an analysis (counts, unknown-token
// rate, the most frequent chunks, text lengths, a preview) run as a DataJob.
#pragma once

#include "data_choice.h"
#include "data_job.h"
#include "job_thread.h"

#include <QWidget>

#include <memory>
#include <optional>

class EngineJob;
class HubDatasetBox;
class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

class DataPanel : public QWidget {
    Q_OBJECT
public:
    explicit DataPanel(QWidget* parent = nullptr);
    ~DataPanel() override;

    DataChoice choice() const;
    // Shows the choice in the controls and emits choiceChanged() once.
    void setChoice(const DataChoice& choice);
    // The choice with the user's own tokenizer rather than one a fine-tuned model requires: what
    // is worth remembering for the next session.
    DataChoice ownChoice() const;

    // While a model is fine-tuned, its tokenizer (`file`) encodes the data: the tokenizer controls
    // show it and are locked, saying so. An empty `file` gives them back as they were.
    void requireTokenizer(const QString& file, const QString& modelName);

    // The result of the last analysis, once it completed; empty while one runs or after one failed.
    // It is kept when the choice changes afterwards (the panel then says it is out of date).
    std::optional<DataSummary> lastSummary() const { return summary_; }
    bool isAnalysing() const { return job_ != nullptr; }

    // Writes the built tokenizer; false (and the reason shown in the panel) when it cannot.
    bool saveTokenizer(const QString& path);

public Q_SLOTS:
    // Starts a DataJob for the current choice; does nothing while one is running.
    void analyse();

Q_SIGNALS:
    void choiceChanged();
    void analysed(qint64 vocabularySize, qint64 tokens);
    void jobStarted(EngineJob* job);

private:
    QWidget* createSourcesBox();
    QWidget* createTokenizerBox();
    QWidget* createResultsBox();

    void addFiles();
    void removeSelectedFiles();
    void browseTokenizer();
    void showTokenizer(const QString& file);
    void askWhereToSaveTokenizer();
    void onChoiceEdited();
    void updateEnabledControls();

    void showError(const QString& message);
    void clearResults();
    void showCounts(const DataSummary& summary);
    void showPreview(const QStringList& texts);
    void onJobFinished();

    QCheckBox* builtinCheck_ = nullptr;
    QListWidget* fileList_ = nullptr;
    QPushButton* removeFileButton_ = nullptr;
    QLineEdit* textFieldEdit_ = nullptr;
    HubDatasetBox* hubBox_ = nullptr;
    QSpinBox* maxTextsSpin_ = nullptr;
    QRadioButton* buildTokenizerRadio_ = nullptr;
    QRadioButton* loadTokenizerRadio_ = nullptr;
    QLineEdit* tokenizerPathEdit_ = nullptr;
    QPushButton* tokenizerBrowseButton_ = nullptr;
    QLabel* requiredTokenizerNote_ = nullptr;
    QDoubleSpinBox* validationSpin_ = nullptr;
    QPushButton* analyseButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QLabel* progressLabel_ = nullptr;
    QLabel* errorLabel_ = nullptr;
    QLabel* staleLabel_ = nullptr;

    QLabel* textsValue_ = nullptr;
    QLabel* charactersValue_ = nullptr;
    QLabel* tokensValue_ = nullptr;
    QLabel* vocabularyValue_ = nullptr;
    QLabel* unknownRateValue_ = nullptr;
    QLabel* splitValue_ = nullptr;
    QLabel* tokenizerSourceValue_ = nullptr;
    QLabel* topChunksValue_ = nullptr;
    QLabel* textLengthsValue_ = nullptr;
    QLabel* tokenStoreValue_ = nullptr;
    QListWidget* previewList_ = nullptr;
    QPushButton* saveTokenizerButton_ = nullptr;

    // Goes before the widgets its signals reach: members are destroyed before child widgets.
    std::unique_ptr<JobThread<DataJob>> job_;
    std::optional<DataSummary> summary_;
    DataChoice lastAnalysedChoice_; // what summary_ describes
    bool settingChoice_ = false; // setChoice() emits choiceChanged() once, not per control
    QString requiredTokenizer_;  // a fine-tuned model's tokenizer; empty: the user chooses
    QString ownTokenizerFile_;   // the user's own choice while one is required
};
