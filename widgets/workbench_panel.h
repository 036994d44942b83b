// SPDX-License-Identifier: GPL-3.0-or-later
// The token workbench: a prompt and its continuation as chips at the tokenizer's chunk
// boundaries, coloured by how probable the model found each; a token up close with its entropy
// and alternatives, the sampler's top-k/top-p cut-off shaded live as the sliders move; the
// prompt's perplexity; a branch from any token by picking an alternative; and a second model (a
// later checkpoint, another run) beside the first on the same prompt and seed.
#pragma once

#include "job_thread.h"
#include "model_load_job.h"
#include "workbench_job.h"

#include "generation/sampler.h"

#include <QString>
#include <QWidget>

#include <array>
#include <memory>

class EngineJob;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class TokenChips;
class TokenDetails;

class WorkbenchPanel : public QWidget {
    Q_OBJECT
public:
    // The model, and the one compared with it.
    enum Side { First = 0, Second = 1 };

    explicit WorkbenchPanel(QWidget* parent = nullptr);
    ~WorkbenchPanel() override;

    void setPrompt(const QString& prompt);
    void setTemperature(double temperature); // as the Playground's sliders (sampling_sliders.h)
    void setTopK(int k);
    void setTopP(double p);
    void setLength(int newTokens);
    void setSeed(qint64 seed);
    void setDevice(const QString& device);    // where the next model is loaded: "cpu", "cuda:0", ...
    void setWorkspace(const QString& folder); // where "Load run…" starts

    i3::SamplingOptions sampling() const;
    bool hasModel(Side side) const { return !models_[side].isNull(); }
    bool isLoading() const { return loadJob_ != nullptr; }
    bool isWorking() const { return workJob_ != nullptr; }
    SharedTokenSequence sequence(Side side) const;
    TokenChips* chips(Side side) const { return views_[side].chips; }
    TokenDetails* details() const { return details_; }
    QString perplexityText(Side side) const;
    QString errorText() const { return error_; }

public Q_SLOTS:
    void loadModelFolder(const QString& folder, int side = First);
    void loadRunCheckpoint(const QString& runFolder, int side = First);
    void removeComparison();
    // The prompt through every loaded model, with the same sampling and seed.
    void generate();
    void stop();
    void selectToken(int side, int index);
    void branch(int side, int index, qint64 alternative);

Q_SIGNALS:
    void jobStarted(EngineJob* job);
    void modelLoaded(int side, const QString& description);
    // After every generation or branch that started; ok false: errorText() says why, or it was stopped.
    void workFinished(bool ok);

private:
    struct SideView {
        QGroupBox* box = nullptr;
        QLabel* perplexity = nullptr;
        TokenChips* chips = nullptr;
        QLabel* model = nullptr; // in the controls
        QString name;
    };

    QWidget* buildControls();
    QWidget* buildModelBox(int side);
    QWidget* buildSampling();
    QWidget* buildSequences();
    QWidget* buildSideView(int side);

    void startLoading(ModelLoadJob::Source source, const QString& path, int side);
    void startWork(const QVector<WorkbenchRequest>& requests);
    void onSequence(int side, const SharedTokenSequence& sequence);
    void onWorkFinished(bool cancelled);
    void showPerplexity(int side);
    void chooseRun(int side);
    void chooseFolder(int side);
    void showError(const QString& message);
    void updateValueLabels();
    void updateButtons();

    std::array<SideView, 2> views_;
    std::array<ModelHandle, 2> models_;
    std::array<QPushButton*, 4> loadButtons_{};
    QPushButton* removeButton_ = nullptr;
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
    QLineEdit* promptEdit_ = nullptr;
    TokenDetails* details_ = nullptr;
    QLabel* statusLabel_ = nullptr;
    QLabel* errorLabel_ = nullptr;

    QString device_ = QStringLiteral("cpu");
    QString workspace_;
    std::array<SharedTokenSequence, 2> sequences_;
    int detailSide_ = -1; // the side whose token the details show
    int reselect_ = -1;   // the token a running branch was asked at
    std::unique_ptr<JobThread<ModelLoadJob>> loadJob_;
    std::unique_ptr<JobThread<WorkbenchJob>> workJob_;
    bool failed_ = false;
    QString error_;
};
