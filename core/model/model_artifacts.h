// SPDX-License-Identifier: GPL-3.0-or-later
// Model folders as the reference and the Hub hold them: config.json + weights (model.safetensors
// or pytorch_model.bin) + tokenizer.json (or vocab.json). Loading checks every tensor's name and
// shape against the configuration and says precisely what disagrees.
#pragma once

#include "text/chunk_tokenizer.h"
#include "model/i3_model.h"
#include "config/model_config.h"
#include "formats/named_tensors.h"
#include "model/model_card.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

// Weights by file extension: .safetensors, or .bin/.pt/.pth (PyTorch zip; a {"model_state_dict",
// "config"} wrapper is unwrapped and its config returned through embedded_config).
NamedTensors read_weights(const std::filesystem::path& path, std::optional<nlohmann::json>* embedded_config = nullptr);
void write_weights(const std::filesystem::path& path, const NamedTensors& tensors);

// The model's parameters under the reference's names, as contiguous float32 CPU copies.
NamedTensors model_state_dict(I3Model& model);
// Copies `tensors` into the model after checking that the names and shapes are exactly the
// model's; otherwise throws i3::Error listing every missing, unexpected and mis-shaped tensor.
void load_state_dict(I3Model& model, const NamedTensors& tensors, const std::string& source);

// The reference writes "d_state": 64 while its weights have 32 (§1): the weights win, and a note
// says so.
ModelConfig reconcile_with_weights(ModelConfig config, const NamedTensors& tensors, std::vector<std::string>& notes);

struct LoadedModel {
    ModelConfig config;
    I3Model model{nullptr};
    ChunkTokenizer tokenizer;
    std::filesystem::path weights_file;
    std::vector<std::string> notes;
    std::filesystem::path tokenizer_file; // things the user should know (e.g. a corrected d_state)
};

// Reads a model folder onto `device`.
LoadedModel load_model_folder(const std::filesystem::path& folder, const std::string& device = "cpu");

// Writes config.json, model.safetensors, pytorch_model.bin, tokenizer.json and, when `card` is
// given, its README.md, each atomically.
void save_model_folder(const std::filesystem::path& folder, const ModelConfig& config, I3Model& model,
                       const ChunkTokenizer& tokenizer, const ModelCard* card = nullptr);

} // namespace i3
