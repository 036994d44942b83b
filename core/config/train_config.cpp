// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/train_config.h"

#include "base/device.h"
#include "base/error.h"
#include "data/token_store.h"

namespace i3 {

namespace {

using S = Setting<TrainConfig>;
using R = ValueRange;

const std::vector<S> kSettings = {
    {"steps", "steps", "N", "optimizer steps", &TrainConfig::steps, R::at_least(1), "steps must be positive"},
    {"batch_size", "batch", "N", "sequences per micro-batch", &TrainConfig::batch_size, R::from_to(1, 1 << 24),
     "the batch size must be between 1 and 16777216"},
    {"grad_accum", "grad-accum", "N", "micro-batches per optimizer step", &TrainConfig::grad_accum,
     R::from_to(1, 1 << 20), "gradient accumulation must be between 1 and 1048576"},
    {"lr", "lr", "X", "peak learning rate", &TrainConfig::lr, R::above(0), "the learning rate must be positive"},
    {"warmup_steps", "warmup", "N", "linear warm-up steps: step i (from 0) uses lr x (i + 1) / N",
     &TrainConfig::warmup_steps, R::at_least(0), "warm-up steps cannot be negative"},
    {"final_lr_ratio", "min-lr-ratio", "X", "final learning rate as a fraction of the peak", &TrainConfig::final_lr_ratio,
     R::from_to(0, 1), "the final learning-rate ratio must be in [0, 1]"},
    {"weight_decay", "weight-decay", "X", "AdamW weight decay", &TrainConfig::weight_decay, R::at_least(0),
     "weight decay cannot be negative"},
    {"beta1", "beta1", "X", "AdamW's first beta", &TrainConfig::beta1, R::from_to(0, 1, true),
     "Adam beta1 must be in [0, 1)"},
    {"beta2", "beta2", "X", "AdamW's second beta", &TrainConfig::beta2, R::from_to(0, 1, true),
     "Adam beta2 must be in [0, 1)"},
    {"eps", "adam-eps", "X", "AdamW's epsilon", &TrainConfig::eps, R::above(0), "Adam eps must be positive"},
    {"grad_clip", "clip", "X", "gradient clipping norm", &TrainConfig::grad_clip, R::above(0),
     "the gradient clipping norm must be positive"},
    {"log_every", "log-every", "N", "log line interval in steps", &TrainConfig::log_every, R::at_least(1),
     "the logging interval must be positive"},
    {"eval_every", "eval-every", "N", "evaluation + samples + best checkpoint interval", &TrainConfig::eval_every,
     R::at_least(1), "the evaluation interval must be positive"},
    {"checkpoint_every", "checkpoint-every", "N", "checkpoint interval", &TrainConfig::checkpoint_every,
     R::at_least(1), "the checkpoint interval must be positive"},
    {"weights_every", "weights-every", "N",
     "interval in steps of each weight tensor's norms and histograms, and its gradient's (weights.jsonl; 0: none)",
     &TrainConfig::weights_every, R::at_least(0), "the weight statistics interval cannot be negative"},
    {"keep_checkpoints", "keep-checkpoints", "N", "periodic checkpoints kept: the newest N (0: all), plus the best",
     &TrainConfig::keep_checkpoints, R::at_least(kKeepAllCheckpoints), "the number of kept checkpoints cannot be negative"},
    {"loss_window", "loss-window", "N", "recent training losses averaged at each evaluation", &TrainConfig::loss_window,
     R::at_least(1), "the loss window must be positive"},
    {"eval_windows", "eval-windows", "N", "validation windows per evaluation", &TrainConfig::eval_windows,
     R::at_least(1), "the number of evaluation windows must be positive"},
    {"validation_fraction", "val-fraction", "X", "share of tokens held out for validation",
     &TrainConfig::validation_fraction, R::from_to(0, kMaxValidationFraction, true),
     "the validation fraction must be in [0, 0.5)"},
    {"sample_prompts", "sample-prompts", "TEXT", "prompts sampled at each evaluation", &TrainConfig::sample_prompts},
    {"sample_tokens", "sample-tokens", "N", "tokens per sample at each evaluation", &TrainConfig::sample_tokens,
     R::at_least(0), "sample length cannot be negative"},
    {"seed", "seed", "N", "random seed", &TrainConfig::seed},
    {"device", "device", "D", "cpu, cuda or cuda:N", &TrainConfig::device},
    {"precision", "precision", "P", "fp32, or bf16 (CUDA): bf16 matrix products over float32 weights",
     &TrainConfig::precision},
    {"checkpoint_activations", "checkpoint-activations", "",
     "keep only each block's input and recompute the rest in the backward pass (less memory, ~30% slower)",
     &TrainConfig::checkpoint_activations},
};

} // namespace

const std::vector<Setting<TrainConfig>>& TrainConfig::settings() { return kSettings; }

std::vector<std::string> TrainConfig::problems() const
{
    std::vector<std::string> found;
    add_range_problems(*this, kSettings, found);
    const auto parsed_device = parse_device(device);
    if (!parsed_device)
        found.emplace_back("the device must be cpu or cuda[:N]");
    const auto parsed_precision = parse_precision(precision);
    if (!parsed_precision)
        found.emplace_back("the precision must be fp32 or bf16");
    else if (*parsed_precision == Precision::BFloat16 && parsed_device && !parsed_device->cuda)
        found.emplace_back("bf16 training needs a CUDA device; on the CPU, train in fp32");
    return found;
}

Precision TrainConfig::step_precision() const { return parse_precision(precision).value_or(Precision::Float32); }

void TrainConfig::validate() const
{
    const auto found = problems();
    if (!found.empty())
        throw SettingsError(problem_list("invalid training configuration", found));
}

nlohmann::json TrainConfig::to_json() const
{
    nlohmann::json json = unknown_keys;
    write_settings(json, *this, kSettings);
    return json;
}

TrainConfig TrainConfig::from_json(const nlohmann::json& json) { return from_json(json, TrainConfig{}); }

TrainConfig TrainConfig::from_json(const nlohmann::json& json, TrainConfig base)
{
    read_settings(json, base, kSettings, "training configuration");
    for (const auto& [key, value] : json.items())
        if (!find_setting(kSettings, key))
            base.unknown_keys[key] = value;
    return base;
}

} // namespace i3
