// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_args.h"
#include "cli_commands.h"
#include "base/error.h"
#include "model/model_artifacts.h"

#include <iostream>
#include <set>

namespace i3::cli {

namespace {

const Command kConvert{
    "convert",
    "IN OUT",
    "Converts weights between PyTorch's pytorch_model.bin and model.safetensors, by the files'\n"
    "extensions (.bin/.pt/.pth, .safetensors). A {\"model_state_dict\", \"config\"} checkpoint is\n"
    "unwrapped. Nothing in IN is ever executed; OUT is written atomically.",
    {},
    "example:\n  i3lm convert i3-model-artifacts/pytorch_model.bin i3-model-artifacts/model.safetensors"};

} // namespace

int convert(const Args& raw)
{
    const Arguments args = parse(kConvert, raw);
    if (args.help) {
        std::cout << help_text(kConvert);
        return 0;
    }
    if (args.positionals.size() != 2)
        throw UsageError("give an input and an output file");
    const std::filesystem::path in = args.positionals[0], out = args.positionals[1];
    if (std::filesystem::exists(out) && std::filesystem::equivalent(in, out))
        throw UsageError("the output would overwrite the input");
    std::optional<nlohmann::json> embedded_config;
    const NamedTensors tensors = read_weights(in, &embedded_config);
    NamedTensors float_tensors;
    size_t values = 0;
    std::set<std::string> converted_types;
    for (const auto& [name, tensor] : tensors) {
        if (tensor.scalar_type() != at::kFloat)
            converted_types.insert(c10::toString(tensor.scalar_type()));
        float_tensors.emplace_back(name, tensor.to(at::kFloat).contiguous());
        values += static_cast<size_t>(tensor.numel());
    }
    write_weights(out, float_tensors);
    std::cout << "wrote " << tensors.size() << " tensors (" << values << " values) to " << out.string()
              << " as float32, the i3 models' type\n";
    for (const auto& type : converted_types)
        std::cout << "note: " << in.string() << " held " << type << " tensors; they were converted to float32\n";
    if (embedded_config)
        std::cout << "note: " << in.string() << " also held a configuration; it is not part of " << out.string()
                  << " (keep config.json beside it)\n";
    return 0;
}

} // namespace i3::cli
