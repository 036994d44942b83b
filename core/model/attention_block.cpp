// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/attention_block.h"

#include "base/error.h"
#include "model/decode_attention.h"
#include "model/feed_forward.h"
#include "model/row_linear.h"

#include <torch/torch.h>

#include <cmath>

namespace i3 {

namespace {

// softmax(q k^T / sqrt(head_dim)) v where query i (at absolute position first_query + i) sees the
// keys at positions 0..first_query + i.
torch::Tensor causal_attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                               int64_t first_query)
{
    const int64_t queries = q.size(2);
    const int64_t keys = k.size(2);
#if TORCH_VERSION_MAJOR >= 2
    // LibTorch 2 has fused kernels (flash / memory-efficient on CUDA) for the two common cases.
    if (first_query == 0 && queries == keys)
        return at::scaled_dot_product_attention(q, k, v, {}, 0.0, /*is_causal=*/true);
    if (queries == 1)
        return at::scaled_dot_product_attention(q, k, v);
#endif
    auto scores = torch::matmul(q, k.transpose(-2, -1)) / std::sqrt(static_cast<double>(q.size(-1)));
    const auto query_positions = torch::arange(first_query, first_query + queries, q.options().dtype(torch::kLong));
    const auto key_positions = torch::arange(keys, q.options().dtype(torch::kLong));
    const auto future = key_positions.unsqueeze(0) > query_positions.unsqueeze(1); // [queries, keys]
    scores = scores.masked_fill(future, -std::numeric_limits<float>::infinity());
    return torch::matmul(torch::softmax(scores, -1), v);
}

} // namespace

CausalSelfAttentionImpl::CausalSelfAttentionImpl(int64_t d_model, int64_t n_heads) : n_heads_(n_heads)
{
    qkv = register_module("qkv", torch::nn::Linear(d_model, 3 * d_model));
    out_proj = register_module("out_proj", torch::nn::Linear(d_model, d_model));
}

torch::Tensor CausalSelfAttentionImpl::split_heads(const torch::Tensor& x) const
{
    return x.view({x.size(0), x.size(1), n_heads_, x.size(2) / n_heads_}).transpose(1, 2);
}

torch::Tensor CausalSelfAttentionImpl::merge_heads(const torch::Tensor& x) const
{
    auto merged = x.transpose(1, 2).contiguous();
    return merged.view({merged.size(0), merged.size(1), -1});
}

torch::Tensor CausalSelfAttentionImpl::forward(const torch::Tensor& x)
{
    const auto parts = qkv(x).chunk(3, -1);
    const auto attended = causal_attention(split_heads(parts[0]), split_heads(parts[1]), split_heads(parts[2]), 0);
    return out_proj(merge_heads(attended));
}

torch::Tensor CausalSelfAttentionImpl::forward(const torch::Tensor& x, AttentionBlockState& cache,
                                               int64_t first_position)
{
    const auto parts = qkv(x).chunk(3, -1);
    const auto q = split_heads(parts[0]);
    const int64_t steps = x.size(1);
    const int64_t end = first_position + steps;
    if (!cache.keys.defined() || end > cache.keys.size(2))
        throw Error("attention cache overflow: " + std::to_string(end) + " positions do not fit");
    cache.keys.narrow(2, first_position, steps).copy_(split_heads(parts[1]));
    cache.values.narrow(2, first_position, steps).copy_(split_heads(parts[2]));
    const auto attended =
        causal_attention(q, cache.keys.narrow(2, 0, end), cache.values.narrow(2, 0, end), first_position);
    return out_proj(merge_heads(attended));
}

torch::Tensor CausalSelfAttentionImpl::step(const torch::Tensor& x, torch::nn::LayerNormImpl& norm,
                                            AttentionBlockState& cache, const torch::Tensor& positions)
{
    const auto attended =
        decode_attention(row_linear(x, *qkv, {&norm, false, {}}), cache.keys, cache.values, positions, n_heads_);
    return row_linear(attended, *out_proj, {nullptr, false, x});
}

AttentionBlockImpl::AttentionBlockImpl(int64_t d_model, int64_t n_heads)
{
    ln1 = register_module("ln1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d_model}).eps(1e-5)));
    attn = register_module("attn", CausalSelfAttention(d_model, n_heads));
    ln2 = register_module("ln2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d_model}).eps(1e-5)));
    ffn = register_module("ffn", make_feed_forward(d_model));
}

torch::Tensor AttentionBlockImpl::forward(const torch::Tensor& x)
{
    auto y = x + attn->forward(ln1(x));
    return y + ffn->forward(ln2(y));
}

torch::Tensor AttentionBlockImpl::forward(const torch::Tensor& x, BlockState& state, int64_t first_position)
{
    auto y = x + attn->forward(ln1(x), std::get<AttentionBlockState>(state), first_position);
    return y + ffn->forward(ln2(y));
}

torch::Tensor AttentionBlockImpl::step(const torch::Tensor& x, BlockState& state, const torch::Tensor& positions)
{
    const auto attended = attn->step(x, *ln1, std::get<AttentionBlockState>(state), positions);
    return feed_forward_rows(ffn, *ln2, attended);
}

BlockState AttentionBlockImpl::new_state(int64_t batch, int64_t capacity) const
{
    const auto& weight = ln1->weight;
    const int64_t heads = attn->heads();
    const auto options = weight.options().requires_grad(false);
    const std::vector<int64_t> shape{batch, heads, capacity, weight.size(0) / heads};
    return AttentionBlockState{torch::zeros(shape, options), torch::zeros(shape, options)};
}

} // namespace i3
