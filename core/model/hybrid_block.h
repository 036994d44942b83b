// SPDX-License-Identifier: GPL-3.0-or-later
// One RWKV-Mamba hybrid block (reference §2):  x += Hybrid(LN1(x));  x += FFN(LN2(x)).
#pragma once

#include "model/block.h"
#include "model/hybrid_scan.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

namespace i3 {

// The recurrence's parameters, named as in the reference: hybrid.w_mix, .A, .B, .C, .D.
class HybridMixerImpl : public torch::nn::Module {
public:
    HybridMixerImpl(int64_t d_model, int64_t d_state);
    void reset_parameters();
    torch::Tensor forward(const torch::Tensor& u);
    torch::Tensor forward(const torch::Tensor& u, HybridState& state);
    HybridParams params() const { return {w_mix, A, B, C, D}; }

    torch::Tensor w_mix, A, B, C, D;
};
TORCH_MODULE(HybridMixer);

class HybridBlockImpl : public BlockImpl {
public:
    HybridBlockImpl(int64_t d_model, int64_t d_state);
    torch::Tensor forward(const torch::Tensor& x) override;
    torch::Tensor forward(const torch::Tensor& x, BlockState& state, int64_t first_position) override;
    torch::Tensor step(const torch::Tensor& x, BlockState& state, const torch::Tensor& positions) override;
    BlockState new_state(int64_t batch, int64_t capacity) const override;
    void refresh(BlockState& state) const override;

    torch::nn::LayerNorm ln1{nullptr}, ln2{nullptr};
    HybridMixer hybrid{nullptr};
    torch::nn::Sequential ffn{nullptr};
};
TORCH_MODULE(HybridBlock);

} // namespace i3
