// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/hybrid_block.h"

#include "model/feed_forward.h"

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

torch::Tensor HybridBlockImpl::forward(const torch::Tensor& x, HybridState& state)
{
    auto y = x + hybrid->forward(ln1(x), state);
    return y + ffn->forward(ln2(y));
}

} // namespace i3
