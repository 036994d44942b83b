// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspection_reference.h"

#include "model/attention_block.h"
#include "model/hybrid_block.h"

#include <cmath>

namespace i3test {

namespace {

torch::Tensor as_double(const torch::Tensor& x) { return x.detach().to(torch::kDouble); }

} // namespace

i3::ModelConfig inspection_config(int64_t vocab_size)
{
    i3::ModelConfig config;
    config.vocab_size = vocab_size;
    config.d_model = 16;
    config.n_heads = 4;
    config.max_seq_len = 32;
    config.hybrid_layers = 2;
    config.attn_layers = 2;
    config.d_state = 6;
    return config;
}

i3::I3Model visible_model(const i3::ModelConfig& config, uint64_t seed)
{
    torch::manual_seed(seed);
    i3::I3Model model(config);
    torch::NoGradGuard no_grad;
    for (int64_t i = 0; i < config.n_layers(); ++i) {
        auto& layer = *model->layers->ptr(i);
        if (auto* hybrid = layer.as<i3::HybridBlockImpl>()) {
            hybrid->hybrid->A.normal_(0.0, 0.45);
            hybrid->hybrid->B.normal_(0.0, 0.3);
            hybrid->hybrid->C.normal_(0.0, 0.3);
            hybrid->hybrid->w_mix.uniform_(-0.6, 1.0);
        } else {
            layer.as<i3::AttentionBlockImpl>()->attn->qkv->weight.normal_(0.0, 0.4);
        }
    }
    return model;
}

torch::Tensor block_input(i3::I3Model& model, const std::vector<int64_t>& ids, int64_t index)
{
    torch::NoGradGuard no_grad;
    const auto idx = torch::tensor(ids, torch::kLong).unsqueeze(0);
    auto x = model->embed(idx) + model->pos_embed(torch::arange(idx.size(1), idx.options()));
    for (int64_t i = 0; i < index; ++i)
        x = model->layers->ptr(i)->as<i3::BlockImpl>()->forward(x);
    return as_double(x[0]);
}

torch::Tensor block_norm_input(i3::I3Model& model, const std::vector<int64_t>& ids, int64_t index)
{
    auto& layer = *model->layers->ptr(index);
    auto* hybrid = layer.as<i3::HybridBlockImpl>();
    const auto& norm = hybrid ? *hybrid->ln1 : *layer.as<i3::AttentionBlockImpl>()->ln1;
    const auto x = block_input(model, ids, index);
    const auto mean = x.mean(-1, true);
    const auto var = (x - mean).pow(2).mean(-1, true);
    return (x - mean) / torch::sqrt(var + 1e-5) * as_double(norm.weight) + as_double(norm.bias);
}

ReferenceStates reference_states(i3::I3Model& model, const std::vector<int64_t>& ids, int64_t hybrid_layer)
{
    const auto& mixer = *model->layers->ptr(hybrid_layer)->as<i3::HybridBlockImpl>()->hybrid;
    const auto u = block_norm_input(model, ids, hybrid_layer);
    const auto w = as_double(mixer.w_mix), A = as_double(mixer.A), B = as_double(mixer.B);
    const int64_t T = u.size(0), d = u.size(1), n = A.size(0);
    std::vector<double> h(d, 0.0), s(n, 0.0);
    ReferenceStates states{torch::zeros({T, d}, torch::kDouble), torch::zeros({T, n}, torch::kDouble)};
    for (int64_t t = 0; t < T; ++t) {
        for (int64_t i = 0; i < d; ++i) {
            h[i] = w[i].item<double>() * h[i] + (1 - w[i].item<double>()) * u[t][i].item<double>();
            states.h[t][i] = h[i];
        }
        std::vector<double> next(n, 0.0);
        for (int64_t r = 0; r < n; ++r) {
            for (int64_t c = 0; c < n; ++c)
                next[r] += A[r][c].item<double>() * s[c];
            for (int64_t c = 0; c < d; ++c)
                next[r] += B[r][c].item<double>() * u[t][c].item<double>();
            states.s[t][r] = next[r];
        }
        s = next;
    }
    return states;
}

torch::Tensor reference_attention(i3::I3Model& model, const std::vector<int64_t>& ids, int64_t attention_layer)
{
    const auto& attention = *model->layers->ptr(attention_layer)->as<i3::AttentionBlockImpl>()->attn;
    const auto u = block_norm_input(model, ids, attention_layer);
    const auto qkv = torch::matmul(u, as_double(attention.qkv->weight).t()) + as_double(attention.qkv->bias);
    const int64_t T = u.size(0), d = u.size(1), heads = attention.heads(), head_dim = d / heads;
    auto weights = torch::zeros({heads, T, T}, torch::kDouble);
    for (int64_t head = 0; head < heads; ++head) {
        for (int64_t query = 0; query < T; ++query) {
            std::vector<double> scores(query + 1);
            double largest = -INFINITY;
            for (int64_t key = 0; key <= query; ++key) {
                double dot = 0;
                for (int64_t j = 0; j < head_dim; ++j)
                    dot += qkv[query][head * head_dim + j].item<double>() *
                           qkv[key][d + head * head_dim + j].item<double>();
                scores[key] = dot / std::sqrt(double(head_dim));
                largest = std::max(largest, scores[key]);
            }
            double total = 0;
            for (auto& score : scores)
                total += (score = std::exp(score - largest));
            for (int64_t key = 0; key <= query; ++key)
                weights[head][query][key] = scores[key] / total;
        }
    }
    return weights;
}

} // namespace i3test
