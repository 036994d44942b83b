// SPDX-License-Identifier: GPL-3.0-or-later
// The Playground: load a model (an exported folder, or a checkpoint of a run, even one still
// training: the latest, or another picked from the run's list), type a prompt, set the sampling
// with sliders (or greedy), and watch the new tokens stream in as text and as coloured tokens,
// with the speed. The output shows the prompt as typed, then the decoded new tokens. The sampling
// is remembered across restarts. One generation at a time; Stop ends it within a token.
#pragma once

#include "generation_job.h"
#include "job_thread.h"
#include "model_load_job.h"
#include "studio_settings.h"
#include "training/saved_checkpoints.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class EngineJob;
class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class TokenView;

class PlaygroundPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlaygroundPanel(QWidget* parent = nullptr);
    ~PlaygroundPanel() override;

    void setPrompt(const QString& prompt);
    void setTemperature(double temperature); // 0.05 .. 2.0, in steps of 0.05
    void setTopK(int k);                     // 1 .. 200; 0 turns the top-k cut off
    void setTopP(double p);                  // 0.05 .. 1.0, in steps of 0.05
    void setLength(int newTokens);
    void setSeed(qint64 seed);               // 0 .. 2^31 - 1
    void setGreedy(bool greedy);             // the most likely token each time; the sliders rest
    // "cpu", "cuda:0", ...: where the next model is loaded.
    void setDevice(const QString& device);
    // Where "Load run…" opens: the run selected in the run browser, else the workspace.
    void setRunDialogFolder(const QString& folder);
    QString runDialogFolder() const { return runDialogFolder_; }

    // The text of the current (or last) generation: the new tokens only.
    QString generatedText() const { return generated_; }
    // The prompt followed by the generated text, as the output box shows it.
    QString outputText() const;
    // The error shown under the output, empty when there is none.
    QString errorText() const { return error_; }
    bool isGenerating() const { return generationJob_ != nullptr; }
    bool isLoading() const { return loadJob_ != nullptr; }
    bool hasModel() const { return !model_.isNull(); }
    // The loaded run checkpoint's step; -1 when the model is not a run's checkpoint.
    qint64 loadedCheckpointStep() const { return model_.checkpointStep; }
    // The sampling as the controls set it now (the prompt included).
    GenerationSettings generationSettings() const;

public Q_SLOTS:
    void loadModelFolder(const QString& folder);
    // A Hub model repo ("owner/name"), downloaded through the Hugging Face cache, then loaded.
    void loadHubModel(const QString& repo);
    // `checkpoint`: one of the run's checkpoint folders (i3::saved_checkpoints); empty: the latest.
    void loadRunCheckpoint(const QString& runFolder, const QString& checkpoint = QString());
    // Needs a loaded model; an empty prompt ends in the generator's message.
    void generate();
    void stopGeneration();

Q_SIGNALS:
    void jobStarted(EngineJob* job);
    void modelLoaded(const QString& description);
    // Ends every generation that started, also one that failed (then errorText() says why).
    void generationFinished(const QString& text, bool cancelled);

private:
    QWidget* buildControls();
    QWidget* buildOutput();

    void startLoading(ModelLoadJob::Source source, const QString& path, const QString& checkpoint = QString());
    void onLoadFinished();
    void onToken(const i3::GeneratedToken& token, double tokensPerSecond);
    void onGenerationFinished(bool cancelled);
    void chooseModelFolder();
    void chooseHubModel();
    void chooseRunFolder();
    void showError(const QString& message);
    void clearError();
    void updateValueLabels();
    void updateButtons();
    void applySampling(const GenerationSettings& sampling);
    void rememberSampling();
    void listCheckpoints();
    void onCheckpointPicked(int index);
    void showCheckpoint();
    QString speedText() const;

    QComboBox* deviceCombo_ = nullptr;
    QPushButton* loadFolderButton_ = nullptr;
    QPushButton* loadRunButton_ = nullptr;
    QPushButton* hubButton_ = nullptr;
    QLabel* modelLabel_ = nullptr;
    QWidget* checkpointRow_ = nullptr;
    QComboBox* checkpointCombo_ = nullptr;
    QLabel* checkpointLabel_ = nullptr;
    QCheckBox* greedyBox_ = nullptr;
    QSlider* temperatureSlider_ = nullptr;
    QSlider* topKSlider_ = nullptr;
    QSlider* topPSlider_ = nullptr;
    QLabel* temperatureValue_ = nullptr;
    QLabel* topKValue_ = nullptr;
    QLabel* topPValue_ = nullptr;
    QSpinBox* lengthSpin_ = nullptr;
    QSpinBox* seedSpin_ = nullptr;
    QPushButton* generateButton_ = nullptr;
    QPushButton* stopButton_ = nullptr;
    QPlainTextEdit* promptEdit_ = nullptr;
    QPlainTextEdit* outputEdit_ = nullptr;
    TokenView* tokenView_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QLabel* errorLabel_ = nullptr;

    StudioSettings settings_;
    QString runDialogFolder_;
    ModelHandle model_;
    std::vector<i3::SavedCheckpoint> checkpoints_; // of the loaded run, as the combo lists them
    std::unique_ptr<JobThread<ModelLoadJob>> loadJob_;
    std::unique_ptr<JobThread<GenerationJob>> generationJob_;
    QString generated_;
    QString error_;
    qint64 tokens_ = 0;
    double tokensPerSecond_ = 0;
};
