// SPDX-License-Identifier: GPL-3.0-or-later
// The colour scale of token probabilities (TokenView::probabilityColor), drawn as a bar to stand
// between "low" and "high" labels.
#pragma once

#include <QWidget>

class ProbabilityLegend : public QWidget {
public:
    explicit ProbabilityLegend(QWidget* parent = nullptr);

protected:
    void paintEvent(QPaintEvent* event) override;
};
