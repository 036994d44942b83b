// SPDX-License-Identifier: GPL-3.0-or-later
// Looks at a dataset repo of the Hugging Face Hub for the Data panel: its file list (through the
// cache, as `--data hf:` reads it), the configs and splits the Hub's layouts find in it, and the
// first file of the chosen split, downloaded into the cache (with progress; Cancel stops it) for
// its text columns and first rows. Config, split or column left empty, or not in the repo, are
// chosen as the command line would: "default", "train", the reference's column or "text", else
// the first there is.
#pragma once

#include "data_choice.h"
#include "engine_job.h"
#include "hub_dataset_preview.h"

class HubDatasetJob : public EngineJob {
    Q_OBJECT
public:
    static constexpr int kPreviewRows = 20;
    static constexpr int kPreviewCharacters = 200;

    explicit HubDatasetJob(const HubDatasetChoice& query);

Q_SIGNALS:
    // Emitted once, before finished(), when the look-up completed.
    void inspected(HubDatasetPreview preview);

protected:
    void work() override;

private:
    const HubDatasetChoice query_;
};
