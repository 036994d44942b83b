// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/model_inspection.h"

#include "base/error.h"
#include "inspect/memory_half_life.h"
#include "model/attention_block.h"
#include "model/hybrid_block.h"
#include "model/hybrid_scan.h"

#include <torch/torch.h>

#include <cmath>
#include <limits>

namespace i3 {

namespace {

at::Tensor to_host(const at::Tensor& x) { return x.detach().to(torch::kCPU, torch::kFloat).contiguous(); }

// x [1, T, d] -> the block's output, with h and s kept: the same scans as hybrid_scan's forward.
at::Tensor inspect_hybrid(HybridBlockImpl& block, const at::Tensor& x, HybridInspection& seen)
{
    const auto u = block.ln1(x);
    const auto p = block.hybrid->params();
    const auto h = scan::diagonal(p.w_mix, (1 - p.w_mix) * u, {}, false);
    const auto s = scan::dense(p.A, torch::matmul(u, p.B.t()), {}, false);
    seen.h = to_host(h[0]);
    seen.s = to_host(s[0]);
    seen.w_mix = to_host(p.w_mix);
    seen.eigenvalues = matrix_eigenvalues(p.A);
    const auto y = x + torch::matmul(s, p.C.t()) + p.D * h;
    return y + block.ffn->forward(block.ln2(y));
}

// x [1, T, d] -> the block's output, with the attention weights kept: attention written out as
// the reference defines it, on the block's own qkv and out_proj.
at::Tensor inspect_attention(AttentionBlockImpl& block, const at::Tensor& x, AttentionInspection& seen)
{
    auto& attention = *block.attn;
    const int64_t steps = x.size(1), heads = attention.heads(), head_dim = x.size(2) / heads;
    const auto split = [&](const at::Tensor& t) { return t.view({1, steps, heads, head_dim}).transpose(1, 2); };
    const auto parts = attention.qkv(block.ln1(x)).chunk(3, -1);
    const auto q = split(parts[0]), k = split(parts[1]), v = split(parts[2]);
    const auto scores = torch::matmul(q, k.transpose(-2, -1)) / std::sqrt(static_cast<double>(head_dim));
    const auto future = torch::ones({steps, steps}, x.options().dtype(torch::kBool)).triu(1);
    const auto weights = torch::softmax(scores.masked_fill(future, -std::numeric_limits<float>::infinity()), -1);
    seen.weights = to_host(weights[0]);
    const auto merged = torch::matmul(weights, v).transpose(1, 2).contiguous().view({1, steps, -1});
    const auto y = x + attention.out_proj(merged);
    return y + block.ffn->forward(block.ln2(y));
}

} // namespace

ModelInspection inspect_model(I3Model& model, const std::vector<int64_t>& ids, const InspectionProgress& progress,
                              const CancelToken* cancel)
{
    const auto steps = static_cast<int64_t>(ids.size());
    if (steps < 1 || steps > model->config().max_seq_len)
        throw Error("the prompt must have 1 to " + std::to_string(model->config().max_seq_len) + " tokens, not " +
                    std::to_string(steps));
    torch::NoGradGuard no_grad;
    const auto device = model->embed->weight.device();
    const auto idx = torch::tensor(ids, torch::kLong).to(device).unsqueeze(0);
    auto x = model->embed(idx) + model->pos_embed(torch::arange(steps, idx.options()));

    ModelInspection result;
    result.ids = ids;
    const auto blocks = static_cast<int64_t>(model->layers->size());
    for (int64_t i = 0; i < blocks; ++i) {
        if (cancel && cancel->cancelled())
            throw Cancelled();
        auto& layer = *model->layers->ptr(i);
        if (auto* hybrid = layer.as<HybridBlockImpl>()) {
            result.hybrid.push_back({i, {}, {}, {}, {}});
            x = inspect_hybrid(*hybrid, x, result.hybrid.back());
        } else if (auto* attention = layer.as<AttentionBlockImpl>()) {
            result.attention.push_back({i, {}});
            x = inspect_attention(*attention, x, result.attention.back());
        } else {
            throw Error("block " + std::to_string(i) + " is of a kind the inspection does not know");
        }
        if (progress)
            progress(i + 1, blocks);
    }
    return result;
}

} // namespace i3
