// SPDX-License-Identifier: GPL-3.0-or-later
// The whole i3 model (reference §2), with parameter names exactly as in the reference's state dict:
// embed, pos_embed, layers.{i} (the blocks in the configuration's layer order: in the reference's,
// hybrid blocks first, then attention blocks), ln_f, head.
#pragma once

#include "model/block.h"
#include "model/head_loss.h"
#include "config/model_config.h"
#include "model/model_state.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

#include <memory>
#include <vector>

namespace i3 {

class I3ModelImpl : public torch::nn::Module {
public:
    explicit I3ModelImpl(const ModelConfig& config);

    // idx: [batch, T] token ids (T <= max_seq_len) -> logits [batch, T, vocab].
    torch::Tensor forward(const torch::Tensor& idx);
    // The last hidden states, ln_f's output [batch, T, d]: what the head turns into logits.
    torch::Tensor hidden(const torch::Tensor& idx);
    // The cross-entropy of the next tokens, targets [batch, T], without materialising the logits
    // (model/head_loss.h): what training and evaluation use.
    torch::Tensor loss(const torch::Tensor& idx, const torch::Tensor& targets,
                       LossReduction reduction = LossReduction::Mean);
    // While on, a pass that builds a graph keeps only each block's input and recomputes the rest
    // in the backward pass (model/block_checkpoint.h).
    void set_activation_checkpointing(bool on) { checkpoint_activations_ = on; }
    // Prefill: consumes idx as the positions state.position.. and advances the state. Not differentiable.
    torch::Tensor forward(const torch::Tensor& idx, ModelState& state);
    // One token per row, each at its own position: tokens, positions [rows] (int64, on the
    // model's device; positions < max_seq_len) -> logits [rows, vocab]; advances the state in
    // place. Fit for recording as a CUDA graph.
    torch::Tensor step(const torch::Tensor& tokens, const torch::Tensor& positions, ModelState& state);
    // A zero state for `batch` sequences, with room for max_seq_len positions.
    ModelState new_state(int64_t batch) const;
    // After the weights changed: what `state` derives from them, taken again in place.
    void refresh_state(ModelState& state) const;

    // The reference's initialisation (§3).
    void reset_parameters();
    const ModelConfig& config() const { return config_; }

    torch::nn::Embedding embed{nullptr}, pos_embed{nullptr};
    torch::nn::ModuleList layers{nullptr};
    torch::nn::LayerNorm ln_f{nullptr};
    torch::nn::Linear head{nullptr};

private:
    torch::Tensor embed_tokens(const torch::Tensor& idx, int64_t first_position);

    ModelConfig config_;
    std::vector<std::shared_ptr<BlockImpl>> blocks_; // the modules of `layers`, in order
    bool checkpoint_activations_ = false;
};
TORCH_MODULE(I3Model);


} // namespace i3
