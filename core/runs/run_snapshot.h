// SPDX-License-Identifier: GPL-3.0-or-later
// A run's checkpoint as a model folder that load_model_folder() reads, copied first, so loading
// never races with a trainer that is writing the next checkpoint or removing an old one.
#pragma once

#include <filesystem>

namespace i3 {

enum class RunCheckpoint { Latest, Best };

// Copies the run's config.json, tokenizer.json and the chosen checkpoint's model.safetensors and
// trainer_state.json (its step) into `snapshot_folder` (created or emptied), retrying when the
// checkpoint disappears while it is copied (a newer one replaced it). Returns `snapshot_folder`.
// Throws i3::Error when the run has no such checkpoint yet, or it cannot be copied.
std::filesystem::path snapshot_run_checkpoint(const std::filesystem::path& run_folder,
                                              const std::filesystem::path& snapshot_folder,
                                              RunCheckpoint which = RunCheckpoint::Latest);
// The same for one checkpoint folder of the run (checkpoints/step-NNNNNNN or checkpoints/best);
// a periodic one the trainer has pruned since is reported as gone.
std::filesystem::path snapshot_run_checkpoint(const std::filesystem::path& run_folder,
                                              const std::filesystem::path& snapshot_folder,
                                              const std::filesystem::path& checkpoint);

} // namespace i3
