// SPDX-License-Identifier: GPL-3.0-or-later
// One token of the workbench up close: its probability, rank and entropy, and the model's most
// probable tokens at its place with their probabilities, under the model and as the sampler
// would draw them. The rows inside the top-k/top-p cut-off are shaded; the shading and the
// sampler's column follow the sliders from the position's kept logits, without running the
// model. Choosing a row and Branch (or a double click) asks to continue the text from there.
#pragma once

#include "model_handle.h"
#include "workbench_job.h"

#include "generation/sampler.h"
#include "inspect/next_token_distribution.h"

#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

class TokenDetails : public QWidget {
    Q_OBJECT
public:
    enum Column { TokenColumn, IdColumn, ProbabilityColumn, SamplingColumn, ColumnCount };
    static constexpr int kAlternatives = 12;

    explicit TokenDetails(QWidget* parent = nullptr);

    // Token `index` of `sequence`, which `model` (for the alternatives' texts) made; `name` says
    // which model that is.
    void showToken(const ModelHandle& model, const QString& name, const SharedTokenSequence& sequence, int index,
                   const i3::SamplingOptions& sampling);
    // New slider settings: the cut-off and the sampler's column again.
    void setSampling(const i3::SamplingOptions& sampling);
    void clear();
    void setBranchingEnabled(bool enabled);

    int index() const { return index_; }
    QString summaryText() const;
    QTableWidget* table() const { return table_; }
    // The token id of a row of the table, and whether it lies inside the cut-off.
    qint64 rowToken(int row) const;
    bool rowInsideCut(int row) const;
    const i3::NextTokenDistribution& distribution() const { return distribution_; }

Q_SIGNALS:
    void branchRequested(int index, qint64 alternative);

private:
    void fill();
    void requestBranch();

    QLabel* tokenLabel_ = nullptr;
    QLabel* cutLabel_ = nullptr;
    QTableWidget* table_ = nullptr;
    QPushButton* branchButton_ = nullptr;

    ModelHandle model_;
    SharedTokenSequence sequence_;
    int index_ = -1;
    i3::SamplingOptions sampling_;
    i3::NextTokenDistribution distribution_;
    bool branching_ = true;
};
