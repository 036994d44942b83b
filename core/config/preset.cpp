// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/preset.h"

#include "base/error.h"
#include "config/preset_files.h"

namespace i3 {

Preset load_preset(const std::string& name)
{
    const nlohmann::json& file = preset_file(name);
    Preset preset;
    preset.name = name;
    preset.model = ModelConfig::preset(name);
    try {
        preset.description = file.value(preset_keys::kDescription, std::string());
        preset.training = TrainConfig::from_json(file.value(preset_keys::kTraining, nlohmann::json::object()));
    } catch (const std::exception& error) {
        throw Error("preset " + name + ": " + error.what());
    }
    return preset;
}

std::string preset_of(const ModelConfig& model)
{
    for (const auto& name : preset_names()) {
        const ModelConfig shape = ModelConfig::preset(name);
        bool same = true;
        for (const auto& setting : ModelConfig::settings()) {
            const auto* field = std::get_if<int64_t ModelConfig::*>(&setting.member);
            const bool vocabulary = field && *field == &ModelConfig::vocab_size;
            if (setting.is_number() && !vocabulary)
                same = same && setting.number(shape) == setting.number(model);
        }
        if (same && shape.layer_order() == model.layer_order())
            return name;
    }
    return {};
}

bool some_recipe_sets(const std::string& key)
{
    for (const auto& name : preset_names())
        if (preset_file(name).value(preset_keys::kTraining, nlohmann::json::object()).contains(key))
            return true;
    return false;
}

} // namespace i3
