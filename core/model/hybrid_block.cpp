// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/hybrid_block.h"

#include "model/feed_forward.h"
#include "model/hybrid_step.h"

#include <torch/torch.h>

namespace i3 {

HybridMixerImpl::HybridMixerImpl(int64_t d_model, int64_t d_state)
{
    w_mix = register_parameter("w_mix", torch::empty({d_model}));
    A = register_parameter("A", torch::empty({d_state, d_state}));
    B = register_parameter("B", torch::empty({d_state, d_model}));
    C = register_parameter("C", torch::empty({d_model, d_state}));
    D = register_parameter("D", torch::empty({d_model}));
    reset_parameters();
}

void HybridMixerImpl::reset_parameters()
{
    torch::NoGradGuard no_grad;
    w_mix.fill_(0.5);
    for (auto* matrix : {&A, &B, &C})
        matrix->normal_(0.0, 1.0).mul_(0.01);
    D.fill_(0.1);
}

torch::Tensor HybridMixerImpl::forward(const torch::Tensor& u) { return hybrid_scan(u, params()); }

torch::Tensor HybridMixerImpl::forward(const torch::Tensor& u, HybridState& state)
{
    return hybrid_scan_with_state(u, params(), state);
}

HybridBlockImpl::HybridBlockImpl(int64_t d_model, int64_t d_state)
{
    ln1 = register_module("ln1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d_model}).eps(1e-5)));
    hybrid = register_module("hybrid", HybridMixer(d_model, d_state));
    ln2 = register_module("ln2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d_model}).eps(1e-5)));
    ffn = register_module("ffn", make_feed_forward(d_model));
}

torch::Tensor HybridBlockImpl::forward(const torch::Tensor& x)
{
    auto y = x + hybrid->forward(ln1(x));
    return y + ffn->forward(ln2(y));
}

torch::Tensor HybridBlockImpl::forward(const torch::Tensor& x, BlockState& state, int64_t first_position)
{
    auto& carried = std::get<HybridBlockState>(state);
    // A sequence starts afresh at position 0; undefined tensors are the scan's zero state.
    HybridState scan_state;
    if (first_position > 0)
        scan_state = {carried.h, carried.s};
    auto y = x + hybrid->forward(ln1(x), scan_state);
    carried.h.copy_(scan_state.h);
    carried.s.copy_(scan_state.s);
    return y + ffn->forward(ln2(y));
}

// The recurrence needs no positions: it only ever moves one step on from the carried state.
torch::Tensor HybridBlockImpl::step(const torch::Tensor& x, BlockState& state, const torch::Tensor&)
{
    auto& carried = std::get<HybridBlockState>(state);
    const auto mixed = hybrid_step(x, *ln1, hybrid->params(), carried.one_minus_w, carried.h, carried.s);
    return feed_forward_rows(ffn, *ln2, mixed);
}

// The recurrent state has the same size at every position: no capacity to allocate for.
BlockState HybridBlockImpl::new_state(int64_t batch, int64_t) const
{
    torch::NoGradGuard no_grad;
    const auto& mixer = *hybrid;
    const auto options = mixer.w_mix.options().requires_grad(false);
    return HybridBlockState{torch::zeros({batch, mixer.w_mix.size(0)}, options),
                            torch::zeros({batch, mixer.A.size(0)}, options), 1 - mixer.w_mix.detach()};
}

void HybridBlockImpl::refresh(BlockState& state) const
{
    torch::NoGradGuard no_grad;
    auto& carried = std::get<HybridBlockState>(state);
    carried.one_minus_w.copy_(1 - hybrid->w_mix.detach()); // in place: a CUDA graph holds its address
}

} // namespace i3
