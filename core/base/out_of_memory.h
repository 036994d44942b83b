// SPDX-License-Identifier: GPL-3.0-or-later
// Whether a LibTorch error is an allocation that failed, on a GPU or on the CPU.
#pragma once

#include <c10/util/Exception.h>

#include <string>

namespace i3 {

inline bool is_out_of_memory(const c10::Error& error)
{
    const std::string message = error.what_without_backtrace();
    return message.find("out of memory") != std::string::npos ||
           message.find("can't allocate memory") != std::string::npos; // the CPU allocator's words
}

} // namespace i3
