// SPDX-License-Identifier: GPL-3.0-or-later
// Command-line options made from a configuration's settings table (base/setting.h): one option
// per setting that has a flag, with its help, and the parsed values written into the struct.
#pragma once

#include "base/setting.h"
#include "cli_args.h"

#include <string>
#include <type_traits>
#include <vector>

namespace i3::cli {

// `default_text(setting)` says what the option defaults to, e.g. "5000" or "the preset's".
template <class Config, class DefaultText>
void add_setting_options(std::vector<Option>& options, const std::vector<Setting<Config>>& table,
                         const DefaultText& default_text)
{
    for (const auto& setting : table) {
        if (!setting.flag)
            continue;
        const bool many = std::holds_alternative<std::vector<std::string> Config::*>(setting.member);
        const std::string fallback = default_text(setting);
        options.push_back({setting.flag, setting.value_name,
                           std::string(setting.help) + (fallback.empty() ? "" : " (default " + fallback + ")"), many});
    }
}

// Writes every setting given on the command line into `config`; a malformed number is a UsageError.
template <class Config>
void apply_setting_options(const Arguments& args, Config& config, const std::vector<Setting<Config>>& table)
{
    for (const auto& setting : table) {
        if (!setting.flag || !args.has(setting.flag))
            continue;
        std::visit(
            [&](auto field) {
                auto& value = config.*field;
                using Value = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<Value, std::vector<std::string>>)
                    value = args.all(setting.flag);
                else if constexpr (std::is_same_v<Value, std::string>)
                    value = *args.get(setting.flag);
                else if constexpr (std::is_same_v<Value, bool>)
                    value = true; // a switch: present means on
                else if constexpr (std::is_integral_v<Value>)
                    value = static_cast<Value>(args.integer(setting.flag, 0));
                else
                    value = args.number(setting.flag, 0);
            },
            setting.member);
    }
}

} // namespace i3::cli
