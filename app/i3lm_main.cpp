// SPDX-License-Identifier: GPL-3.0-or-later
// `i3lm`: the engine from the command line, for GPU servers and scripts.
#include "cli_args.h"
#include "cli_commands.h"
#include "base/cpu_threads.h"
#include "base/cancel_token.h"
#include "base/error.h"
#include "base/out_of_memory.h"
#include "cli_interrupt.h"
#include "distributed/rank_place.h"

#include <c10/util/Exception.h>

#include <cstring>
#include <filesystem>
#include <iostream>
#include <new>

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

// "cannot rename A to B: Permission denied" rather than "filesystem error: cannot rename: ... []".
std::string filesystem_error_text(const std::filesystem::filesystem_error& error)
{
    std::string action = error.what();
    const std::string prefix = "filesystem error: ";
    if (action.rfind(prefix, 0) == 0)
        action = action.substr(prefix.size());
    action = action.substr(0, action.find(": "));
    std::string text = action;
    if (!error.path1().empty())
        text += " " + error.path1().string();
    if (!error.path2().empty())
        text += " to " + error.path2().string();
    return text + ": " + error.code().message();
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
        const std::string prefix = std::string(kProgram) + ' ' + name + rank_label() + ": ";
        try {
            const int code = command.run(args);
            i3::cli::throw_if_output_failed();
            return code;
        } catch (const i3::cli::UsageError& error) {
            std::cerr << prefix << error.what() << "\nTry '" << kProgram << ' ' << name << " --help'.\n";
            return 2;
        } catch (const i3::SettingsError& error) {
            std::cerr << prefix << error.what() << "\nTry '" << kProgram << ' ' << name << " --help'.\n";
            return 2;
        } catch (const i3::Cancelled&) {
            std::cerr << prefix << "stopped before anything was written\n";
            return i3::cli::interrupted_exit_code();
        } catch (const i3::Error& error) {
            std::cerr << prefix << "error: " << error.what() << '\n';
        } catch (const c10::Error& error) {
            std::cerr << prefix << "error: " << engine_error_text(error) << '\n';
        } catch (const std::bad_alloc&) {
            std::cerr << prefix << "error: out of memory\n";
        } catch (const std::filesystem::filesystem_error& error) {
            std::cerr << prefix << "error: " << filesystem_error_text(error) << '\n';
        } catch (const std::exception& error) {
            std::cerr << prefix << "error: " << error.what() << '\n';
        }
        return 1;
    }
    std::cerr << kProgram << ": unknown command '" << name << "'\n\n" << overview();
    return 2;
}
