// SPDX-License-Identifier: GPL-3.0-or-later
// One full-attention block (reference §2):  x += Attention(LN1(x));  x += FFN(LN2(x)).
#pragma once

#include "model/block.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

namespace i3 {

// Causal multi-head self-attention; parameters "qkv.*" and "out_proj.*".
class CausalSelfAttentionImpl : public torch::nn::Module {
public:
    CausalSelfAttentionImpl(int64_t d_model, int64_t n_heads);
    torch::Tensor forward(const torch::Tensor& x);
    // x holds the positions first_position.. ; their keys and values are written into the cache
    // (capacity permitting), and they attend to the cache's positions 0.. .
    torch::Tensor forward(const torch::Tensor& x, AttentionBlockState& cache, int64_t first_position);
    // One new token per row, every row at its own position: x [B, d] at positions [B] ->
    // x + attention(norm(x)); the cache receives the new entries in place (decode_attention.h,
    // row_linear.h: the norm is fused into the qkv layer, the residual into out_proj).
    torch::Tensor step(const torch::Tensor& x, torch::nn::LayerNormImpl& norm, AttentionBlockState& cache,
                       const torch::Tensor& positions);
    int64_t heads() const { return n_heads_; }

    torch::nn::Linear qkv{nullptr}, out_proj{nullptr};

private:
    torch::Tensor split_heads(const torch::Tensor& x) const; // [B, T, d] -> [B, heads, T, head_dim]
    torch::Tensor merge_heads(const torch::Tensor& x) const; // the inverse

    int64_t n_heads_;
};
TORCH_MODULE(CausalSelfAttention);

class AttentionBlockImpl : public BlockImpl {
public:
    AttentionBlockImpl(int64_t d_model, int64_t n_heads);
    torch::Tensor forward(const torch::Tensor& x) override;
    torch::Tensor forward(const torch::Tensor& x, BlockState& state, int64_t first_position) override;
    torch::Tensor step(const torch::Tensor& x, BlockState& state, const torch::Tensor& positions) override;
    BlockState new_state(int64_t batch, int64_t capacity) const override;

    torch::nn::LayerNorm ln1{nullptr}, ln2{nullptr};
    CausalSelfAttention attn{nullptr};
    torch::nn::Sequential ffn{nullptr};
};
TORCH_MODULE(AttentionBlock);

} // namespace i3
