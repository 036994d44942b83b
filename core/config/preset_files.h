// SPDX-License-Identifier: GPL-3.0-or-later
// The presets: data files in resources/presets/ (a model shape and a training recipe each),
// compiled into the program so that the command line and the studio offer the same ones.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace i3 {

// A preset file's keys.
namespace preset_keys {
inline constexpr const char* kDescription = "description";
inline constexpr const char* kModel = "model";       // config.json's keys for the shape
inline constexpr const char* kTraining = "training"; // run.json's training keys the recipe sets
} // namespace preset_keys

// In the order they are offered: the published shapes first.
std::vector<std::string> preset_names();
// "i3-80m, i3-22m, small, tiny", for messages and help.
std::string preset_names_text();
// The parsed file; throws i3::Error naming the known presets when there is no `name`.
const nlohmann::json& preset_file(const std::string& name);

} // namespace i3
