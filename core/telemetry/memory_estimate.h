// SPDX-License-Identifier: GPL-3.0-or-later
// What a float32 training step needs in memory, worked out from the shape: the Model panel's
// hint and the context probe's guess before it has measured anything.
//
// Weights, gradients and AdamW's two moments take 4 bytes per parameter each. The activations
// kept for the backward pass are counted in floats as
//     B*T*d * (12 * layers + 2)              each block's layer-norm inputs and outputs, mixer
//                                            and FFN (4d before and after GELU); embeddings, ln_f
//   + 2 * B*heads*T^2 * attention layers     the attention scores and their softmax
//   + 2 * B*T*V                              the logits and their softmax in the loss
// with B the batch, T the context, d the width and V the vocabulary. Without the optimizer state
// this lands within about 15% of the reference's measured peaks (i3-reference.md §8), mostly
// above them.
#pragma once

#include "config/model_config.h"

#include <cstdint>

namespace i3 {

struct TrainingMemoryEstimate {
    double weight_bytes = 0;
    double gradient_bytes = 0;
    double optimizer_bytes = 0; // AdamW's two moments
    double activation_bytes = 0;

    double state_bytes() const { return weight_bytes + gradient_bytes + optimizer_bytes; }
    double total_bytes() const { return state_bytes() + activation_bytes; }
    // One forward and backward pass, without the optimizer: what the context probe measures.
    double step_bytes() const { return weight_bytes + gradient_bytes + activation_bytes; }
};

TrainingMemoryEstimate estimate_training_memory(const ModelConfig& model, int64_t batch_size);

} // namespace i3
