// SPDX-License-Identifier: GPL-3.0-or-later
// What every block of the model offers, so that the model runs its blocks in order without
// knowing their kinds: the training pass, the prefill of prompts into a carried state, and the
// one-token step of generation. The three compute the same function; each block keeps them side
// by side so that a change to the block is made in one file.
#pragma once

#include "model/block_state.h"

#include <torch/nn/module.h>

namespace i3 {

class BlockImpl : public torch::nn::Module {
public:
    // x: [batch, T, d] -> [batch, T, d], every sequence from its first position; differentiable.
    virtual torch::Tensor forward(const torch::Tensor& x) = 0;
    // Prefill: x holds the positions first_position.. of every row; `state` is advanced past
    // them. At first_position 0 the rows start afresh, whatever `state` holds. Not differentiable.
    virtual torch::Tensor forward(const torch::Tensor& x, BlockState& state, int64_t first_position) = 0;
    // One token per row, each row at its own position: x [rows, d], positions [rows] (int64, on
    // x's device) -> [rows, d]; `state` is advanced in place. No allocation depends on the
    // values of `positions`, so the step can be recorded as a CUDA graph.
    virtual torch::Tensor step(const torch::Tensor& x, BlockState& state, const torch::Tensor& positions) = 0;
    // A zero state for `batch` rows of up to `capacity` positions, on the block's device.
    virtual BlockState new_state(int64_t batch, int64_t capacity) const = 0;
    // Takes again, in place, what `state` derives from the weights, after they changed (a state
    // kept while the model trains on). Blocks whose state holds only carried values keep it.
    virtual void refresh(BlockState& /*state*/) const {}
};

} // namespace i3
