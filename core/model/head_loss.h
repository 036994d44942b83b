// SPDX-License-Identifier: GPL-3.0-or-later
// The language-model loss straight from the last hidden states: the head's logits and their
// cross-entropy, computed a block of positions at a time, so the [positions, vocabulary] logits
// of the whole batch never exist at once. At context 65,536 and vocabulary 35,560 those would be
// 9.3 GB in float32, and the plain loss keeps them twice (logits and their softmax).
#pragma once

#include <ATen/Tensor.h>
#include <torch/nn/modules/linear.h>

namespace i3 {

enum class LossReduction { Mean, Sum };

// Logits per block of positions: 2^24 of them (64 MB in float32; 471 positions at vocabulary
// 35,560) keep the head's products large enough for the GPU, and the block's float32 logits,
// their bf16 copy and its gradient small beside the model at any context.
inline constexpr int64_t kHeadLogitsPerBlock = int64_t(1) << 24;

// hidden [..., d], targets [...] (int64) -> the cross-entropy of head(hidden) against targets,
// their mean or sum over every position; equal to cross_entropy(head(hidden), targets).
// Differentiable in hidden and the head's weight and bias. When a gradient is wanted it is
// worked out in the same pass as the loss (the loss is the end of the graph, so its gradient is
// these times one number), which spares the backward pass the head's products a second time.
// Under autocast the products run in autocast's dtype; the softmax, the loss and the gradients'
// sums stay float32.
// `logits_per_block` is for the tests, which cut small cases into several blocks.
at::Tensor head_cross_entropy(const at::Tensor& hidden, const torch::nn::LinearImpl& head, const at::Tensor& targets,
                              LossReduction reduction = LossReduction::Mean,
                              int64_t logits_per_block = kHeadLogitsPerBlock);

} // namespace i3
