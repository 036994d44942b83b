// SPDX-License-Identifier: GPL-3.0-or-later
// The shape of an i3 model, read from and written to the reference's config.json.
#pragma once

#include "base/setting.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace i3 {

struct ModelConfig {
    int64_t vocab_size = 35560;
    int64_t d_model = 512;
    int64_t n_heads = 16;
    int64_t max_seq_len = 256;
    int64_t hybrid_layers = 10; // "conv_layers" in config.json
    int64_t attn_layers = 6;
    int64_t d_state = 32;
    std::string tokenizer_type = "chunk";
    std::vector<std::string> dataset_sources;
    nlohmann::json unknown_keys = nlohmann::json::object(); // kept, written back, otherwise ignored

    // The shape's fields, each described once (key as in config.json, flag, range).
    static const std::vector<Setting<ModelConfig>>& settings();

    int64_t n_layers() const { return hybrid_layers + attn_layers; }
    int64_t parameter_count() const;

    // Every problem with the values, in words; empty when the configuration is usable.
    std::vector<std::string> problems() const;
    // Throws i3::Error listing problems() when there are any.
    void validate() const;

    nlohmann::json to_json() const;
    static ModelConfig from_json(const nlohmann::json& json);

    // The shape of a preset (resources/presets/NAME.json): "i3-80m", "i3-22m", "small", "tiny";
    // throws i3::Error for an unknown name.
    static ModelConfig preset(const std::string& name);
    static std::vector<std::string> preset_names();
};

// Where `wanted` has another shape than `have` (every setting with a flag: the vocabulary size is
// the tokenizer's), one line each: "d_model is 64 here but 128 in the model" (`there` names
// `have`: "in the model").
std::vector<std::string> shape_conflicts(const ModelConfig& wanted, const ModelConfig& have, const std::string& there);

ModelConfig read_model_config(const std::filesystem::path& path);
void write_model_config(const std::filesystem::path& path, const ModelConfig& config);

} // namespace i3
