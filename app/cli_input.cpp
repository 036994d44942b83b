// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_input.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "cli_args.h"

#include <iostream>
#include <sstream>

namespace i3::cli {

std::string read_input(const std::string& name)
{
    if (name != kStandardInput)
        return read_file(name);
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    if (std::cin.bad())
        throw Error("could not read the standard input");
    return buffer.str();
}

std::string input_name(const std::string& name) { return name == kStandardInput ? "the standard input" : name; }

void refuse_standard_input(const std::string& name, const std::string& option)
{
    if (name == kStandardInput)
        throw UsageError(option + " -: the standard input cannot be read here (a source's format comes from its "
                                  "file name's extension); save it to a file such as texts.txt");
}

} // namespace i3::cli
