// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/shape_text.h"

namespace i3 {

std::string shape_text(c10::IntArrayRef shape)
{
    std::string text = "[";
    for (size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

} // namespace i3
