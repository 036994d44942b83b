// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/out_of_memory.h"

#include <string>

namespace i3 {

bool is_out_of_memory(const c10::Error& error)
{
    const std::string message = error.what_without_backtrace();
    return message.find("out of memory") != std::string::npos ||
           message.find("can't allocate memory") != std::string::npos;
}

} // namespace i3
