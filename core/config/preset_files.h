// SPDX-License-Identifier: GPL-3.0-or-later
// The presets: data files in resources/presets/ (a model shape and a training recipe each),
// compiled into the program so that the command line and the studio offer the same ones.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace i3 {

// In the order they are offered: the published shapes first.
std::vector<std::string> preset_names();
// The parsed file; throws i3::Error naming the known presets when there is no `name`.
const nlohmann::json& preset_file(const std::string& name);

} // namespace i3
