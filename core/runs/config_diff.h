// SPDX-License-Identifier: GPL-3.0-or-later
// How the configurations of several runs differ: run.json's settings (model, training, data,
// where it started from) flattened to dotted keys ("training.lr", "model.d_model"), and only the
// keys whose values are not the same in every run.
#pragma once

#include "runs/run_info.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

// A JSON object as dotted keys and value texts: nested objects join their keys with '.', arrays
// and numbers are written as JSON ("[1,2]", "0.001"), strings as they are.
std::map<std::string, std::string> flatten_json(const nlohmann::json& object);

// What a run is configured as: run.json's keys but its state (status, times, steps done, loss).
std::map<std::string, std::string> run_configuration(const RunInfo& info);

struct ConfigDifference {
    std::string key;
    std::vector<std::optional<std::string>> values; // one per configuration; empty where it lacks the key
};

// The keys, in order, whose values differ between `configurations` (a key that some lack
// differs); nothing for fewer than two.
std::vector<ConfigDifference> config_differences(const std::vector<std::map<std::string, std::string>>& configurations);

} // namespace i3
