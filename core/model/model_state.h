// SPDX-License-Identifier: GPL-3.0-or-later
// Everything the model carries from one token to the next, for a batch of rows: one BlockState
// per block, in the model's order, allocated once for the whole context (I3ModelImpl::new_state).
// Prefill (I3ModelImpl::forward with a state) writes it for rows that are all at `position`; a
// decode step (I3ModelImpl::step) advances every row at its own position. Generation prefills
// prompts into small states and moves each row into the decoder's state with copy_row.
#pragma once

#include "model/block_state.h"

#include <vector>

namespace i3 {

struct ModelState {
    std::vector<BlockState> blocks;
    int64_t position = 0; // positions the prefill has consumed, the same for every row

    BlockState& block(size_t i) { return blocks.at(i); }
    // Row `row` continues from row `from_row` of `from`, a prefilled state of the same model
    // (its rows at from.position).
    void copy_row(int64_t row, const ModelState& from, int64_t from_row);
    // Zeroes every row's state in place (the tensors keep their addresses).
    void clear();
};

} // namespace i3
