// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/train_config.h"

#include "base/error.h"


namespace i3 {

std::vector<std::string> TrainConfig::problems() const
{
    std::vector<std::string> found;
    auto require = [&](bool ok, const char* message) {
        if (!ok)
            found.emplace_back(message);
    };
    require(steps > 0, "steps must be positive");
    require(batch_size > 0, "the batch size must be positive");
    require(grad_accum > 0, "gradient accumulation must be at least 1");
    require(lr > 0, "the learning rate must be positive");
    require(warmup_steps >= 0, "warm-up steps cannot be negative");
    require(final_lr_ratio >= 0 && final_lr_ratio <= 1, "the final learning-rate ratio must be in [0, 1]");
    require(weight_decay >= 0, "weight decay cannot be negative");
    require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "Adam betas must be in [0, 1)");
    require(eps > 0, "Adam eps must be positive");
    require(grad_clip > 0, "the gradient clipping norm must be positive");
    require(log_every > 0 && eval_every > 0 && checkpoint_every > 0, "logging, evaluation and checkpoint intervals must be positive");
    require(loss_window > 0 && eval_windows > 0, "loss and evaluation windows must be positive");
    require(validation_fraction >= 0 && validation_fraction < 0.5, "the validation fraction must be in [0, 0.5)");
    require(sample_tokens >= 0, "sample length cannot be negative");
    require(device == "cpu" || device.rfind("cuda", 0) == 0, "the device must be cpu or cuda[:N]");
    return found;
}

void TrainConfig::validate() const { throw_if_any("invalid training configuration", problems()); }

nlohmann::json TrainConfig::to_json() const
{
    return {{"steps", steps},
            {"batch_size", batch_size},
            {"grad_accum", grad_accum},
            {"lr", lr},
            {"warmup_steps", warmup_steps},
            {"final_lr_ratio", final_lr_ratio},
            {"weight_decay", weight_decay},
            {"beta1", beta1},
            {"beta2", beta2},
            {"eps", eps},
            {"grad_clip", grad_clip},
            {"log_every", log_every},
            {"eval_every", eval_every},
            {"checkpoint_every", checkpoint_every},
            {"loss_window", loss_window},
            {"eval_windows", eval_windows},
            {"validation_fraction", validation_fraction},
            {"sample_prompts", sample_prompts},
            {"sample_tokens", sample_tokens},
            {"seed", seed},
            {"device", device}};
}

TrainConfig TrainConfig::from_json(const nlohmann::json& json)
{
    TrainConfig config;
    try {
        auto read = [&](const char* key, auto& field) {
            if (json.contains(key))
                json.at(key).get_to(field);
        };
        read("steps", config.steps);
        read("batch_size", config.batch_size);
        read("grad_accum", config.grad_accum);
        read("lr", config.lr);
        read("warmup_steps", config.warmup_steps);
        read("final_lr_ratio", config.final_lr_ratio);
        read("weight_decay", config.weight_decay);
        read("beta1", config.beta1);
        read("beta2", config.beta2);
        read("eps", config.eps);
        read("grad_clip", config.grad_clip);
        read("log_every", config.log_every);
        read("eval_every", config.eval_every);
        read("checkpoint_every", config.checkpoint_every);
        read("loss_window", config.loss_window);
        read("eval_windows", config.eval_windows);
        read("validation_fraction", config.validation_fraction);
        read("sample_prompts", config.sample_prompts);
        read("sample_tokens", config.sample_tokens);
        read("seed", config.seed);
        read("device", config.device);
    } catch (const nlohmann::json::exception& error) {
        throw Error(std::string("training configuration: ") + error.what());
    }
    return config;
}

} // namespace i3
