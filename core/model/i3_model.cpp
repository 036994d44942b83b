// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/i3_model.h"

#include "base/error.h"

#include <torch/torch.h>

namespace i3 {

I3ModelImpl::I3ModelImpl(const ModelConfig& config) : config_(config)
{
    config_.validate();
    const int64_t d = config.d_model;
    embed = register_module("embed", torch::nn::Embedding(config.vocab_size, d));
    pos_embed = register_module("pos_embed", torch::nn::Embedding(config.max_seq_len, d));
    layers = register_module("layers", torch::nn::ModuleList());
    for (int64_t i = 0; i < config.hybrid_layers; ++i) {
        hybrid_blocks_.emplace_back(d, config.d_state);
        layers->push_back(hybrid_blocks_.back());
    }
    for (int64_t i = 0; i < config.attn_layers; ++i) {
        attention_blocks_.emplace_back(d, config.n_heads);
        layers->push_back(attention_blocks_.back());
    }
    ln_f = register_module("ln_f", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d}).eps(1e-5)));
    head = register_module("head", torch::nn::Linear(d, config.vocab_size));
    reset_parameters();
}

void I3ModelImpl::reset_parameters()
{
    torch::NoGradGuard no_grad;
    for (auto& module : modules(/*include_self=*/false)) {
        if (auto* linear = module->as<torch::nn::Linear>()) {
            linear->weight.normal_(0.0, 0.02);
            linear->bias.zero_();
        } else if (auto* embedding = module->as<torch::nn::Embedding>()) {
            embedding->weight.normal_(0.0, 0.02);
        } else if (auto* norm = module->as<torch::nn::LayerNorm>()) {
            norm->weight.fill_(1.0);
            norm->bias.zero_();
        } else if (auto* mixer = module->as<HybridMixer>()) {
            mixer->reset_parameters();
        }
    }
}

torch::Tensor I3ModelImpl::embed_tokens(const torch::Tensor& idx, int64_t first_position)
{
    if (idx.dim() != 2 || idx.size(1) < 1)
        throw Error("the model takes token ids shaped [batch, T] with T >= 1");
    const int64_t steps = idx.size(1);
    if (first_position + steps > config_.max_seq_len)
        throw Error("position " + std::to_string(first_position + steps - 1) + " is beyond the context of " +
                    std::to_string(config_.max_seq_len));
    const auto positions = torch::arange(first_position, first_position + steps, idx.options().dtype(torch::kLong));
    return embed(idx) + pos_embed(positions);
}

torch::Tensor I3ModelImpl::logits(const torch::Tensor& x) { return head(ln_f(x)); }

torch::Tensor I3ModelImpl::forward(const torch::Tensor& idx)
{
    auto x = embed_tokens(idx, 0);
    for (auto& block : hybrid_blocks_)
        x = block->forward(x);
    for (auto& block : attention_blocks_)
        x = block->forward(x);
    return logits(x);
}

torch::Tensor I3ModelImpl::forward(const torch::Tensor& idx, ModelState& state)
{
    torch::NoGradGuard no_grad;
    auto x = embed_tokens(idx, state.position);
    for (size_t i = 0; i < hybrid_blocks_.size(); ++i)
        x = hybrid_blocks_[i]->forward(x, state.hybrid.at(i));
    for (size_t i = 0; i < attention_blocks_.size(); ++i)
        x = attention_blocks_[i]->forward(x, state.attention.at(i));
    state.position += idx.size(1);
    return logits(x);
}

ModelState I3ModelImpl::new_state(int64_t batch) const
{
    ModelState state;
    state.hybrid.resize(hybrid_blocks_.size());
    const auto options = embed->weight.options().requires_grad(false);
    const int64_t heads = config_.n_heads;
    const int64_t head_dim = config_.d_model / heads;
    for (size_t i = 0; i < attention_blocks_.size(); ++i) {
        AttentionCache cache;
        cache.keys = torch::zeros({batch, heads, config_.max_seq_len, head_dim}, options);
        cache.values = torch::zeros({batch, heads, config_.max_seq_len, head_dim}, options);
        state.attention.push_back(cache);
    }
    return state;
}

torch::Tensor language_model_loss(const torch::Tensor& logits, const torch::Tensor& targets)
{
    return torch::nn::functional::cross_entropy(logits.reshape({-1, logits.size(-1)}), targets.reshape({-1}));
}

} // namespace i3
