// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/i3_model.h"

#include "base/error.h"
#include "model/attention_block.h"
#include "model/block_checkpoint.h"
#include "model/hybrid_block.h"
#include "model/row_linear.h"

#include <torch/torch.h>

namespace i3 {

I3ModelImpl::I3ModelImpl(const ModelConfig& config) : config_(config)
{
    config_.validate();
    const int64_t d = config.d_model;
    embed = register_module("embed", torch::nn::Embedding(config.vocab_size, d));
    pos_embed = register_module("pos_embed", torch::nn::Embedding(config.max_seq_len, d));
    layers = register_module("layers", torch::nn::ModuleList());
    // layers.{i} is the i-th block of the order, so the reference's order has the reference's names.
    for (const char kind : config.layer_order())
        if (kind == kHybridBlock)
            blocks_.push_back(HybridBlock(d, config.d_state).ptr());
        else
            blocks_.push_back(AttentionBlock(d, config.n_heads).ptr());
    for (const auto& block : blocks_)
        layers->push_back(block);
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

torch::Tensor I3ModelImpl::forward(const torch::Tensor& idx) { return head(hidden(idx)); }

torch::Tensor I3ModelImpl::hidden(const torch::Tensor& idx)
{
    auto x = embed_tokens(idx, 0);
    const bool checkpointed = checkpoint_activations_ && torch::GradMode::is_enabled();
    for (auto& block : blocks_)
        x = checkpointed ? checkpointed_forward(*block, x) : block->forward(x);
    return ln_f(x);
}

torch::Tensor I3ModelImpl::loss(const torch::Tensor& idx, const torch::Tensor& targets, LossReduction reduction)
{
    return head_cross_entropy(hidden(idx), *head, targets, reduction);
}

torch::Tensor I3ModelImpl::forward(const torch::Tensor& idx, ModelState& state)
{
    torch::NoGradGuard no_grad;
    auto x = embed_tokens(idx, state.position);
    for (size_t i = 0; i < blocks_.size(); ++i)
        x = blocks_[i]->forward(x, state.block(i), state.position);
    state.position += idx.size(1);
    return head(ln_f(x));
}

torch::Tensor I3ModelImpl::step(const torch::Tensor& tokens, const torch::Tensor& positions, ModelState& state)
{
    torch::NoGradGuard no_grad;
    auto x = embed(tokens) + pos_embed(positions); // [rows, d]
    for (size_t i = 0; i < blocks_.size(); ++i)
        x = blocks_[i]->step(x, state.block(i), positions);
    return row_linear(x, *head, {ln_f.get(), false, {}});
}

void I3ModelImpl::refresh_state(ModelState& state) const
{
    for (size_t i = 0; i < blocks_.size(); ++i)
        blocks_[i]->refresh(state.block(i));
}

ModelState I3ModelImpl::new_state(int64_t batch) const
{
    ModelState state;
    for (const auto& block : blocks_)
        state.blocks.push_back(block->new_state(batch, config_.max_seq_len));
    return state;
}

} // namespace i3
