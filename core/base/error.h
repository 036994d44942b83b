// SPDX-License-Identifier: GPL-3.0-or-later
// The one exception type the engine throws for bad input; its message is meant for the user.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace i3 {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Throws one Error listing every problem under `title` ("invalid model configuration"), if any.
inline void throw_if_any(const std::string& title, const std::vector<std::string>& problems)
{
    if (problems.empty())
        return;
    std::ostringstream message;
    message << title << ':';
    for (const auto& problem : problems)
        message << "\n  - " << problem;
    throw Error(message.str());
}

} // namespace i3
