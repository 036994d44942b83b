// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/model_artifacts.h"

#include "base/device.h"
#include "base/atomic_file.h"
#include "base/error.h"
#include "base/host_memory.h"
#include "formats/pytorch_bin.h"
#include "formats/safetensors.h"
#include "formats/shape_text.h"

#include <torch/torch.h>

#include <map>
#include <sstream>

namespace fs = std::filesystem;

namespace i3 {

namespace {

bool has_extension(const fs::path& path, std::initializer_list<const char*> extensions)
{
    const std::string extension = path.extension().string();
    for (const char* candidate : extensions)
        if (extension == candidate)
            return true;
    return false;
}

// The first of `names` present in the folder.
std::optional<fs::path> first_existing(const fs::path& folder, std::initializer_list<const char*> names)
{
    for (const char* name : names)
        if (fs::exists(folder / name))
            return folder / name;
    return std::nullopt;
}

} // namespace

NamedTensors read_weights(const fs::path& path, std::optional<nlohmann::json>* embedded_config)
{
    if (has_extension(path, {".safetensors"}))
        return read_safetensors(path);
    if (has_extension(path, {".bin", ".pt", ".pth"})) {
        StateDictFile file = read_pytorch_bin(path);
        if (embedded_config)
            *embedded_config = file.config;
        return std::move(file.tensors);
    }
    throw Error(path.string() + ": unknown weight file type (expected .safetensors or .bin)");
}

void write_weights(const fs::path& path, const NamedTensors& tensors)
{
    if (has_extension(path, {".safetensors"}))
        return write_safetensors(path, tensors, {{"format", "pt"}});
    if (has_extension(path, {".bin", ".pt", ".pth"}))
        return write_pytorch_bin(path, tensors);
    throw Error(path.string() + ": unknown weight file type (expected .safetensors or .bin)");
}

NamedTensors model_state_dict(I3Model& model)
{
    NamedTensors tensors;
    for (const auto& item : model->named_parameters())
        tensors.emplace_back(item.key(), item.value().detach().to(torch::kCPU, torch::kFloat).contiguous().clone());
    return tensors;
}

void load_state_dict(I3Model& model, const NamedTensors& tensors, const std::string& source)
{
    std::map<std::string, at::Tensor> given(tensors.begin(), tensors.end());
    auto parameters = model->named_parameters();
    std::vector<std::string> missing, mismatched, unexpected;
    for (const auto& item : parameters) {
        const auto found = given.find(item.key());
        if (found == given.end())
            missing.push_back(item.key());
        else if (found->second.sizes() != item.value().sizes())
            mismatched.push_back(item.key() + " is " + shape_text(found->second.sizes()) + " in the file, the model expects " +
                                 shape_text(item.value().sizes()));
    }
    for (const auto& [name, tensor] : given)
        if (!parameters.contains(name))
            unexpected.push_back(name + " " + shape_text(tensor.sizes()));
    if (!missing.empty() || !mismatched.empty() || !unexpected.empty()) {
        std::ostringstream message;
        message << source << " does not match the model configuration:";
        for (const auto& line : mismatched)
            message << "\n  shape: " << line;
        for (const auto& name : missing)
            message << "\n  missing: " << name;
        for (const auto& line : unexpected)
            message << "\n  unexpected: " << line;
        throw Error(message.str());
    }
    torch::NoGradGuard no_grad;
    for (auto& item : parameters)
        item.value().copy_(given.at(item.key()).to(item.value().options()));
}

ModelConfig reconcile_with_weights(ModelConfig config, const NamedTensors& tensors, std::vector<std::string>& notes)
{
    const auto first_hybrid = config.layer_order().find(kHybridBlock);
    if (first_hybrid == std::string::npos)
        return config;
    const std::string a_name = "layers." + std::to_string(first_hybrid) + ".hybrid.A";
    for (const auto& [name, tensor] : tensors) {
        if (name != a_name || tensor.dim() != 2)
            continue;
        if (tensor.size(0) != config.d_state) {
            notes.push_back("config.json says d_state " + std::to_string(config.d_state) + " but the weights have " +
                            std::to_string(tensor.size(0)) + " (" + a_name + " is " + shape_text(tensor.sizes()) +
                            "); using " + std::to_string(tensor.size(0)));
            config.d_state = tensor.size(0);
        }
    }
    return config;
}

namespace {

// The first weights file that reads; a damaged one before it is passed over, and a note says so.
NamedTensors read_first_readable_weights(const fs::path& folder, std::optional<nlohmann::json>& embedded_config,
                                         fs::path& used, std::vector<std::string>& notes)
{
    std::vector<std::string> problems;
    for (const char* name : {"model.safetensors", "pytorch_model.bin", "pytorch_model_best.bin"}) {
        const fs::path candidate = folder / name;
        if (!fs::exists(candidate))
            continue;
        try {
            NamedTensors tensors = read_weights(candidate, &embedded_config);
            if (!problems.empty())
                notes.push_back(problems.back() + "; using " + candidate.filename().string() + " instead");
            used = candidate;
            return tensors;
        } catch (const Error& error) {
            problems.emplace_back(error.what());
        }
    }
    if (problems.empty())
        throw Error(folder.string() + ": no weights (model.safetensors or pytorch_model.bin)");
    throw_if_any("no readable weights in " + folder.string(), problems);
    return {};
}

// Weights that are NaN or infinite load fine and generate nonsense: say so.
void note_non_finite(const NamedTensors& tensors, std::vector<std::string>& notes)
{
    for (const auto& [name, tensor] : tensors) {
        if (!tensor.is_floating_point())
            continue;
        const int64_t bad = (~torch::isfinite(tensor)).sum().item<int64_t>();
        if (bad > 0)
            notes.push_back("tensor \"" + name + "\" holds " + std::to_string(bad) +
                            " values that are NaN or infinite; the model's output will be meaningless");
    }
}

} // namespace

LoadedModel load_model_folder(const fs::path& folder, const std::string& device)
{
    if (!fs::is_directory(folder))
        throw Error(folder.string() + ": no such model folder");
    const auto tokenizer_file = first_existing(folder, {"tokenizer.json", "vocab.json"});
    if (!tokenizer_file)
        throw Error(folder.string() + ": no tokenizer.json (or vocab.json)");

    LoadedModel loaded{ModelConfig{}, I3Model{nullptr}, ChunkTokenizer::load(*tokenizer_file), {}, {}, *tokenizer_file};
    std::optional<nlohmann::json> embedded_config;
    const NamedTensors tensors = read_first_readable_weights(folder, embedded_config, loaded.weights_file, loaded.notes);
    if (fs::exists(folder / "config.json"))
        loaded.config = read_model_config(folder / "config.json");
    else if (embedded_config)
        loaded.config = ModelConfig::from_json(*embedded_config);
    else
        throw Error(folder.string() + ": no config.json");
    loaded.config = reconcile_with_weights(loaded.config, tensors, loaded.notes);
    try {
        loaded.config.validate();
    } catch (const SettingsError& error) { // the folder's mistake, not the command line's
        throw Error(folder.string() + ": " + error.what());
    }
    if (loaded.tokenizer.vocab_size() != loaded.config.vocab_size)
        throw Error(tokenizer_file->string() + " has " + std::to_string(loaded.tokenizer.vocab_size()) +
                    " entries but config.json says vocab_size " + std::to_string(loaded.config.vocab_size));
    note_non_finite(tensors, loaded.notes);

    check_host_memory(4.0 * static_cast<double>(loaded.config.parameter_count()),
                      "the model of " + folder.string() + " (" + std::to_string(loaded.config.parameter_count()) +
                          " parameters)");
    loaded.model = I3Model(loaded.config);
    load_state_dict(loaded.model, tensors, loaded.weights_file.string());
    loaded.model->to(usable_device(device));
    loaded.model->eval();
    return loaded;
}

void save_model_folder(const fs::path& folder, const ModelConfig& config, I3Model& model,
                       const ChunkTokenizer& tokenizer, const ModelCard* card)
{
    fs::create_directories(folder);
    const NamedTensors tensors = model_state_dict(model);
    write_model_config(folder / "config.json", config);
    write_weights(folder / "model.safetensors", tensors);
    write_weights(folder / "pytorch_model.bin", tensors);
    tokenizer.save(folder / "tokenizer.json");
    if (card)
        write_file_atomically(folder / kModelCardFile, model_card_text(config, *card));
}

} // namespace i3
