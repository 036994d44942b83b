// SPDX-License-Identifier: GPL-3.0-or-later
// The one exception type the engine throws for bad input; its message is meant for the user.
#pragma once

#include <stdexcept>
#include <string>

namespace i3 {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

} // namespace i3
