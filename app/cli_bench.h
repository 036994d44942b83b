// SPDX-License-Identifier: GPL-3.0-or-later
// `i3lm bench`: its options, declared once for both programs that run it (the front runs
// `bench tokenizer`, the engine every benchmark), and the tokenizer's benchmark, which needs no
// LibTorch.
#pragma once

#include "cli_args.h"

#include <chrono>
#include <optional>

namespace i3::cli {

using BenchClock = std::chrono::steady_clock;

inline double seconds_since(BenchClock::time_point start)
{
    return std::chrono::duration<double>(BenchClock::now() - start).count();
}

const Command& bench_command();

// The parsed arguments when `args` (those after "bench") ask for the tokenizer's benchmark, else
// nothing: another benchmark, --help, or a mistake, which `bench` itself reports.
std::optional<Arguments> tokenizer_bench_arguments(const std::vector<std::string>& args);

// `i3lm bench tokenizer FILE`: the arguments as bench_command() parsed them.
int bench_tokenizer(const Arguments& args);

} // namespace i3::cli
