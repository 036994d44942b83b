// SPDX-License-Identifier: GPL-3.0-or-later
// run.json as a value: what a run is (its model and training configuration, its data) and where
// it stands. The one reader and writer of the file; run_schema.h names its keys.
#pragma once

#include "config/model_config.h"
#include "runs/run_schema.h"
#include "config/train_config.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace i3 {

// Where a forked run started: a checkpoint of another run (run_keys::kForkedFrom).
struct RunOrigin {
    std::filesystem::path run;        // the parent run folder
    std::filesystem::path checkpoint; // the checkpoint folder inside it
    int64_t step = 0;                 // the parent's step at that checkpoint
};

struct RunInfo {
    std::string created; // ISO 8601, UTC
    std::string updated;
    RunStatus status = RunStatus::Created;
    ModelConfig model;
    TrainConfig training;
    int64_t parameters = 0;
    int64_t train_tokens = 0;
    int64_t validation_tokens = 0;
    int64_t completed_steps = 0;
    std::optional<double> last_loss;
    std::string init_from; // the model folder whose weights it started from; empty: fresh weights
    std::optional<RunOrigin> forked_from; // a fork of another run's checkpoint
    int64_t world_size = 1; // ranks of the latest session (data parallel); training.batch_size is each rank's
    std::string backend;    // their collectives ("gloo", "nccl"); empty for one process
    nlohmann::json other_keys = nlohmann::json::object(); // written by a newer version: kept as they are

    // Sequences per micro-batch over all ranks: what stays the same when a run resumes on
    // another number of ranks.
    int64_t global_batch() const { return training.batch_size * world_size; }

    nlohmann::json to_json() const;
    // Throws i3::Error naming `file` and what is wrong.
    static RunInfo from_json(const nlohmann::json& json, const std::filesystem::path& file);
};

// Reads `file` (a run folder's run.json); throws i3::Error naming it when it is missing or wrong.
RunInfo read_run_info(const std::filesystem::path& file);
// Replaces `file` atomically.
void write_run_info(const std::filesystem::path& file, const RunInfo& info);

} // namespace i3
