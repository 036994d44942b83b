// SPDX-License-Identifier: GPL-3.0-or-later
// How a subcommand's run ends, the same in the front (i3lm_main.cpp) and in the engine
// (engine_main.cpp): its exit code, or its error printed as "i3lm NAME: ..." with the exit code
// that the overview's "exit status" paragraph promises.
#pragma once

#include <functional>
#include <string>

namespace i3::cli {

// Runs `run`, the subcommand `name`, and returns its exit code; a lost standard output is an
// error. Mistakes in the command line give 2, i3::Cancelled 130 or 143, other errors 1. `who`
// follows the name in the messages: " (rank 1 of 2)" in a rank of a data-parallel run.
int run_command(const std::string& name, const std::function<int()>& run, const std::string& who = "");

} // namespace i3::cli
