// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a JSON file whose mistakes are the user's to fix: the message names the file.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>

namespace i3 {

// Throws i3::Error naming `path` when it cannot be read or is not valid JSON.
nlohmann::json read_json_file(const std::filesystem::path& path);

} // namespace i3
