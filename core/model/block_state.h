// SPDX-License-Identifier: GPL-3.0-or-later
// What one block carries from one token to the next, for a batch of rows: row r of every
// tensor belongs to sequence r. The tensors are allocated once, for the whole context, and only
// ever written in place, so that a CUDA graph that recorded their addresses stays valid.
#pragma once

#include <ATen/Tensor.h>

#include <variant>

namespace i3 {

struct HybridBlockState {
    at::Tensor h; // [batch, d]
    at::Tensor s; // [batch, d_state]
    // 1 - w_mix, taken when the state is made and again by BlockImpl::refresh: the fused step
    // reads it, and computing it in every step would cost one more kernel per block and token.
    at::Tensor one_minus_w; // [d]
};

struct AttentionBlockState {
    at::Tensor keys;   // [batch, heads, capacity, head_dim]
    at::Tensor values; // likewise
};

using BlockState = std::variant<HybridBlockState, AttentionBlockState>;

// Row `row` of `to` continues from row `from_row` of `from`, a state of the same block whose rows
// have consumed `filled` positions (only those keys and values are copied).
void copy_row(BlockState& to, int64_t row, const BlockState& from, int64_t from_row, int64_t filled);

// Zeroes what the rows carry, in place.
void clear(BlockState& state);

} // namespace i3
