// SPDX-License-Identifier: GPL-3.0-or-later
// `i3lm-engine`: every command of `i3lm`, for GPU servers and scripts. Users run `i3lm`
// (i3lm_main.cpp), which runs the tokenizer commands without LibTorch and becomes this program
// for the rest; this one runs all of them, and prints the overview.
#include "cli_args.h"
#include "cli_commands.h"
#include "cli_run.h"
#include "base/cpu_threads.h"
#include "base/openmp_wait.h"
#include "base/error.h"
#include "base/out_of_memory.h"
#include "distributed/rank_place.h"

#include <c10/util/Exception.h>

#include <cstring>
#include <iostream>

namespace {

using i3::cli::kProgram;

struct Subcommand {
    const char* name;
    int (*run)(const i3::cli::Args&);
    const char* summary;
};

const Subcommand kSubcommands[] = {
    {"train", i3::cli::train, "train a model (default: the built-in corpus) into a run folder"},
    {"generate", i3::cli::generate, "generate text from a model folder"},
    {"eval", i3::cli::eval, "loss and perplexity of a model on a text file"},
    {"tokenizer", i3::cli::tokenizer, "build a chunk tokenizer, or encode a file with one"},
    {"convert", i3::cli::convert, "convert weights between pytorch_model.bin and model.safetensors"},
    {"info", i3::cli::info, "versions and devices, or a model folder's configuration"},
    {"bench", i3::cli::bench, "measure training and generation speed on this machine"},
    {"probe", i3::cli::probe, "peak memory of a training step as the context window grows"},
    {"download", i3::cli::download, "download a Hugging Face Hub repo into the Hugging Face cache"},
    {"export-tensorboard", i3::cli::export_tensorboard, "write a run's metrics as a TensorBoard event file"},
};

const char* const kConventions =
    "Options are written with '-' between words (--top-k); the reference's spelling with '_'\n"
    "(--top_k) is the same option. '--' ends the options. A FILE given as '-' is the standard input.\n"
    "\n"
    "Runs without --out go to the workspace: $I3_WORKSPACE, else the folder chosen in i3-studio\n"
    "(File > Choose workspace), else 'i3 Studio runs' in the documents folder; 'i3lm info' prints it.\n"
    "\n"
    "exit status: 0 done, 1 an error, 2 a mistake in the command line, 130 (143) stopped by\n"
    "Ctrl-C (SIGTERM).";

std::string overview()
{
    i3::cli::CommandList list{kProgram,
                              std::string(kProgram) + ' ' + I3_VERSION +
                                  ": train, run and convert i3 hybrid language models.",
                              {},
                              kConventions};
    for (const auto& command : kSubcommands)
        list.commands.emplace_back(command.name, command.summary);
    return i3::cli::help_text(list);
}

// LibTorch's own words, unless they are its allocator's "[enforce fail at alloc_cpu.cpp:75] ...".
std::string engine_error_text(const c10::Error& error)
{
    if (i3::is_out_of_memory(error))
        return "out of memory: the work needs more memory than this machine has free";
    return error.what_without_backtrace();
}

// " (rank 1 of 2)" in a process started as a rank, so that each rank's words say whose they are.
std::string rank_label()
{
    try {
        if (const auto place = i3::rank_place_from())
            return " (" + place->name() + ")";
    } catch (const i3::Error&) {
    } // the command itself reports bad rank variables
    return "";
}

} // namespace

int main(int argc, char** argv)
{
    i3::wait_passively_in_openmp(argv);
    if (argc < 2) { // a mistake: the usage goes where mistakes are reported
        std::cerr << overview();
        return 2;
    }
    if (!std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        std::cout << overview();
        return 0;
    }
    if (!std::strcmp(argv[1], "--version")) {
        std::cout << kProgram << ' ' << I3_VERSION << '\n';
        return 0;
    }
    const std::string name = argv[1];
    const i3::cli::Args args(argv + 2, argv + argc);
    i3::use_available_cpus();
    for (const auto& command : kSubcommands) {
        if (name != command.name)
            continue;
        return i3::cli::run_command(
            name,
            [&] {
                try {
                    return command.run(args);
                } catch (const c10::Error& error) {
                    throw i3::Error(engine_error_text(error));
                }
            },
            rank_label());
    }
    std::cerr << kProgram << ": unknown command '" << name << "'\n\n" << overview();
    return 2;
}
