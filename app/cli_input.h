// SPDX-License-Identifier: GPL-3.0-or-later
// Files the commands read, where "-" means the standard input, as in other command-line tools:
// `cat notes.txt | i3lm eval --model DIR -`.
#pragma once

#include <string>

namespace i3::cli {

// "-": the name of the standard input.
inline constexpr const char* kStandardInput = "-";

// The whole of `name`, a file or "-"; throws i3::Error naming it when it cannot be read.
std::string read_input(const std::string& name);
// How messages name it: the file's name, or "the standard input".
std::string input_name(const std::string& name);
// Throws a UsageError for "-" where a command needs a real file (its type comes from its
// extension, or it is read more than once); `option` says which: "--data".
void refuse_standard_input(const std::string& name, const std::string& option);

} // namespace i3::cli
