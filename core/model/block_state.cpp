// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/block_state.h"

#include <torch/torch.h>

namespace i3 {

void copy_row(BlockState& to, int64_t row, const BlockState& from, int64_t from_row, int64_t filled)
{
    torch::NoGradGuard no_grad;
    if (auto* hybrid = std::get_if<HybridBlockState>(&to)) {
        const auto& source = std::get<HybridBlockState>(from);
        hybrid->h[row].copy_(source.h[from_row]);
        hybrid->s[row].copy_(source.s[from_row]);
        return;
    }
    auto& attention = std::get<AttentionBlockState>(to);
    const auto& source = std::get<AttentionBlockState>(from);
    attention.keys[row].narrow(1, 0, filled).copy_(source.keys[from_row].narrow(1, 0, filled));
    attention.values[row].narrow(1, 0, filled).copy_(source.values[from_row].narrow(1, 0, filled));
}

void clear(BlockState& state)
{
    torch::NoGradGuard no_grad;
    if (auto* hybrid = std::get_if<HybridBlockState>(&state)) {
        hybrid->h.zero_();
        hybrid->s.zero_();
        return;
    }
    auto& attention = std::get<AttentionBlockState>(state);
    attention.keys.zero_();
    attention.values.zero_();
}

} // namespace i3
