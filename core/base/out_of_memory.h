// SPDX-License-Identifier: GPL-3.0-or-later
// Whether a LibTorch error is an allocation that did not fit: training and the context probe
// then say "out of memory" and what to make smaller, instead of passing LibTorch's text on.
#pragma once

#include <c10/util/Exception.h>

namespace i3 {

// Recognised by the allocators' words: CUDA's "out of memory" and the CPU allocator's
// "can't allocate memory".
bool is_out_of_memory(const c10::Error& error);

} // namespace i3
