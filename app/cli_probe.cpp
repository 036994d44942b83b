// SPDX-License-Identifier: GPL-3.0-or-later
// `i3lm probe`: peak memory of one training step (forward + backward) as the context window grows,
// on the machine at hand, beside the reference's published figures (i3-reference.md §8).
#include "cli_args.h"
#include "cli_commands.h"
#include "base/device.h"
#include "telemetry/context_probe.h"
#include "telemetry/device_telemetry.h"
#include "base/error.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>

namespace i3::cli {

namespace {

const Command kProbe{
    "probe",
    "[options]",
    "Runs one training step (forward, loss, backward; random weights and tokens) at each context\n"
    "window and prints its peak memory and time. It stops at the first context that does not fit;\n"
    "on the CPU a context whose estimated need is more than 80% of the free RAM is not tried.",
    {
        {"preset", "NAME", "model shape (default i3-80m)"},
        {"vocab", "N", "vocabulary size (default: the preset's)"},
        {"batch", "N", "sequences per step (default 1)"},
        {"contexts", "LIST", "comma-separated, increasing context windows (default 128,256,512,1024)"},
        {"device", "D", "cpu, cuda or cuda:N (default cpu)"},
        {"precision", "P", "fp32 (default) or bf16 (CUDA): bf16 products over float32 weights"},
        {"checkpoint-activations", "", "recompute each block's activations in the backward pass"},
    },
    "The reference column is the reference's own measurement (i3-80M shape, vocabulary 35,560,\n"
    "float32, one NVIDIA H200), where it published one for that batch and context."};

std::vector<int64_t> parse_contexts(const std::string& list)
{
    std::vector<int64_t> contexts;
    std::istringstream items(list);
    for (std::string item; std::getline(items, item, ',');) {
        size_t used = 0;
        int64_t context = 0;
        try {
            context = std::stoll(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != item.size() || context < 1)
            throw UsageError("--contexts wants positive whole numbers separated by commas, not \"" + list + "\"");
        if (!contexts.empty() && context <= contexts.back())
            throw UsageError("--contexts must increase (" + std::to_string(contexts.back()) + " then " +
                             std::to_string(context) + ")");
        contexts.push_back(context);
    }
    if (contexts.empty())
        throw UsageError("--contexts needs at least one context");
    return contexts;
}

std::string reference_figure(int64_t batch, int64_t context)
{
    for (const auto& figure : reference_memory_figures()) {
        if (figure.batch_size != batch || figure.context != context)
            continue;
        if (!figure.gib)
            return "out of memory";
        char text[16];
        std::snprintf(text, sizeof text, "%g", *figure.gib);
        return text;
    }
    return "";
}

void print_point(const ProbePoint& point)
{
    const std::string reference = reference_figure(point.batch_size, point.context);
    if (point.out_of_memory) {
        std::printf("%8lld | %9s | %7s | %s\n", static_cast<long long>(point.context), "-", "-", reference.c_str());
        std::printf("out of memory at context %lld: %s\n", static_cast<long long>(point.context), point.note.c_str());
    } else {
        std::printf("%8lld | %9.1f | %7.3f | %s\n", static_cast<long long>(point.context),
                    static_cast<double>(point.peak_bytes) / (1024.0 * 1024.0), point.seconds, reference.c_str());
    }
    std::fflush(stdout);
}

} // namespace

int probe(const Args& raw)
{
    const Arguments args = parse(kProbe, raw);
    if (args.help) {
        std::cout << help_text(kProbe);
        return 0;
    }
    if (!args.positionals.empty())
        throw UsageError("unexpected argument \"" + args.positionals.front() + "\"");
    ProbeOptions options;
    const std::string preset = args.get("preset", "i3-80m");
    options.model = ModelConfig::preset(preset);
    options.model.vocab_size = args.integer("vocab", options.model.vocab_size);
    options.batch_size = args.integer("batch", 1);
    if (options.batch_size < 1)
        throw UsageError("--batch must be at least 1");
    options.contexts = parse_contexts(args.get("contexts", "128,256,512,1024"));
    options.device = args.get("device", "cpu");
    const auto precision = parse_precision(args.get("precision", kPrecisionFloat32));
    if (!precision)
        throw UsageError("--precision must be fp32 or bf16");
    options.precision = *precision;
    options.checkpoint_activations = args.has("checkpoint-activations");
    usable_device(options.device); // before the table's heading: a device that is not here is its own mistake

    const ModelConfig& m = options.model;
    std::printf("probe: %s (d_model %lld, %lld+%lld layers, vocabulary %lld), batch %lld, on %s, %s%s\n",
                preset.c_str(), static_cast<long long>(m.d_model), static_cast<long long>(m.hybrid_layers),
                static_cast<long long>(m.attn_layers), static_cast<long long>(m.vocab_size),
                static_cast<long long>(options.batch_size), device_display_name(options.device).c_str(),
                precision_name(options.precision), options.checkpoint_activations ? ", activation checkpointing" : "");
    std::printf("%8s | %9s | %7s | %s\n", "context", "peak MiB", "seconds", "reference GiB");
    std::fflush(stdout);
    run_context_probe(options, print_point);
    return 0;
}

} // namespace i3::cli
