// SPDX-License-Identifier: GPL-3.0-or-later
// How the hybrid blocks' recurrence changed over a run: at every periodic checkpoint it kept
// (oldest first), each block's A as its spectral radius and the longest memory half-life that
// implies, and its w_mix as mean and range. Read from the checkpoints' weights alone, without
// building the model.
#pragma once

#include "base/cancel_token.h"
#include "formats/named_tensors.h"

#include <ATen/Tensor.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace i3 {

struct BlockRecurrence {
    int64_t layer = 0;          // i of layers.{i}
    double spectral_radius = 0; // the largest |λ| of A
    // Of the slowest fading direction: ln ½ / ln |λ| in tokens; +infinity when |λ| ≥ 1 for some λ.
    double longest_half_life = 0;
    double w_mix_mean = 0, w_mix_min = 0, w_mix_max = 0;
};

struct RecurrenceSnapshot {
    int64_t step = 0;
    std::vector<BlockRecurrence> blocks; // by layer
};

// From one state dict: every "layers.{i}.hybrid.A" with its "layers.{i}.hybrid.w_mix". Throws
// i3::Error naming `source` when one of a pair is missing or has the wrong shape.
std::vector<BlockRecurrence> recurrence_of(const NamedTensors& weights, const std::string& source);
BlockRecurrence block_recurrence(int64_t layer, const at::Tensor& A, const at::Tensor& w_mix);

// Called after each checkpoint: done, of all.
using HistoryProgress = std::function<void(size_t done, size_t checkpoints)>;

// Every periodic checkpoint of the run in `run_folder`, oldest first; one that a trainer removes
// while it is read is left out. Checks `cancel` between checkpoints (throws Cancelled).
std::vector<RecurrenceSnapshot> recurrence_over_training(const std::filesystem::path& run_folder,
                                                         const HistoryProgress& progress = {},
                                                         const CancelToken* cancel = nullptr);

} // namespace i3
