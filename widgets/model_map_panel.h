// SPDX-License-Identifier: GPL-3.0-or-later
// Model map: a run's model as its blocks in order (embedding, hybrid blocks, attention blocks,
// head) with their parameters and training FLOPs per token, and, from the run's weights.jsonl,
// which of them are learning: click a block for its tensors' weight and gradient norms and
// update-to-weight ratios over training, and the histograms of their weights and gradients at a
// chosen step. It follows a run that is still training as the file grows.
#pragma once

#include "block_map.h"

#include "config/model_blocks.h"
#include "config/model_config.h"
#include "runs/run_catalog.h"
#include "runs/weight_history.h"

#include <QString>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class MetricPlot;
class QCPBars;
class QComboBox;
class QCustomPlot;
class QLabel;
class QScrollArea;
class QTableWidget;

class ModelMapPanel : public QWidget {
    Q_OBJECT
public:
    enum Column { TensorColumn, ShapeColumn, ParametersColumn, WeightNormColumn, GradNormColumn, RatioColumn };

    explicit ModelMapPanel(QWidget* parent = nullptr);
    ~ModelMapPanel() override;

    QString runFolder() const { return runFolder_; }
    const std::vector<i3::WeightRecord>& records() const { return records_; }
    // The step whose numbers the table, the bars and the histograms show; -1 before any record.
    qint64 shownStep() const;
    int selectedBlock() const { return blockMap_->selected(); }
    QString selectedTensor() const { return tensor_; }

    BlockMap* blockMap() const { return blockMap_; }
    QTableWidget* tensorTable() const { return table_; }
    MetricPlot* normPlot() const { return normPlot_; }
    MetricPlot* ratioPlot() const { return ratioPlot_; }
    QCPBars* weightBars() const { return weightBars_; }
    QCPBars* gradBars() const { return gradBars_; }
    QString noteText() const;

    // The series ids of the plots.
    static QString weightNormSeries() { return QStringLiteral("weight"); }
    static QString gradNormSeries() { return QStringLiteral("grad"); }
    static QString tensorRatioSeries() { return QStringLiteral("tensor"); }
    static QString blockRatioSeries() { return QStringLiteral("block"); }

public Q_SLOTS:
    // Shows a run folder's model and follows its weights.jsonl; an empty folder shows nothing.
    void showRun(const QString& runFolder);
    // Reads what weights.jsonl gained (the timer does this while a run is shown).
    void poll();
    void selectBlock(int index);
    void selectTensor(const QString& name);
    // The recorded step to show (the nearest recorded one); -1: always the latest.
    void selectStep(qint64 step);

private:
    QWidget* buildPlots();
    void showBlocks();
    void fillSteps();
    void showRecord();
    void showTensorCurves();
    void showHistograms();
    void showHistogram(QCustomPlot* plot, QCPBars* bars, const i3::ValueHistogram& histogram);
    const i3::WeightRecord* shownRecord() const;
    QString blockName(const i3::ModelBlock& block) const;

    QLabel* runLabel_ = nullptr;
    QComboBox* stepCombo_ = nullptr;
    QLabel* noteLabel_ = nullptr;
    BlockMap* blockMap_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    QWidget* left_ = nullptr;
    QLabel* blockLabel_ = nullptr;
    QTableWidget* table_ = nullptr;
    MetricPlot* normPlot_ = nullptr;
    MetricPlot* ratioPlot_ = nullptr;
    QCustomPlot* weightPlot_ = nullptr;
    QCustomPlot* gradPlot_ = nullptr;
    QCPBars* weightBars_ = nullptr;
    QCPBars* gradBars_ = nullptr;

    QString runFolder_;
    i3::ModelConfig config_;
    qint64 weightsEvery_ = 0;
    std::vector<i3::ModelBlock> blocks_;
    std::unique_ptr<i3::MetricsFollower> follower_;
    std::vector<i3::WeightRecord> records_;
    qint64 wantedStep_ = -1; // -1: the latest
    QString tensor_;
    QTimer followTimer_;
};
