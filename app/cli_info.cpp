// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_args.h"
#include "cli_commands.h"
#include "base/openmp_wait.h"
#include "model/model_artifacts.h"
#include "runs/workspace.h"
#include "telemetry/device_telemetry.h"

#include <torch/torch.h>

#include <iostream>

namespace i3::cli {

namespace {

const Command kInfo{
    "info",
    "[--model-dir DIR]",
    "Without options: the versions of i3 and LibTorch, the devices this build can use, and the\n"
    "workspace where runs go.\n"
    "With --model-dir: the model's configuration, parameter count and tokenizer.",
    {{"model-dir", "DIR", "model folder to describe"}},
    ""};

void print_system()
{
    std::cout << kProgram << ' ' << I3_VERSION << '\n'
              << "LibTorch " << TORCH_VERSION << '\n'
              << "CPU threads " << at::get_num_threads() << " (waiting: " << openmp_wait_policy() << ")\n";
#ifdef I3_WITH_CUDA
    std::cout << "CUDA support: built in\n";
#else
    std::cout << "CUDA support: not in this build (LibTorch without CUDA)\n";
#endif
    if (torch::cuda::is_available()) {
        std::cout << "CUDA devices " << static_cast<int>(torch::cuda::device_count()) << '\n';
        // Named by NVML for the chip at each device's PCI bus id: the name follows
        // CUDA_VISIBLE_DEVICES, as the studio's telemetry does.
        for (const std::string& device : available_devices())
            if (device != "cpu")
                std::cout << "  " << device << "  " << device_display_name(device) << '\n';
    } else
        std::cout << "CUDA devices none available; training and generation run on the CPU\n";
    const Workspace workspace = default_workspace();
    std::cout << "workspace " << workspace.folder.string() << " (" << workspace.origin << ")\n";
}

void print_model(const std::string& folder)
{
    const LoadedModel loaded = load_model_folder(folder);
    const ModelConfig& c = loaded.config;
    for (const auto& note : loaded.notes)
        std::cout << "note: " << note << '\n';
    std::cout << "model folder  " << folder << '\n'
              << "weights       " << loaded.weights_file.filename().string() << '\n'
              << "parameters    " << c.parameter_count() << '\n'
              << "vocab_size    " << c.vocab_size << '\n'
              << "d_model       " << c.d_model << '\n'
              << "n_heads       " << c.n_heads << '\n'
              << "layers        " << c.hybrid_layers << " hybrid + " << c.attn_layers << " attention, in the order "
              << c.layer_order() << '\n'
              << "d_state       " << c.d_state << '\n'
              << "max_seq_len   " << c.max_seq_len << '\n'
              << "tokenizer     " << loaded.tokenizer.vocab_size() << " chunks, unknown token \""
              << loaded.tokenizer.unk_token() << "\" = " << loaded.tokenizer.unk_idx() << '\n';
    for (const auto& source : c.dataset_sources)
        std::cout << "trained on    " << source << '\n';
}

} // namespace

int info(const Args& raw)
{
    const Arguments args = parse(kInfo, raw);
    if (args.help) {
        std::cout << help_text(kInfo);
        return 0;
    }
    if (const auto folder = args.get("model-dir"))
        print_model(*folder);
    else
        print_system();
    return 0;
}

} // namespace i3::cli
