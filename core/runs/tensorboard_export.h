// SPDX-License-Identifier: GPL-3.0-or-later
// A run's metrics.jsonl as a TensorBoard event file, so that TensorBoard (and the tools that read
// its files, such as Weights & Biases' `wandb sync`) show our runs. Each metrics line is one event
// at its step: "train" lines give train/loss, train/perplexity, train/learning_rate,
// train/grad_norm and train/tokens_per_second; "eval" lines eval/train_loss_mean and, where the run
// has a validation split, eval/validation_loss and eval/validation_perplexity. An event's wall time
// is the run's creation time plus the line's training time (elapsed_s).
#pragma once

#include <cstdint>
#include <filesystem>

namespace i3 {

struct TensorBoardExport {
    std::filesystem::path file; // OUT/events.out.tfevents.<creation time>.i3lm
    size_t events = 0;          // metrics lines written (the file-version record not counted)
    size_t scalars = 0;
    int64_t skipped_lines = 0;  // lines of metrics.jsonl that were not JSON objects
};

// Writes the event file into `out_folder` (made if absent), replacing the one an earlier export
// of the same run wrote, atomically. Throws i3::Error naming the file when `run_folder` is no run
// or has no metrics yet.
TensorBoardExport export_tensorboard(const std::filesystem::path& run_folder, const std::filesystem::path& out_folder);

} // namespace i3
