// SPDX-License-Identifier: GPL-3.0-or-later
// Analyses the data a DataChoice names through the engine's prepare_data (downloads a Hub
// dataset's files, with their progress, builds or loads the tokenizer, encodes everything once
// into the token store, or finds it there) and reports the counts the Data panel shows, counted
// while encoding, with a short preview.
#pragma once

#include "data_choice.h"
#include "data_summary.h"
#include "engine_job.h"
#include "training/run_creation.h"

class DataJob : public EngineJob {
    Q_OBJECT
public:
    static constexpr int kPreviewTexts = static_cast<int>(i3::PreparedData::kPreviewTexts);
    static constexpr int kPreviewCharacters = 300;
    static constexpr int kTopChunks = 10;

    explicit DataJob(const DataChoice& choice);
    // A phase of preparing data, in the user's language (shared with the training job).
    static QString phaseText(i3::PreparationPhase phase);

Q_SIGNALS:
    // Emitted once, before finished(), when the analysis completed.
    void analysed(DataSummary summary);

protected:
    void work() override;

private:
    i3::DataSpec fetchedSpec();

    const DataChoice choice_;
};
