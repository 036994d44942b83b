// SPDX-License-Identifier: GPL-3.0-or-later
// The paths of a training run's folder (run_schema.h has the layout), the same whether the CLI or
// the studio wrote it, and the few operations on it that more than one reader needs.
#pragma once

#include "runs/run_info.h"
#include "runs/run_schema.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

namespace i3 {

// A new run needs a folder of its own: absent, or an empty folder. Anything else (a file, a
// folder holding a run or someone's files) is refused with an i3::Error before anything is
// written, so nothing in it changes.
void check_new_run_folder(const std::filesystem::path& folder);

class RunFolder {
public:
    explicit RunFolder(std::filesystem::path root) : root_(std::move(root)) {}

    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path run_file() const { return root_ / run_files::kRunInfo; }
    std::filesystem::path model_config_file() const { return root_ / run_files::kModelConfig; }
    std::filesystem::path tokenizer_file() const { return root_ / run_files::kTokenizer; }
    std::filesystem::path tokens_dir() const { return root_ / run_files::kTokensDir; }
    // Part `index` of the encoded corpus: tokens/000.tokens, ...
    std::filesystem::path token_file(size_t index) const;
    // The parts there are, in order.
    std::vector<std::filesystem::path> token_files() const;
    // A run made before the token store: its two files.
    std::filesystem::path legacy_train_tokens_file() const { return tokens_dir() / run_files::kTrainTokens; }
    std::filesystem::path legacy_validation_tokens_file() const { return tokens_dir() / run_files::kValidationTokens; }
    std::filesystem::path metrics_file() const { return root_ / run_files::kMetrics; }
    std::filesystem::path samples_file() const { return root_ / run_files::kSamples; }
    std::filesystem::path weights_file() const { return root_ / run_files::kWeights; }
    std::filesystem::path checkpoints_dir() const { return root_ / run_files::kCheckpointsDir; }
    std::filesystem::path checkpoint_dir(int64_t step) const;
    std::filesystem::path best_checkpoint_dir() const { return checkpoints_dir() / run_files::kBestCheckpoint; }
    std::filesystem::path artifacts_dir() const { return root_ / run_files::kArtifactsDir; }
    std::filesystem::path tensorboard_dir() const { return root_ / run_files::kTensorBoardDir; }

    // The newest checkpoint folder, if any was written.
    std::optional<std::filesystem::path> latest_checkpoint() const;
    void set_latest_checkpoint(const std::filesystem::path& checkpoint) const;
    // The periodic checkpoints (step-NNNNNNN), oldest first; "best" is not one of them.
    std::vector<std::filesystem::path> step_checkpoints() const;

    // Appends one line to a .jsonl log in one write, so a watcher sees it at once and a full disk
    // leaves no half line behind; throws i3::Error naming the file.
    static void append_json_line(const std::filesystem::path& file, const nlohmann::json& line);
    // Keeps the lines of a .jsonl log whose "step" is at most `step`, dropping a torn last line
    // and anything else this program did not write: a resumed run logs the later steps again.
    static void keep_lines_up_to(const std::filesystem::path& file, int64_t step);

    RunInfo read_info() const { return read_run_info(run_file()); }
    void write_info(const RunInfo& info) const { write_run_info(run_file(), info); }

private:
    std::filesystem::path root_;
};

} // namespace i3
