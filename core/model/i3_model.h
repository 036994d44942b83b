// SPDX-License-Identifier: GPL-3.0-or-later
// The whole i3 model (reference §2), with parameter names exactly as in the reference's state dict:
// embed, pos_embed, layers.{i} (hybrid blocks first, then attention blocks), ln_f, head.
#pragma once

#include "model/attention_block.h"
#include "model/hybrid_block.h"
#include "model/model_config.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/embedding.h>

#include <vector>

namespace i3 {

// Everything generation carries from one token to the next.
struct ModelState {
    std::vector<HybridState> hybrid;        // one per hybrid block
    std::vector<AttentionCache> attention;  // one per attention block
    int64_t position = 0;                   // positions consumed so far
};

class I3ModelImpl : public torch::nn::Module {
public:
    explicit I3ModelImpl(const ModelConfig& config);

    // idx: [batch, T] token ids (T <= max_seq_len) -> logits [batch, T, vocab].
    torch::Tensor forward(const torch::Tensor& idx);
    // Consumes idx as the positions state.position.. and advances the state. Not differentiable.
    torch::Tensor forward(const torch::Tensor& idx, ModelState& state);
    // An empty state for `batch` sequences, with attention caches for max_seq_len positions.
    ModelState new_state(int64_t batch) const;

    // The reference's initialisation (§3).
    void reset_parameters();
    const ModelConfig& config() const { return config_; }
    std::vector<HybridBlock>& hybrid_blocks() { return hybrid_blocks_; }
    std::vector<AttentionBlock>& attention_blocks() { return attention_blocks_; }

    torch::nn::Embedding embed{nullptr}, pos_embed{nullptr};
    torch::nn::ModuleList layers{nullptr};
    torch::nn::LayerNorm ln_f{nullptr};
    torch::nn::Linear head{nullptr};

private:
    torch::Tensor embed_tokens(const torch::Tensor& idx, int64_t first_position);
    torch::Tensor logits(const torch::Tensor& x);

    ModelConfig config_;
    std::vector<HybridBlock> hybrid_blocks_;
    std::vector<AttentionBlock> attention_blocks_;
};
TORCH_MODULE(I3Model);

// Mean cross-entropy over every position: logits [B, T, V], targets [B, T].
torch::Tensor language_model_loss(const torch::Tensor& logits, const torch::Tensor& targets);

} // namespace i3
