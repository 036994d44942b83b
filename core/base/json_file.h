// SPDX-License-Identifier: GPL-3.0-or-later
// JSON from files the user (or anyone) wrote: parsed with a bound on nesting, so that a hostile
// file cannot exhaust the stack of whatever walks the value later (printing it recurses), and
// quoted in messages only in part.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace i3 {

// Deeper than any configuration, tokenizer or safetensors header needs.
inline constexpr int kMaxJsonDepth = 64;

// Parses `text`; throws i3::Error beginning with `where` (a file's name, "line 3 of data.jsonl")
// when it is not valid JSON or nests deeper than kMaxJsonDepth.
nlohmann::json parse_json(const std::string& text, const std::string& where);
nlohmann::ordered_json parse_ordered_json(const std::string& text, const std::string& where);

// Throws i3::Error naming `path` when it cannot be read or is not valid JSON.
nlohmann::json read_json_file(const std::filesystem::path& path);

// A value as it would be printed, cut to about 60 characters: for messages about untrusted files.
std::string json_excerpt(const nlohmann::json& value);
std::string json_excerpt(const nlohmann::ordered_json& value);

} // namespace i3
