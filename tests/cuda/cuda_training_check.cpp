// SPDX-License-Identifier: GPL-3.0-or-later
// The GPU's training paths against the plain ones, on a CUDA machine (not registered with ctest):
//   - the fused update (foreach clipping + PyTorch's fused AdamW) against clip_grad_norm_ and
//     torch::optim::AdamW, over several steps of random gradients;
//   - a float32 training step on the GPU against the same step on the CPU;
//   - the blocked head loss on the GPU against cross_entropy over the full logits, in float32 and
//     under bf16 autocast;
//   - bf16 steps against float32 steps, and checkpointed activations against kept ones, on the GPU.
// Prints one line per check and "N passed, M failed"; exits non-zero on any failure.
#include "config/model_config.h"
#include "config/train_config.h"
#include "model/autocast.h"
#include "model/head_loss.h"
#include "model/i3_model.h"
#include "training/parameter_update.h"
#include "training/trainer.h"
#include "training/training_step.h"

#include <torch/torch.h>

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace {

int passed = 0, failed = 0;

void check(bool ok, const std::string& what, double measured, double bound)
{
    std::printf("%s %s: %.3g (bound %.3g)\n", ok ? "ok  " : "FAIL", what.c_str(), measured, bound);
    (ok ? passed : failed)++;
}

double relative(const at::Tensor& ours, const at::Tensor& expected)
{
    const auto e = expected.to(torch::kCPU, torch::kDouble), o = ours.to(torch::kCPU, torch::kDouble);
    return ((o - e).norm() / e.norm().clamp_min(1e-30)).item<double>();
}

i3::ModelConfig shape(int64_t vocab, int64_t context)
{
    i3::ModelConfig config = i3::ModelConfig::preset("i3-80m");
    config.vocab_size = vocab;
    config.max_seq_len = context;
    config.hybrid_layers = 3;
    config.attn_layers = 2;
    return config;
}

void copy_weights(i3::I3Model& from, i3::I3Model& to)
{
    torch::NoGradGuard no_grad;
    const auto source = from->parameters();
    auto target = to->parameters();
    for (size_t i = 0; i < source.size(); ++i)
        target[i].copy_(source[i]);
}

std::vector<i3::Batch> batches(int count, int64_t batch, const i3::ModelConfig& config, const torch::Device& device)
{
    std::vector<i3::Batch> made;
    for (int i = 0; i < count; ++i) {
        const auto tokens = torch::randint(0, config.vocab_size, {batch, config.max_seq_len + 1}, torch::kLong).to(device);
        made.push_back({tokens.narrow(1, 0, config.max_seq_len), tokens.narrow(1, 1, config.max_seq_len)});
    }
    return made;
}

void fused_update_equals_adamw()
{
    torch::manual_seed(1);
    i3::TrainConfig config;
    config.grad_clip = 0.5;
    i3::I3Model fused_model(shape(500, 32)), plain_model(shape(500, 32));
    fused_model->to(torch::kCUDA);
    plain_model->to(torch::kCUDA);
    copy_weights(fused_model, plain_model);
    auto fused_optimizer = i3::make_optimizer(fused_model, config);
    auto plain_optimizer = i3::make_optimizer(plain_model, config);
    i3::ParameterUpdate update(*fused_optimizer, config.grad_clip);
    check(update.fused(), "the update takes the fused path on CUDA", update.fused(), 1);
    double worst_norm = 0;
    for (int step = 0; step < 5; ++step) {
        const double lr = 1e-3 * (step + 1);
        auto fused_params = fused_model->parameters(), plain_params = plain_model->parameters();
        for (size_t i = 0; i < fused_params.size(); ++i) {
            const auto grad = torch::randn_like(fused_params[i]) * (step % 2 ? 0.01 : 1.0); // clipped, then not
            fused_params[i].mutable_grad() = grad.clone();
            plain_params[i].mutable_grad() = grad.clone();
        }
        const double fused_norm = update.apply(lr).item<double>();
        const double plain_norm = torch::nn::utils::clip_grad_norm_(plain_params, config.grad_clip);
        for (auto& group : plain_optimizer->param_groups())
            static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
        plain_optimizer->step();
        worst_norm = std::max(worst_norm, std::abs(fused_norm - plain_norm) / plain_norm);
    }
    check(worst_norm < 1e-5, "fused update: gradient norm against clip_grad_norm_", worst_norm, 1e-5);
    double worst = 0;
    const auto a = fused_model->parameters(), b = plain_model->parameters();
    for (size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, relative(a[i], b[i]));
    check(worst < 1e-5, "fused update: weights after 5 steps against torch::optim::AdamW", worst, 1e-5);
}

// Losses over `steps` steps of a model trained from the same weights with `config` on `device`.
std::vector<double> losses(i3::I3Model& start, const i3::ModelConfig& shape, i3::TrainConfig config,
                           const torch::Device& device, const std::vector<i3::Batch>& data, int steps,
                           bool graph = false)
{
    i3::I3Model model(shape);
    copy_weights(start, model);
    model->to(device);
    model->train();
    config.device = device.str();
    auto optimizer = i3::make_optimizer(model, config);
    i3::TrainingStep step(model, *optimizer, config, graph);
    std::vector<double> result;
    size_t next = 0;
    for (int s = 0; s < steps; ++s)
        result.push_back(step.run([&] { return i3::Batch{data[next].inputs.to(device), data[next++].targets.to(device)}; }, 1e-3)
                             .loss.item<double>());
    if (graph && !step.replays_graph())
        std::printf("not replaying a graph: %s\n", step.graph_note().c_str());
    return result;
}

double worst_relative(const std::vector<double>& a, const std::vector<double>& b)
{
    double worst = 0;
    for (size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, std::abs(a[i] - b[i]) / std::abs(b[i]));
    return worst;
}

void steps_agree()
{
    torch::manual_seed(2);
    const i3::ModelConfig config = shape(2000, 64);
    i3::I3Model start(config);
    const auto data = batches(12, 4, config, torch::kCPU);
    i3::TrainConfig fp32;
    const auto cpu = losses(start, config, fp32, torch::kCPU, data, 6);
    const auto gpu = losses(start, config, fp32, torch::kCUDA, data, 6);
    check(worst_relative(gpu, cpu) < 1e-4, "fp32 steps: GPU losses against CPU over 6 steps", worst_relative(gpu, cpu), 1e-4);
    i3::TrainConfig checkpointed = fp32;
    checkpointed.checkpoint_activations = true;
    const auto recomputed = losses(start, config, checkpointed, torch::kCUDA, data, 6);
    check(worst_relative(recomputed, gpu) < 1e-5, "fp32 steps: checkpointed activations against kept ones",
          worst_relative(recomputed, gpu), 1e-5);
    fp32.grad_accum = 2;
    const auto accumulated = losses(start, config, fp32, torch::kCUDA, data, 6);
    const auto accumulated_graph = losses(start, config, fp32, torch::kCUDA, data, 6, true);
    check(worst_relative(accumulated_graph, accumulated) < 1e-5,
          "fp32 steps of 2 micro-batches: replayed CUDA graph against eager steps",
          worst_relative(accumulated_graph, accumulated), 1e-5);
    fp32.grad_accum = 1;
    const auto graph = losses(start, config, fp32, torch::kCUDA, data, 6, true);
    check(worst_relative(graph, gpu) < 1e-5, "fp32 steps: replayed CUDA graph (from step 4) against eager steps",
          worst_relative(graph, gpu), 1e-5);
    i3::TrainConfig bf16 = fp32;
    bf16.precision = "bf16";
    const auto low = losses(start, config, bf16, torch::kCUDA, data, 6);
    check(worst_relative(low, gpu) < 2e-2, "bf16 steps against fp32 over 6 steps", worst_relative(low, gpu), 2e-2);
    const auto low_graph = losses(start, config, bf16, torch::kCUDA, data, 6, true);
    check(worst_relative(low_graph, low) < 1e-3, "bf16 steps: replayed CUDA graph against eager steps",
          worst_relative(low_graph, low), 1e-3);
    bf16.checkpoint_activations = true;
    const auto low_recomputed = losses(start, config, bf16, torch::kCUDA, data, 6);
    check(worst_relative(low_recomputed, low) < 1e-3, "bf16 steps: checkpointed activations against kept ones",
          worst_relative(low_recomputed, low), 1e-3);
}

void head_loss_agrees(std::optional<c10::ScalarType> autocast, double bound, const char* name)
{
    torch::manual_seed(3);
    torch::nn::Linear head(512, 35560);
    head->to(torch::kCUDA);
    const auto hidden = torch::randn({3000, 512}, torch::kCUDA).requires_grad_(true);
    const auto targets = torch::randint(0, 35560, {3000}, torch::TensorOptions().dtype(torch::kLong).device(torch::kCUDA));
    at::Tensor plain, blocked;
    {
        const i3::AutocastScope precision(c10::DeviceType::CUDA, autocast);
        plain = torch::nn::functional::cross_entropy(head(hidden), targets);
        blocked = i3::head_cross_entropy(hidden, *head, targets, i3::LossReduction::Mean, int64_t(35560) * 700);
    }
    const auto plain_grads = torch::autograd::grad({plain}, {hidden, head->weight, head->bias});
    const auto blocked_grads = torch::autograd::grad({blocked}, {hidden, head->weight, head->bias});
    check(relative(blocked, plain) < bound, std::string(name) + " head loss: loss against cross_entropy", relative(blocked, plain), bound);
    const char* names[] = {"hidden", "weight", "bias"};
    for (int i = 0; i < 3; ++i)
        check(relative(blocked_grads[i], plain_grads[i]) < bound,
              std::string(name) + " head loss: gradient of the " + names[i], relative(blocked_grads[i], plain_grads[i]), bound);
}

} // namespace

int main()
{
    if (!torch::cuda::is_available()) {
        std::printf("no CUDA device\n");
        return 1;
    }
    fused_update_equals_adamw();
    steps_agree();
    head_loss_agrees(std::nullopt, 1e-5, "fp32");
    head_loss_agrees(at::kBFloat16, 2e-2, "bf16");
    std::printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
