// SPDX-License-Identifier: GPL-3.0-or-later
// One full-attention block (reference §2):  x += Attention(LN1(x));  x += FFN(LN2(x)).
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

namespace i3 {

// Keys and values of the positions seen so far, for generation one token at a time.
struct AttentionCache {
    torch::Tensor keys;   // [batch, heads, capacity, head_dim]
    torch::Tensor values; // likewise
    int64_t length = 0;   // positions filled
};

// Causal multi-head self-attention; parameters "qkv.*" and "out_proj.*".
class CausalSelfAttentionImpl : public torch::nn::Module {
public:
    CausalSelfAttentionImpl(int64_t d_model, int64_t n_heads);
    torch::Tensor forward(const torch::Tensor& x);
    // x holds the positions cache.length.. ; they are appended to the cache (capacity permitting).
    torch::Tensor forward(const torch::Tensor& x, AttentionCache& cache);
    // One new token per row, for batched generation where every row is at its own position:
    // x [B, d] at positions [B] -> x + attention(norm(x)); keys/values [B, heads, capacity,
    // head_dim] receive the new entries in place (decode_attention.h, row_linear.h).
    torch::Tensor decode_step(const torch::Tensor& x, torch::nn::LayerNormImpl& norm, torch::Tensor& keys,
                              torch::Tensor& values, const torch::Tensor& positions);

    torch::nn::Linear qkv{nullptr}, out_proj{nullptr};

private:
    torch::Tensor split_heads(const torch::Tensor& x) const; // [B, T, d] -> [B, heads, T, head_dim]
    torch::Tensor merge_heads(const torch::Tensor& x) const; // the inverse

    int64_t n_heads_;
};
TORCH_MODULE(CausalSelfAttention);

class AttentionBlockImpl : public torch::nn::Module {
public:
    AttentionBlockImpl(int64_t d_model, int64_t n_heads);
    torch::Tensor forward(const torch::Tensor& x);
    torch::Tensor forward(const torch::Tensor& x, AttentionCache& cache);

    torch::nn::LayerNorm ln1{nullptr}, ln2{nullptr};
    CausalSelfAttention attn{nullptr};
    torch::nn::Sequential ffn{nullptr};
};
TORCH_MODULE(AttentionBlock);

} // namespace i3
