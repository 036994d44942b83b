// SPDX-License-Identifier: GPL-3.0-or-later
// Training hyperparameters. The defaults are the reference's train.py (§6); settings() describes
// every field once, for run.json, the command line, the studio's form and the checks.
#pragma once

#include "base/precision.h"
#include "base/setting.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace i3 {

// keep_checkpoints that prunes nothing: what runs made before checkpoint retention existed get.
inline constexpr int64_t kKeepAllCheckpoints = 0;

struct TrainConfig {
    int64_t steps = 5000;
    int64_t batch_size = 4;
    int64_t grad_accum = 1; // micro-batches per optimizer step
    double lr = 3e-4;
    int64_t warmup_steps = 100;
    double final_lr_ratio = 0.1;
    double weight_decay = 0.01;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double grad_clip = 1.0;
    int64_t log_every = 10;
    int64_t eval_every = 500;
    int64_t checkpoint_every = 500;
    int64_t weights_every = 50;       // per-tensor weight and gradient statistics (weights.jsonl); 0: none
    int64_t keep_checkpoints = 3;     // periodic checkpoints kept, besides the best; kKeepAllCheckpoints: all
    int64_t loss_window = 100;        // "mean of the last 100 losses"
    int64_t eval_windows = 32;        // validation windows per evaluation
    double validation_fraction = 0.05;
    std::vector<std::string> sample_prompts = {"hello", "user: tell me", "once upon a time"};
    int64_t sample_tokens = 50;
    uint64_t seed = 42;
    std::string device = "cpu";
    std::string precision = "fp32";      // base/precision.h: fp32 or bf16 (CUDA only)
    bool checkpoint_activations = false; // recompute each block's activations in the backward pass
    nlohmann::json unknown_keys = nlohmann::json::object(); // from a newer version: kept, written back

    static const std::vector<Setting<TrainConfig>>& settings();

    std::vector<std::string> problems() const;
    Precision step_precision() const; // precision, parsed; call on a validated configuration
    void validate() const;
    nlohmann::json to_json() const;
    static TrainConfig from_json(const nlohmann::json& json);
    // The keys present replace those of `base` (a preset's recipe names only what it changes).
    static TrainConfig from_json(const nlohmann::json& json, TrainConfig base);
};

} // namespace i3
