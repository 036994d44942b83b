// SPDX-License-Identifier: GPL-3.0-or-later
// The layout of a training run, the same whether the CLI or the studio wrote it:
//   run.json                  model + training configuration, data sources, status
//   config.json, tokenizer.json
//   tokens/train.tokens, tokens/validation.tokens   the encoded corpus, reused on resume
//   metrics.jsonl             one JSON object per logged step or evaluation
//   samples.jsonl             the texts sampled at each evaluation
//   checkpoints/step-NNNNNNN/ model.safetensors, optimizer.pt, trainer_state.json
//   checkpoints/best/         the same, for the best evaluation so far
//   checkpoints/latest        the name of the newest checkpoint folder
//   i3-model-artifacts/       config.json, pytorch_model.bin, model.safetensors, tokenizer.json
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace i3 {

class RunFolder {
public:
    explicit RunFolder(std::filesystem::path root) : root_(std::move(root)) {}

    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path run_file() const { return root_ / "run.json"; }
    std::filesystem::path model_config_file() const { return root_ / "config.json"; }
    std::filesystem::path tokenizer_file() const { return root_ / "tokenizer.json"; }
    std::filesystem::path train_tokens_file() const { return root_ / "tokens" / "train.tokens"; }
    std::filesystem::path validation_tokens_file() const { return root_ / "tokens" / "validation.tokens"; }
    std::filesystem::path metrics_file() const { return root_ / "metrics.jsonl"; }
    std::filesystem::path samples_file() const { return root_ / "samples.jsonl"; }
    std::filesystem::path checkpoints_dir() const { return root_ / "checkpoints"; }
    std::filesystem::path checkpoint_dir(int64_t step) const;
    std::filesystem::path best_checkpoint_dir() const { return checkpoints_dir() / "best"; }
    std::filesystem::path artifacts_dir() const { return root_ / "i3-model-artifacts"; }

    // The newest checkpoint folder, if any was written.
    std::optional<std::filesystem::path> latest_checkpoint() const;
    void set_latest_checkpoint(const std::filesystem::path& checkpoint) const;

    // Appends one line to a .jsonl log and flushes it, so a watcher sees it at once.
    static void append_json_line(const std::filesystem::path& file, const nlohmann::json& line);

    nlohmann::json read_run_info() const;
    void write_run_info(const nlohmann::json& info) const;

private:
    std::filesystem::path root_;
};

} // namespace i3
