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

// Settings that cannot work together or are out of range: a mistake in how the work was asked
// for (the command line answers it with exit code 2), not in a file or the machine.
class SettingsError : public Error {
public:
    using Error::Error;
};

// "title:\n  - problem\n  - problem": every problem at once, for the user to fix in one go.
inline std::string problem_list(const std::string& title, const std::vector<std::string>& problems)
{
    std::ostringstream message;
    message << title << ':';
    for (const auto& problem : problems)
        message << "\n  - " << problem;
    return message.str();
}

// Throws one Error listing every problem under `title` ("no readable weights in DIR"), if any.
inline void throw_if_any(const std::string& title, const std::vector<std::string>& problems)
{
    if (!problems.empty())
        throw Error(problem_list(title, problems));
}

} // namespace i3
