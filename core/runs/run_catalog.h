// SPDX-License-Identifier: GPL-3.0-or-later
// Reading run folders (run_folder.h) from outside the trainer: the list of runs in a workspace,
// with status and final loss, and their metrics, also while a trainer (this process, another
// process, or a GPU server syncing the folder) is still appending to them.
#pragma once

#include "runs/run_annotations.h"
#include "runs/run_info.h"
#include "runs/run_schema.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

struct RunSummary {
    std::filesystem::path folder;
    std::string name;              // the folder's name
    std::optional<RunStatus> status; // run.json's; empty when run.json cannot be read
    std::string problem;           // why it is unreadable, in words (empty otherwise)
    int64_t steps_done = 0;        // the last logged step
    int64_t total_steps = 0;       // planned steps (run.json's training configuration)
    std::optional<double> last_loss;            // the last logged training loss
    std::optional<double> best_validation_loss; // the lowest val_loss of the evaluations
    int64_t parameters = 0;        // of the model configuration
    std::string description;       // e.g. "d_model 192, 4+2 layers, context 128"
    int64_t world_size = 1;        // the ranks it trains on (run.json's)
    std::string backend;           // theirs, "gloo" or "nccl"; empty for one process
    double seconds_since_update = 0; // since metrics.jsonl (or run.json) last changed
    std::optional<RunInfo> info;   // run.json, when it could be read
    std::string preset;            // the preset whose shape the model has (config/preset.h), or ""
    RunAnnotations annotations;    // its display name and notes (a broken file: none, and `problem` says why)

    // The display name, or the folder's name when it has none.
    const std::string& shown_name() const { return annotations.display_name.empty() ? name : annotations.display_name; }
};

// Every direct subfolder of `workspace` that holds a run.json, newest first (by last update).
// A missing workspace gives an empty list; a broken run.json gives an "unreadable" entry.
std::vector<RunSummary> list_runs(const std::filesystem::path& workspace);
// The summary of one run folder; throws i3::Error when it is not a run folder.
RunSummary summarize_run(const std::filesystem::path& folder);

// The curves of a run, as the trainer logs them in metrics.jsonl.
struct RunMetrics {
    std::vector<double> step, loss, perplexity, lr, grad_norm, tokens_per_second, elapsed_seconds; // "train" lines
    std::vector<std::vector<double>> rank_tokens_per_second; // per "train" line: each rank's (empty for one process)
    std::vector<double> eval_step, train_loss_mean, validation_loss, eval_elapsed_seconds;        // "eval" lines (validation_loss NaN when absent)

    // Adds one metrics.jsonl object; lines of other kinds are ignored.
    void add_line(const nlohmann::json& line);
};

// Follows a growing metrics.jsonl: each poll() returns only what was appended since the last
// call, as complete lines (a half-written last line waits for the next poll). A file that
// shrank, or was rewritten with other content, is read again from its start, and reset is then
// true.
class MetricsFollower {
public:
    explicit MetricsFollower(std::filesystem::path file) : file_(std::move(file)) {}

    struct Update {
        std::vector<nlohmann::json> lines;
        bool reset = false;
        int64_t skipped_lines = 0; // lines that were not JSON objects
    };
    Update poll();

private:
    void restart();

    std::filesystem::path file_;
    std::uintmax_t offset_ = 0;
    std::string partial_;
    std::string tail_; // the last bytes read, checked again to notice a rewritten file
};

// Everything in metrics.jsonl at once (through a MetricsFollower).
RunMetrics read_run_metrics(const std::filesystem::path& run_folder);

} // namespace i3
