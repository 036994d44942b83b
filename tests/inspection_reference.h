// SPDX-License-Identifier: GPL-3.0-or-later
// What the inspection tests compare with: the reference's definitions (i3-reference.md §2)
// written out in double precision, loop by loop, from a model's weights, sharing no code with
// inspect/model_inspection.cpp.
#pragma once

#include "model/i3_model.h"

#include <torch/torch.h>

#include <vector>

namespace i3test {

struct ReferenceStates {
    torch::Tensor h; // [T, d]
    torch::Tensor s; // [T, d_state]
};

// The inspection tests' shape: 2 hybrid blocks, then 2 attention blocks of 4 heads; d_model 16,
// d_state 6, context 32.
i3::ModelConfig inspection_config(int64_t vocab_size);

// A model of `config`'s shape whose weights make every part of an inspection visible: A with
// eigenvalues inside and outside the unit circle, w_mix partly negative, B and C large enough for
// s to matter, q and k far from uniform attention.
i3::I3Model visible_model(const i3::ModelConfig& config, uint64_t seed);

// The input of layers.{index} for `ids`, [T, d] in double, from the model's own training pass.
torch::Tensor block_input(i3::I3Model& model, const std::vector<int64_t>& ids, int64_t index);
// LN1 of the block at `index` applied to its input, written out (biased variance, eps 1e-5).
torch::Tensor block_norm_input(i3::I3Model& model, const std::vector<int64_t>& ids, int64_t index);
// h_t = w ⊙ h_{t-1} + (1 - w) ⊙ u_t and s_t = A s_{t-1} + B u_t, from zero, one scalar at a time.
ReferenceStates reference_states(i3::I3Model& model, const std::vector<int64_t>& ids, int64_t hybrid_layer);
// softmax(q·k / √head_dim) over the keys 0..t of each query t, [heads, T, T], zero above the diagonal.
torch::Tensor reference_attention(i3::I3Model& model, const std::vector<int64_t>& ids, int64_t attention_layer);

} // namespace i3test
