// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/json_file.h"

#include "base/atomic_file.h"
#include "base/error.h"

namespace i3 {

namespace {

constexpr size_t kExcerptLength = 60;

class TooDeep : public std::exception {};

// nlohmann's message without its "[json.exception.parse_error.101] " prefix, and without "line 1"
// when the text is one line (a line of a .jsonl file: the caller names the line).
std::string parse_problem(const std::string& message, const std::string& text)
{
    std::string problem = message;
    const auto end = problem.find("] ");
    if (problem.rfind("[json.exception.", 0) == 0 && end != std::string::npos)
        problem = problem.substr(end + 2);
    const std::string first_line = "at line 1, ";
    const auto line = problem.find(first_line);
    if (text.find('\n') == std::string::npos && line != std::string::npos)
        problem.replace(line, first_line.size(), "at ");
    return problem;
}

template <class Json>
Json parse_bounded(const std::string& text, const std::string& where)
{
    // The callback sees each value's depth as the parser reaches it, before anything deeper exists.
    const auto bound_depth = [](int depth, typename Json::parse_event_t, Json&) {
        if (depth > kMaxJsonDepth)
            throw TooDeep();
        return true;
    };
    try {
        return Json::parse(text, bound_depth);
    } catch (const TooDeep&) {
        throw Error(where + ": JSON nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
    } catch (const typename Json::parse_error& error) {
        throw Error(where + ": not valid JSON: " + parse_problem(error.what(), text));
    }
}

template <class Json>
std::string excerpt(const Json& value)
{
    // Values come from parse_json, so printing them is bounded in depth; long ones are cut.
    std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (text.size() > kExcerptLength)
        text = text.substr(0, kExcerptLength) + "...";
    return text;
}

} // namespace

nlohmann::json parse_json(const std::string& text, const std::string& where)
{
    return parse_bounded<nlohmann::json>(text, where);
}

nlohmann::ordered_json parse_ordered_json(const std::string& text, const std::string& where)
{
    return parse_bounded<nlohmann::ordered_json>(text, where);
}

nlohmann::json read_json_file(const std::filesystem::path& path) { return parse_json(read_file(path), path.string()); }

std::string json_excerpt(const nlohmann::json& value) { return excerpt(value); }
std::string json_excerpt(const nlohmann::ordered_json& value) { return excerpt(value); }

} // namespace i3
