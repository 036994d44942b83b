// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/model_state.h"

#include "base/error.h"

#include <string>

namespace i3 {

void ModelState::copy_row(int64_t row, const ModelState& from, int64_t from_row)
{
    if (from.blocks.size() != blocks.size())
        throw Error("copy_row: the states belong to different models");
    for (size_t i = 0; i < blocks.size(); ++i)
        i3::copy_row(blocks[i], row, from.blocks[i], from_row, from.position);
}

void ModelState::clear()
{
    for (auto& state : blocks)
        i3::clear(state);
}

} // namespace i3
