// SPDX-License-Identifier: GPL-3.0-or-later
// Inspect: one prompt through a model (a run's latest checkpoint or a model folder), and what
// happens inside it side by side: the recurrent states h and s of a hybrid block over the
// prompt's tokens, the eigenvalues of its A with the unit circle and the memory half-lives they
// imply, the distribution of its w_mix, and the attention map of an attention block and head;
// for a run, how each hybrid block's A and w_mix changed from checkpoint to checkpoint.
#pragma once

#include "inspection_job.h"
#include "job_thread.h"
#include "model_load_job.h"
#include "recurrence_history_job.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class EigenvaluePlot;
class EngineJob;
class HeatmapPlot;
class MetricPlot;
class QCPBars;
class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;

class InspectPanel : public QWidget {
    Q_OBJECT
public:
    enum class StateVariable { H, S };

    explicit InspectPanel(QWidget* parent = nullptr);
    ~InspectPanel() override;

    void setPrompt(const QString& prompt);
    void setDevice(const QString& device); // where the next model is loaded: "cpu", "cuda:0", ...
    void setWorkspace(const QString& folder); // where "Load run…" starts

    // hybrid: the index among the hybrid blocks; attention: among the attention blocks.
    void selectHybridBlock(int hybrid);
    void selectState(StateVariable variable);
    void selectAttention(int attention, int head);

    bool hasModel() const { return !model_.isNull(); }
    bool isLoading() const { return loadJob_ != nullptr; }
    bool isInspecting() const { return inspectionJob_ != nullptr; }
    bool isReadingHistory() const { return historyJob_ != nullptr; }
    // The last inspection; its `inspection` is null before the first.
    const PromptInspection& result() const { return result_; }
    QString errorText() const { return error_; }
    QString halfLifeText() const;

    HeatmapPlot* stateMap() const { return stateMap_; }
    HeatmapPlot* attentionMap() const { return attentionMap_; }
    EigenvaluePlot* eigenvaluePlot() const { return eigenvalues_; }
    QCPBars* mixHistogram() const { return mixBars_; }

public Q_SLOTS:
    void loadModelFolder(const QString& folder);
    void loadRunCheckpoint(const QString& runFolder);
    void inspect();
    void stopInspection();
    // How the recurrence changed over the loaded run: its periodic checkpoints read, oldest first.
    void readHistory();

Q_SIGNALS:
    void jobStarted(EngineJob* job);
    void modelLoaded(const QString& description);
    // After every inspection that started; ok false: errorText() says why (or it was stopped).
    void inspectionFinished(bool ok);
    // After every reading of the checkpoints that started; ok false: errorText() says why.
    void historyFinished(bool ok);

private:
    QWidget* buildControls();
    QWidget* buildRecurrence();
    QWidget* buildAttention();
    QWidget* buildSpectrum();
    QWidget* buildMixing();
    QWidget* buildHistory();
    void onHistoryRead(const std::vector<i3::RecurrenceSnapshot>& history);
    void showHistory();

    bool startLoading(ModelLoadJob::Source source, const QString& path); // false: busy, said why
    void onInspected(const PromptInspection& result);
    void onInspectionFinished(bool cancelled);
    void fillChoosers();
    void showHybridBlock();
    void showAttention();
    void showMixHistogram(const at::Tensor& w_mix);
    void chooseRunFolder();
    void chooseModelFolder();
    void showError(const QString& message);
    void updateButtons();

    QPushButton* loadRunButton_ = nullptr;
    QPushButton* loadFolderButton_ = nullptr;
    QLineEdit* promptEdit_ = nullptr;
    QPushButton* inspectButton_ = nullptr;
    QPushButton* stopButton_ = nullptr;
    QLabel* modelLabel_ = nullptr;
    QLabel* statusLabel_ = nullptr;
    QComboBox* hybridCombo_ = nullptr;
    QComboBox* stateCombo_ = nullptr;
    QComboBox* attentionCombo_ = nullptr;
    QComboBox* headCombo_ = nullptr;
    HeatmapPlot* stateMap_ = nullptr;
    HeatmapPlot* attentionMap_ = nullptr;
    EigenvaluePlot* eigenvalues_ = nullptr;
    QLabel* halfLifeLabel_ = nullptr;
    QCustomPlot* mixPlot_ = nullptr;
    QCPBars* mixBars_ = nullptr;
    QLabel* mixLabel_ = nullptr;
    QComboBox* historyBlockCombo_ = nullptr;
    QPushButton* historyButton_ = nullptr;
    MetricPlot* historyPlot_ = nullptr;
    QLabel* historyLabel_ = nullptr;

    QString device_ = QStringLiteral("cpu");
    QString workspace_;
    ModelHandle model_;
    PromptInspection result_;
    std::unique_ptr<JobThread<ModelLoadJob>> loadJob_;
    std::unique_ptr<JobThread<InspectionJob>> inspectionJob_;
    std::unique_ptr<JobThread<RecurrenceHistoryJob>> historyJob_;
    std::vector<i3::RecurrenceSnapshot> history_;
    QString runFolder_; // the loaded run's; empty for a model folder
    bool failed_ = false;
    QString error_;
};
