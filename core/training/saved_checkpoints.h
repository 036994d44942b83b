// SPDX-License-Identifier: GPL-3.0-or-later
// The checkpoints a run holds now, with the step each was saved at and whether it is the best or
// the latest: what the Playground offers to load.
#pragma once

#include "runs/run_folder.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace i3 {

struct SavedCheckpoint {
    std::filesystem::path folder; // checkpoints/step-NNNNNNN or checkpoints/best
    int64_t step = 0;             // from its trainer_state.json
    bool best = false;            // checkpoints/best
    bool latest = false;          // the one checkpoints/latest names
};

// The latest first, then the best, then the other periodic checkpoints from the newest back. A
// checkpoint whose trainer_state.json cannot be read (being written or damaged) is left out, and
// so is a latest pointer naming nothing; never throws for what a trainer may be changing.
std::vector<SavedCheckpoint> saved_checkpoints(const RunFolder& run);

} // namespace i3
