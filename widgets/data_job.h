// SPDX-License-Identifier: GPL-3.0-or-later
// Analyses the data a DataChoice names: reads the texts, builds (or loads) the tokenizer, encodes
// everything once, and reports the counts the Data panel shows, with a short preview.
#pragma once

#include "data_choice.h"
#include "data_summary.h"
#include "engine_job.h"

class DataJob : public EngineJob {
    Q_OBJECT
public:
    static constexpr int kPreviewTexts = 50;
    static constexpr int kPreviewCharacters = 300;

    explicit DataJob(const DataChoice& choice);

Q_SIGNALS:
    // Emitted once, before finished(), when the analysis completed.
    void analysed(DataSummary summary);

protected:
    void work() override;

private:
    const DataChoice choice_;
};
