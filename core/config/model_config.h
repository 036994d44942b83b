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
    // The blocks in order, one letter each: H a hybrid block, A an attention block ("AHAHHHAA");
    // empty: the reference's order, the hybrid blocks first. It holds hybrid_layers H and
    // attn_layers A (problems() says when not; set_layer_order keeps them so). config.json has it
    // under "layer_pattern" only when it is not the reference's order, so that a model in that
    // order writes the reference's file.
    std::string layer_pattern;
    std::string tokenizer_type = "chunk";
    std::vector<std::string> dataset_sources;
    nlohmann::json unknown_keys = nlohmann::json::object(); // kept, written back, otherwise ignored

    // The shape's fields, each described once (key as in config.json, flag, range).
    static const std::vector<Setting<ModelConfig>>& settings();

    int64_t n_layers() const { return hybrid_layers + attn_layers; }
    // The blocks in order, spelled out: layer_pattern, or the reference's order.
    std::string layer_order() const;
    // Takes the order and the counts from `order`; the reference's order is kept as "".
    void set_layer_order(const std::string& order);
    int64_t parameter_count() const;
    // The parameters of one block of that kind (kHybridBlock or kAttentionBlock): its two norms,
    // its mixer and its feed-forward.
    int64_t block_parameter_count(char kind) const;

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

// The blocks' letters in a layer pattern.
constexpr char kHybridBlock = 'H';
constexpr char kAttentionBlock = 'A';

// The reference's order: `hybrid` H, then `attention` A.
std::string reference_layer_order(int64_t hybrid, int64_t attention);

// Where `wanted` has another shape than `have` (every setting with a flag: the vocabulary size is
// the tokenizer's), one line each: "d_model is 64 here but 128 in the model" (`there` names
// `have`: "in the model").
std::vector<std::string> shape_conflicts(const ModelConfig& wanted, const ModelConfig& have, const std::string& there);

ModelConfig read_model_config(const std::filesystem::path& path);
void write_model_config(const std::filesystem::path& path, const ModelConfig& config);

} // namespace i3
