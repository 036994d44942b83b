// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/json_file.h"

#include "base/atomic_file.h"
#include "base/error.h"

namespace i3 {

nlohmann::json read_json_file(const std::filesystem::path& path)
{
    const std::string text = read_file(path);
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& error) {
        throw Error(path.string() + ": not valid JSON (" + error.what() + ")");
    }
}

} // namespace i3
