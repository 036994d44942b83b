// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/config_diff.h"

#include "runs/run_schema.h"

#include <set>

namespace i3 {

namespace {

void flatten_into(const nlohmann::json& value, const std::string& prefix, std::map<std::string, std::string>& out)
{
    if (value.is_object() && !value.empty()) {
        for (const auto& [key, item] : value.items())
            flatten_into(item, prefix.empty() ? key : prefix + "." + key, out);
        return;
    }
    out[prefix] = value.is_string() ? value.get<std::string>() : value.dump();
}

} // namespace

std::map<std::string, std::string> flatten_json(const nlohmann::json& object)
{
    std::map<std::string, std::string> out;
    if (object.is_object())
        for (const auto& [key, item] : object.items())
            flatten_into(item, key, out);
    return out;
}

std::map<std::string, std::string> run_configuration(const RunInfo& info)
{
    nlohmann::json json = info.to_json();
    using namespace run_keys;
    for (const char* state : {kFormat, kCreated, kUpdated, kStatus, kCompletedSteps, kLastLoss})
        json.erase(state);
    return flatten_json(json);
}

std::vector<ConfigDifference> config_differences(const std::vector<std::map<std::string, std::string>>& configurations)
{
    std::vector<ConfigDifference> differences;
    if (configurations.size() < 2)
        return differences;
    std::set<std::string> keys;
    for (const auto& configuration : configurations)
        for (const auto& entry : configuration)
            keys.insert(entry.first);
    for (const std::string& key : keys) {
        ConfigDifference difference{key, {}};
        for (const auto& configuration : configurations) {
            const auto found = configuration.find(key);
            difference.values.push_back(found == configuration.end() ? std::nullopt
                                                                     : std::optional<std::string>(found->second));
        }
        bool same = true;
        for (const auto& value : difference.values)
            same = same && value == difference.values.front();
        if (!same)
            differences.push_back(std::move(difference));
    }
    return differences;
}

} // namespace i3
