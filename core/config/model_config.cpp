// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/model_config.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/json_file.h"
#include "config/model_blocks.h"
#include "config/preset_files.h"

#include <algorithm>
#include <map>

namespace i3 {

namespace {

using S = Setting<ModelConfig>;
using R = ValueRange;

constexpr const char* kLayerPatternKey = "layer_pattern";

// config.json's keys; "conv_layers" is the reference's name for the hybrid blocks.
// The upper bounds are far beyond any model that trains on one machine; they keep the parameter
// count and every size derived from the shape inside 64 bits. Memory is checked separately.
const std::vector<S> kSettings = {
    {"vocab_size", nullptr, "N", "vocabulary size (the tokenizer's)", &ModelConfig::vocab_size, R::from_to(2, 1 << 24),
     "vocab_size must be between 2 and 16777216"},
    {"d_model", "d-model", "N", "model width", &ModelConfig::d_model, R::from_to(1, 1 << 16),
     "d_model must be between 1 and 65536"},
    {"n_heads", "heads", "N", "attention heads", &ModelConfig::n_heads, R::from_to(1, 1 << 16),
     "n_heads must be between 1 and 65536"},
    {"max_seq_len", "context", "N", "context window (max_seq_len)", &ModelConfig::max_seq_len, R::from_to(1, 1 << 24),
     "the context (max_seq_len) must be between 1 and 16777216"},
    {"conv_layers", "hybrid-layers", "N", "RWKV-Mamba hybrid blocks", &ModelConfig::hybrid_layers, R::from_to(0, 4096),
     "the number of hybrid layers must be between 0 and 4096"},
    {"attn_layers", "attn-layers", "N", "attention blocks", &ModelConfig::attn_layers, R::from_to(0, 4096),
     "the number of attention layers must be between 0 and 4096"},
    {"d_state", "d-state", "N", "hybrid state size", &ModelConfig::d_state, R::from_to(1, 1 << 16),
     "d_state must be between 1 and 65536"},
    {kLayerPatternKey, "layer-pattern", "HA...",
     "the blocks in order, H hybrid and A attention, e.g. AHAHHHAA; it sets --hybrid-layers and\n"
     "--attn-layers too; the presets put the hybrid blocks first", &ModelConfig::layer_pattern},
};

// Keys config.json holds besides the settings: written from the shape, or read specially.
const char* const kFixedKeys[] = {"architectures", "model_type", "n_layers", "tokenizer_type", "dataset_sources",
                                  "torch_dtype"};

bool is_known_key(const std::string& key)
{
    if (find_setting(kSettings, key))
        return true;
    return std::find(std::begin(kFixedKeys), std::end(kFixedKeys), key) != std::end(kFixedKeys);
}

bool is_layer_pattern(const S& setting)
{
    const auto* field = std::get_if<std::string ModelConfig::*>(&setting.member);
    return field && *field == &ModelConfig::layer_pattern;
}

// A setting's value as messages show it: the layer order spelled out, as "" would say nothing.
std::string shown_text(const S& setting, const ModelConfig& config)
{
    return is_layer_pattern(setting) ? config.layer_order() : setting.text(config);
}

std::string pattern_problem(const ModelConfig& config)
{
    const std::string& pattern = config.layer_pattern;
    const auto stray = pattern.find_first_not_of(std::string{kHybridBlock, kAttentionBlock});
    if (stray != std::string::npos)
        return "the layer pattern \"" + pattern + "\" may hold only " + kHybridBlock + " (a hybrid block) and " +
               kAttentionBlock + " (an attention block), not '" + pattern[stray] + "'";
    const auto hybrid = std::count(pattern.begin(), pattern.end(), kHybridBlock);
    const auto attention = static_cast<int64_t>(pattern.size()) - hybrid;
    if (hybrid != config.hybrid_layers || attention != config.attn_layers)
        return "the layer pattern " + pattern + " has " + std::to_string(hybrid) + " hybrid and " +
               std::to_string(attention) + " attention blocks, but conv_layers is " +
               std::to_string(config.hybrid_layers) + " and attn_layers " + std::to_string(config.attn_layers);
    return {};
}

} // namespace

const std::vector<Setting<ModelConfig>>& ModelConfig::settings() { return kSettings; }

std::string reference_layer_order(int64_t hybrid, int64_t attention)
{
    return std::string(static_cast<size_t>(std::max<int64_t>(hybrid, 0)), kHybridBlock) +
           std::string(static_cast<size_t>(std::max<int64_t>(attention, 0)), kAttentionBlock);
}

std::string ModelConfig::layer_order() const
{
    return layer_pattern.empty() ? reference_layer_order(hybrid_layers, attn_layers) : layer_pattern;
}

void ModelConfig::set_layer_order(const std::string& order)
{
    hybrid_layers = std::count(order.begin(), order.end(), kHybridBlock);
    attn_layers = std::count(order.begin(), order.end(), kAttentionBlock);
    // Stray letters stay in the pattern, for problems() to name.
    layer_pattern = order == reference_layer_order(hybrid_layers, attn_layers) ? std::string() : order;
}

std::vector<std::string> shape_conflicts(const ModelConfig& wanted, const ModelConfig& have, const std::string& there)
{
    std::vector<std::string> conflicts;
    for (const auto& setting : ModelConfig::settings())
        if (setting.flag && shown_text(setting, wanted) != shown_text(setting, have))
            conflicts.push_back(std::string(setting.key) + " is " + shown_text(setting, wanted) + " here but " +
                                shown_text(setting, have) + " " + there);
    return conflicts;
}

int64_t ModelConfig::block_parameter_count(char kind) const { return layer_block(*this, kind, 0).parameters; }

int64_t ModelConfig::parameter_count() const
{
    int64_t count = 0;
    for (const auto& block : model_blocks(*this))
        count += block.parameters;
    return count;
}

std::vector<std::string> ModelConfig::problems() const
{
    std::vector<std::string> found;
    if (n_heads > 0 && d_model % n_heads != 0)
        found.push_back("d_model (" + std::to_string(d_model) + ") must be divisible by n_heads (" +
                        std::to_string(n_heads) + ")");
    add_range_problems(*this, kSettings, found);
    if (n_layers() <= 0)
        found.emplace_back("the model needs at least one layer");
    if (!layer_pattern.empty())
        if (std::string problem = pattern_problem(*this); !problem.empty())
            found.push_back(std::move(problem));
    if (tokenizer_type != "chunk")
        found.push_back("tokenizer_type \"" + tokenizer_type + "\" is not supported (only \"chunk\")");
    return found;
}

void ModelConfig::validate() const
{
    const auto found = problems();
    if (!found.empty())
        throw SettingsError(problem_list("invalid model configuration", found));
}

nlohmann::json ModelConfig::to_json() const
{
    nlohmann::json json = unknown_keys;
    json["architectures"] = {"i3Model"};
    json["model_type"] = "i3";
    write_settings(json, *this, kSettings);
    if (layer_order() == reference_layer_order(hybrid_layers, attn_layers))
        json.erase(kLayerPatternKey);
    json["n_layers"] = n_layers();
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
    read_settings(json, config, kSettings, "config.json");
    if (config.layer_pattern == reference_layer_order(config.hybrid_layers, config.attn_layers))
        config.layer_pattern.clear();
    if (json.contains("tokenizer_type") && json.at("tokenizer_type").is_string())
        config.tokenizer_type = json.at("tokenizer_type").get<std::string>();
    if (json.contains("dataset_sources") && json.at("dataset_sources").is_array())
        for (const auto& source : json.at("dataset_sources"))
            if (source.is_string())
                config.dataset_sources.push_back(source.get<std::string>());
    for (const auto& [key, value] : json.items())
        if (!is_known_key(key))
            config.unknown_keys[key] = value;
    return config;
}

ModelConfig ModelConfig::preset(const std::string& name)
{
    const nlohmann::json& file = preset_file(name);
    try {
        return from_json(file.at(preset_keys::kModel));
    } catch (const std::exception& error) {
        throw Error("preset " + name + ": " + error.what());
    }
}

std::vector<std::string> ModelConfig::preset_names() { return i3::preset_names(); }

ModelConfig read_model_config(const std::filesystem::path& path)
{
    const nlohmann::json json = read_json_file(path);
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
