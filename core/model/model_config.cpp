// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/model_config.h"

#include "base/atomic_file.h"
#include "base/error.h"

#include <algorithm>
#include <map>

namespace i3 {

namespace {

// The keys this struct understands; everything else in config.json is kept as it is.
const char* const kKnownKeys[] = {"architectures", "model_type", "vocab_size", "d_model", "n_layers",
                                  "n_heads", "max_seq_len", "conv_layers", "attn_layers", "d_state",
                                  "tokenizer_type", "dataset_sources", "torch_dtype"};

int64_t integer_field(const nlohmann::json& json, const char* key, int64_t fallback)
{
    if (!json.contains(key))
        return fallback;
    const auto& value = json.at(key);
    if (!value.is_number_integer())
        throw Error(std::string("config.json: \"") + key + "\" must be a whole number, not " + value.dump());
    return value.get<int64_t>();
}

} // namespace

int64_t ModelConfig::parameter_count() const
{
    const int64_t d = d_model;
    const int64_t block_common = 2 * (2 * d) + (4 * d * d + 4 * d) + (4 * d * d + d); // 2 LNs + FFN
    const int64_t hybrid = d + d_state * d_state + d_state * d + d * d_state + d;
    const int64_t attention = (3 * d * d + 3 * d) + (d * d + d);
    return vocab_size * d + max_seq_len * d + hybrid_layers * (block_common + hybrid) +
           attn_layers * (block_common + attention) + 2 * d + vocab_size * d + vocab_size;
}

std::vector<std::string> ModelConfig::problems() const
{
    std::vector<std::string> found;
    auto require = [&](bool ok, const std::string& message) {
        if (!ok)
            found.push_back(message);
    };
    require(vocab_size > 1, "vocab_size must be at least 2");
    require(d_model > 0, "d_model must be positive");
    require(n_heads > 0, "n_heads must be positive");
    require(n_heads <= 0 || d_model % n_heads == 0,
            "d_model (" + std::to_string(d_model) + ") must be divisible by n_heads (" + std::to_string(n_heads) + ")");
    require(max_seq_len > 0, "the context (max_seq_len) must be positive");
    require(hybrid_layers >= 0 && attn_layers >= 0, "layer counts cannot be negative");
    require(n_layers() > 0, "the model needs at least one layer");
    require(d_state > 0, "d_state must be positive");
    require(tokenizer_type == "chunk", "tokenizer_type \"" + tokenizer_type + "\" is not supported (only \"chunk\")");
    return found;
}

void ModelConfig::validate() const { throw_if_any("invalid model configuration", problems()); }

nlohmann::json ModelConfig::to_json() const
{
    nlohmann::json json = unknown_keys;
    json["architectures"] = {"i3Model"};
    json["model_type"] = "i3";
    json["vocab_size"] = vocab_size;
    json["d_model"] = d_model;
    json["n_layers"] = n_layers();
    json["n_heads"] = n_heads;
    json["max_seq_len"] = max_seq_len;
    json["conv_layers"] = hybrid_layers;
    json["attn_layers"] = attn_layers;
    json["d_state"] = d_state;
    json["tokenizer_type"] = tokenizer_type;
    json["dataset_sources"] = dataset_sources;
    json["torch_dtype"] = "float32";
    return json;
}

ModelConfig ModelConfig::from_json(const nlohmann::json& json)
{
    if (!json.is_object())
        throw Error("config.json must hold a JSON object");
    ModelConfig config;
    config.vocab_size = integer_field(json, "vocab_size", config.vocab_size);
    config.d_model = integer_field(json, "d_model", config.d_model);
    config.n_heads = integer_field(json, "n_heads", config.n_heads);
    config.max_seq_len = integer_field(json, "max_seq_len", config.max_seq_len);
    config.hybrid_layers = integer_field(json, "conv_layers", 10);
    config.attn_layers = integer_field(json, "attn_layers", 6);
    config.d_state = integer_field(json, "d_state", config.d_state);
    if (json.contains("tokenizer_type") && json.at("tokenizer_type").is_string())
        config.tokenizer_type = json.at("tokenizer_type").get<std::string>();
    if (json.contains("dataset_sources") && json.at("dataset_sources").is_array())
        for (const auto& source : json.at("dataset_sources"))
            if (source.is_string())
                config.dataset_sources.push_back(source.get<std::string>());
    for (const auto& [key, value] : json.items())
        if (std::find(std::begin(kKnownKeys), std::end(kKnownKeys), key) == std::end(kKnownKeys))
            config.unknown_keys[key] = value;
    return config;
}

ModelConfig ModelConfig::preset(const std::string& name)
{
    ModelConfig config;
    if (name == "i3-80m")
        return config;
    if (name == "i3-22m") {
        config.vocab_size = 4466;
        config.hybrid_layers = 24;
        config.attn_layers = 0;
        return config;
    }
    if (name == "small") { // about 3.5 M parameters at a 2,000-chunk vocabulary: minutes per 300 steps on 2 cores
        config.d_model = 192;
        config.n_heads = 6;
        config.max_seq_len = 128;
        config.hybrid_layers = 4;
        config.attn_layers = 2;
        config.d_state = 16;
        return config;
    }
    if (name == "tiny") { // for tests and first experiments: a step takes milliseconds
        config.d_model = 64;
        config.n_heads = 4;
        config.max_seq_len = 64;
        config.hybrid_layers = 2;
        config.attn_layers = 1;
        config.d_state = 8;
        return config;
    }
    std::string known;
    for (const auto& preset_name : preset_names())
        known += (known.empty() ? "" : ", ") + preset_name;
    throw Error("unknown preset \"" + name + "\" (known: " + known + ")");
}

std::vector<std::string> ModelConfig::preset_names() { return {"i3-80m", "i3-22m", "small", "tiny"}; }

ModelConfig read_model_config(const std::filesystem::path& path)
{
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(read_file(path));
    } catch (const nlohmann::json::parse_error& error) {
        throw Error(path.string() + ": not valid JSON (" + error.what() + ")");
    }
    try {
        return ModelConfig::from_json(json);
    } catch (const Error& error) {
        throw Error(path.string() + ": " + error.what());
    }
}

void write_model_config(const std::filesystem::path& path, const ModelConfig& config)
{
    write_file_atomically(path, config.to_json().dump(2) + "\n");
}

} // namespace i3
