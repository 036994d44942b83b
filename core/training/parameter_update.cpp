// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/parameter_update.h"

#include "base/error.h"
#include "model/torch_features.h"

#include <torch/torch.h>

namespace i3 {

namespace {

std::vector<at::Tensor> parameters_of(torch::optim::AdamW& optimizer)
{
    std::vector<at::Tensor> params;
    for (auto& group : optimizer.param_groups())
        for (auto& p : group.params())
            params.push_back(p);
    return params;
}

void set_learning_rate(torch::optim::AdamW& optimizer, double lr)
{
    for (auto& group : optimizer.param_groups())
        static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
}

// The fused kernel takes float32 CUDA tensors in one group with one set of options.
bool fusable(torch::optim::AdamW& optimizer)
{
    if (!I3_TORCH_HAS_FUSED_TRAINING || optimizer.param_groups().size() != 1)
        return false;
    const auto& options = static_cast<const torch::optim::AdamWOptions&>(optimizer.param_groups()[0].options());
    if (options.amsgrad())
        return false;
    const auto params = parameters_of(optimizer);
    return !params.empty() && std::all_of(params.begin(), params.end(), [&](const at::Tensor& p) {
        return p.is_cuda() && p.scalar_type() == at::kFloat && p.device() == params.front().device();
    });
}

#if I3_TORCH_HAS_FUSED_TRAINING
bool follows_on_by_one(const std::vector<double>& before, const std::vector<double>& now)
{
    if (before.size() != now.size())
        return false;
    for (size_t i = 0; i < now.size(); ++i)
        if (now[i] != before[i] + 1)
            return false;
    return true;
}
#endif

} // namespace

ParameterUpdate::ParameterUpdate(torch::optim::AdamW& optimizer, double max_norm)
    : optimizer_(optimizer), max_norm_(max_norm), fused_(fusable(optimizer))
{
}

at::Tensor ParameterUpdate::apply(double lr)
{
    if (!fused_) {
        const at::Tensor norm = clip_one_by_one();
        set_learning_rate(optimizer_, lr);
        optimizer_.step();
        return norm;
    }
    set_fused_learning_rate(lr);
    return update_fused(true);
}

at::Tensor ParameterUpdate::clip_one_by_one()
{
    std::vector<at::Tensor> params = parameters_of(optimizer_);
    return torch::tensor(torch::nn::utils::clip_grad_norm_(params, max_norm_), torch::kDouble);
}

#if I3_TORCH_HAS_FUSED_TRAINING

// As clip_grad_norm_ computes it (the norm of the per-tensor norms, grads scaled by
// max_norm / (norm + 1e-6) when that is below 1), with the factor kept on the device.
at::Tensor ParameterUpdate::clip_fused(const std::vector<at::Tensor>& grads)
{
    if (grads.empty())
        return at::zeros({}, parameters_of(optimizer_).front().options());
    const at::Tensor norm = at::stack(at::_foreach_norm(grads, 2)).norm();
    const at::Tensor factor = at::clamp_max(max_norm_ / (norm + 1e-6), 1.0);
    at::_foreach_mul_(grads, factor);
    return norm;
}

at::Tensor ParameterUpdate::record()
{
    if (!fused_)
        throw Error("only the fused update can be recorded in a CUDA graph");
    return update_fused(false);
}

void ParameterUpdate::before_replay(double lr)
{
    set_fused_learning_rate(lr);
    auto& state = optimizer_.state();
    for (const auto& p : parameters_of(optimizer_))
        if (const auto found = state.find(p.unsafeGetTensorImpl()); found != state.end()) {
            auto& adam = static_cast<torch::optim::AdamWParamState&>(*found->second);
            adam.step(adam.step() + 1);
        }
    for (double& count : device_counts_)
        count += 1; // the replay's own increment of steps_
}

void ParameterUpdate::set_fused_learning_rate(double lr)
{
    if (!lr_.defined())
        lr_ = at::empty({}, parameters_of(optimizer_).front().options());
    lr_.fill_(lr);
}

// torch::optim::AdamW's arithmetic in PyTorch's fused kernel. Its state lives where AdamW keeps
// it (created the same way on first use), so saving, loading and the one-by-one path see it.
// The kernel reads the learning rate and the step numbers from the device, so a recorded update
// replays with new ones.
at::Tensor ParameterUpdate::update_fused(bool count_on_host)
{
    std::vector<at::Tensor> params, grads, exp_avgs, exp_avg_sqs;
    std::vector<double> counts;
    auto& state = optimizer_.state();
    for (const auto& p : parameters_of(optimizer_)) {
        if (!p.grad().defined())
            continue;
        auto& slot = state[p.unsafeGetTensorImpl()];
        if (!slot) {
            auto fresh = std::make_unique<torch::optim::AdamWParamState>();
            fresh->step(0);
            fresh->exp_avg(torch::zeros_like(p, at::MemoryFormat::Preserve));
            fresh->exp_avg_sq(torch::zeros_like(p, at::MemoryFormat::Preserve));
            slot = std::move(fresh);
        }
        auto& adam = static_cast<torch::optim::AdamWParamState&>(*slot);
        if (count_on_host)
            adam.step(adam.step() + 1);
        counts.push_back(static_cast<double>(adam.step()) + (count_on_host ? 0 : 1));
        params.push_back(p);
        grads.push_back(p.grad());
        exp_avgs.push_back(adam.exp_avg());
        exp_avg_sqs.push_back(adam.exp_avg_sq());
    }
    const at::Tensor norm = clip_fused(grads);
    // The step numbers go to the device once, and again whenever they no longer follow on by
    // one from what it holds (a checkpoint was loaded); otherwise one increment keeps them.
    if (follows_on_by_one(device_counts_, counts)) {
        steps_.add_(1); // in place: the views see it
    } else {
        if (!count_on_host)
            throw Error("the fused update's step numbers must be on the device before it is recorded");
        steps_ = torch::tensor(counts, torch::kFloat).to(params.front().device());
        step_views_ = steps_.unbind();
    }
    if (count_on_host)
        device_counts_ = std::move(counts);
    const auto& options = static_cast<const torch::optim::AdamWOptions&>(optimizer_.param_groups()[0].options());
    const auto [beta1, beta2] = options.betas();
    at::_fused_adamw_(params, grads, exp_avgs, exp_avg_sqs, {}, step_views_, lr_, beta1, beta2,
                      options.weight_decay(), options.eps(), /*amsgrad=*/false, /*maximize=*/false);
    return norm;
}

#else

// fusable() is false without them: none of these is reached.
at::Tensor ParameterUpdate::clip_fused(const std::vector<at::Tensor>&) { return clip_one_by_one(); }
at::Tensor ParameterUpdate::update_fused(bool) { return clip_one_by_one(); }
at::Tensor ParameterUpdate::record() { throw Error("only the fused update can be recorded in a CUDA graph"); }
void ParameterUpdate::before_replay(double) {}
void ParameterUpdate::set_fused_learning_rate(double) {}

#endif

} // namespace i3
