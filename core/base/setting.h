// SPDX-License-Identifier: GPL-3.0-or-later
// One description per setting of a configuration struct: its JSON key, its command-line flag and
// help, the struct member it lives in, and the values it may take. A configuration's table drives
// its JSON reading and writing, its validation, the command line's flags and the studio's form,
// so a setting is added, renamed or re-ranged in one line.
#pragma once

#include "base/error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

namespace i3 {

// The values a number may take: low..high, each end open or closed; never NaN or infinite.
struct ValueRange {
    double low = -std::numeric_limits<double>::infinity();
    double high = std::numeric_limits<double>::infinity();
    bool low_open = false;
    bool high_open = false;

    bool contains(double value) const
    {
        return std::isfinite(value) && (low_open ? value > low : value >= low) &&
               (high_open ? value < high : value <= high);
    }
    static ValueRange at_least(double low) { return {low, std::numeric_limits<double>::infinity(), false, false}; }
    static ValueRange above(double low) { return {low, std::numeric_limits<double>::infinity(), true, false}; }
    static ValueRange from_to(double low, double high, bool high_open = false) { return {low, high, false, high_open}; }
};

template <class Config>
struct Setting {
    using Member = std::variant<int64_t Config::*, uint64_t Config::*, double Config::*, bool Config::*,
                                std::string Config::*, std::vector<std::string> Config::*>;

    const char* key;        // in JSON
    const char* flag;       // the command-line option without "--"; nullptr when there is none
    const char* value_name; // what --help shows after the flag: "N", "X", "D"; "" for a switch (bool)
    const char* help;       // one line, for --help
    Member member;
    ValueRange range = {};     // numbers only
    const char* problem = "";  // said when a number is outside the range

    bool is_integer() const { return std::holds_alternative<int64_t Config::*>(member); }
    bool is_switch() const { return std::holds_alternative<bool Config::*>(member); }
    bool is_number() const
    {
        return is_integer() || std::holds_alternative<uint64_t Config::*>(member) ||
               std::holds_alternative<double Config::*>(member);
    }
    // A number's value as a double (for range checks and forms); NaN for text settings.
    double number(const Config& config) const
    {
        return std::visit(
            [&](auto field) -> double {
                using Value = std::decay_t<decltype(config.*field)>;
                if constexpr (std::is_arithmetic_v<Value> && !std::is_same_v<Value, bool>)
                    return static_cast<double>(config.*field);
                else
                    return std::numeric_limits<double>::quiet_NaN();
            },
            member);
    }
    void set_number(Config& config, double value) const
    {
        std::visit(
            [&](auto field) {
                using Value = std::decay_t<decltype(config.*field)>;
                if constexpr (std::is_arithmetic_v<Value> && !std::is_same_v<Value, bool>)
                    config.*field = static_cast<Value>(value);
            },
            member);
    }
    // The value as --help shows a default: "5000", "0.0003", "cpu".
    std::string text(const Config& config) const
    {
        return std::visit(
            [&](auto field) -> std::string {
                const auto& value = config.*field;
                using Value = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<Value, std::vector<std::string>>) {
                    std::string joined;
                    for (const auto& item : value)
                        joined += (joined.empty() ? "" : ", ") + item;
                    return joined;
                } else if constexpr (std::is_same_v<Value, std::string>) {
                    return value;
                } else if constexpr (std::is_same_v<Value, bool>) {
                    return value ? "on" : "off";
                } else {
                    std::ostringstream out;
                    out << value;
                    return out.str();
                }
            },
            member);
    }
};

// Every setting's value under its key.
template <class Config>
void write_settings(nlohmann::json& json, const Config& config, const std::vector<Setting<Config>>& table)
{
    for (const auto& setting : table)
        std::visit([&](auto field) { json[setting.key] = config.*field; }, setting.member);
}

// Reads the keys that are present; a value of the wrong type is an i3::Error naming the key
// (`where` says in what: "training configuration"). Other keys are left alone.
template <class Config>
void read_settings(const nlohmann::json& json, Config& config, const std::vector<Setting<Config>>& table,
                   const std::string& where)
{
    if (!json.is_object())
        throw Error(where + ": must be a JSON object, not " + std::string(json.type_name()));
    for (const auto& setting : table) {
        const auto found = json.find(setting.key);
        if (found == json.end())
            continue;
        std::visit(
            [&](auto field) {
                using Value = std::decay_t<decltype(config.*field)>;
                if constexpr (std::is_same_v<Value, bool>) {
                    if (!found->is_boolean())
                        throw Error(where + ": \"" + setting.key + "\" must be true or false, not " +
                                    std::string(found->type_name()));
                } else if constexpr (std::is_integral_v<Value>) {
                    const bool whole = std::is_unsigned_v<Value> ? found->is_number_unsigned() : found->is_number_integer();
                    if (!whole)
                        throw Error(where + ": \"" + setting.key + "\" must be a whole number, not " +
                                    std::string(found->type_name()));
                } else if constexpr (std::is_floating_point_v<Value>) {
                    if (!found->is_number())
                        throw Error(where + ": \"" + setting.key + "\" must be a number, not " +
                                    std::string(found->type_name()));
                }
                try {
                    found->get_to(config.*field);
                } catch (const nlohmann::json::exception&) {
                    throw Error(where + ": \"" + setting.key + "\" has the wrong type (" +
                                std::string(found->type_name()) + ")");
                }
            },
            setting.member);
    }
}

// The problem of every number outside its range, in the table's words.
template <class Config>
void add_range_problems(const Config& config, const std::vector<Setting<Config>>& table, std::vector<std::string>& found)
{
    for (const auto& setting : table) {
        if (!setting.is_number() || setting.range.contains(setting.number(config)))
            continue;
        if (std::isfinite(setting.number(config)))
            found.emplace_back(setting.problem);
        else // infinity or NaN: run.json could not even store it
            found.push_back(std::string(setting.key) + " must be a finite number");
    }
}

template <class Config>
const Setting<Config>* find_setting(const std::vector<Setting<Config>>& table, const std::string& key)
{
    for (const auto& setting : table)
        if (key == setting.key)
            return &setting;
    return nullptr;
}

} // namespace i3
