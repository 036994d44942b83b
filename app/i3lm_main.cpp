// SPDX-License-Identifier: GPL-3.0-or-later
// `i3lm`, the command line's front. The tokenizer commands (`i3lm tokenizer ...`, `i3lm bench
// tokenizer ...`) need no LibTorch, so they run here, in a process that never loads it: Debian's
// LibTorch takes 0.4 s to load, longer than the tokenizer takes for 9 MB of text. For every other
// command, --help and --version included, this process becomes the engine (cli_engine.h) with
// the same arguments; the engine runs every command, the tokenizer's too, the same way.
#include "cli_bench.h"
#include "cli_commands.h"
#include "cli_engine.h"
#include "cli_run.h"
#include "base/openmp_wait.h"

#include <optional>
#include <string>

int main(int argc, char** argv)
{
    if (argc >= 2) {
        const std::string name = argv[1];
        const i3::cli::Args args(argv + 2, argv + argc);
        if (name == "tokenizer")
            return i3::cli::run_command(name, [&] { return i3::cli::tokenizer(args); });
        if (name == "bench")
            if (const std::optional<i3::cli::Arguments> bench = i3::cli::tokenizer_bench_arguments(args))
                return i3::cli::run_command(name, [&] { return i3::cli::bench_tokenizer(*bench); });
    }
    i3::choose_passive_openmp_wait(); // the engine starts with it: no restart of its own
    i3::cli::exec_engine(argv);
    return 1;
}
