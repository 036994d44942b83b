// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_args.h"

#include "base/error.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>

namespace i3::cli {

namespace {

// "top_k" and "top-k" name the same option: the reference's scripts spell options with '_', GNU
// programs with '-', and people type either.
std::string canonical_name(std::string name)
{
    std::replace(name.begin(), name.end(), '_', '-');
    return name;
}

const Option* find_option(const Command& command, const std::string& name)
{
    const std::string wanted = canonical_name(name);
    for (const auto& option : command.options)
        if (canonical_name(option.name) == wanted)
            return &option;
    return nullptr;
}

// "--x" and longer; "-" alone is a file name (the standard input) and "--" ends the options.
bool looks_like_option(const std::string& arg) { return arg.size() > 2 && arg.compare(0, 2, "--") == 0; }

} // namespace

Arguments parse(const Command& command, const std::vector<std::string>& args)
{
    Arguments parsed;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--") {
            parsed.positionals.insert(parsed.positionals.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
            break;
        }
        if (arg == "--help" || arg == "-h") {
            parsed.help = true;
            continue;
        }
        if (!looks_like_option(arg)) {
            parsed.positionals.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inline_value;
        if (const auto equals = name.find('='); equals != std::string::npos) {
            inline_value = name.substr(equals + 1);
            name = name.substr(0, equals);
        }
        const Option* option = find_option(command, name);
        if (!option)
            throw UsageError("unknown option --" + name);
        auto& values = parsed.values_[canonical_name(option->name)];
        if (option->value_name.empty()) {
            if (inline_value)
                throw UsageError("--" + name + " takes no value");
            values.push_back("1");
        } else if (inline_value) {
            values.push_back(*inline_value);
        } else if (option->many) {
            while (i + 1 < args.size() && !looks_like_option(args[i + 1]) && args[i + 1] != "--")
                values.push_back(args[++i]);
            if (values.empty())
                throw UsageError("--" + name + " needs at least one " + option->value_name);
        } else {
            if (i + 1 >= args.size())
                throw UsageError("--" + name + " needs a value (" + option->value_name + ")");
            values.push_back(args[++i]);
        }
    }
    return parsed;
}

bool Arguments::has(const std::string& name) const { return values_.count(canonical_name(name)) > 0; }

std::optional<std::string> Arguments::get(const std::string& name) const
{
    const auto found = values_.find(canonical_name(name));
    if (found == values_.end() || found->second.empty())
        return std::nullopt;
    return found->second.back();
}

std::string Arguments::get(const std::string& name, const std::string& fallback) const
{
    return get(name).value_or(fallback);
}

namespace {

// The whole of `text` as a T, or nothing.
template <typename T>
std::optional<T> parse_whole(const std::string& text, T (*convert)(const std::string&, size_t*))
{
    size_t used = 0;
    try {
        const T result = convert(text, &used);
        if (used == text.size())
            return result;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

int64_t to_integer(const std::string& text, size_t* used) { return std::stoll(text, used); }
double to_number(const std::string& text, size_t* used) { return std::stod(text, used); }

} // namespace

int64_t Arguments::integer(const std::string& name, int64_t fallback) const
{
    const auto value = get(name);
    if (!value)
        return fallback;
    if (const auto result = parse_whole<int64_t>(*value, to_integer))
        return *result;
    throw UsageError("--" + name + " wants a whole number, not \"" + *value + "\"");
}

std::optional<int64_t> Arguments::count(const std::string& name) const
{
    if (!has(name))
        return std::nullopt;
    const int64_t value = integer(name, 0);
    if (value <= 0)
        throw UsageError("--" + name + " must be positive, not " + std::to_string(value));
    return value;
}

double Arguments::number(const std::string& name, double fallback) const
{
    const auto value = get(name);
    if (!value)
        return fallback;
    if (const auto result = parse_whole<double>(*value, to_number))
        return *result;
    throw UsageError("--" + name + " wants a number, not \"" + *value + "\"");
}

std::vector<std::string> Arguments::all(const std::string& name) const
{
    const auto found = values_.find(canonical_name(name));
    return found == values_.end() ? std::vector<std::string>{} : found->second;
}

std::string help_text(const Command& command)
{
    std::ostringstream text;
    text << "usage: " << kProgram << ' ' << command.name << ' ' << command.synopsis << "\n\n" << command.summary << "\n";
    if (!command.options.empty()) {
        text << "\noptions:\n";
        size_t width = 0;
        auto left = [](const Option& option) {
            std::string column = "--" + option.name;
            if (!option.value_name.empty())
                column += ' ' + option.value_name + (option.many ? "..." : "");
            return column;
        };
        for (const auto& option : command.options)
            width = std::max(width, left(option).size());
        // A help of several lines continues under its first line.
        const std::string indent = "\n" + std::string(width + 4, ' ');
        for (const auto& option : command.options) {
            const std::string column = left(option);
            std::string help = option.help;
            for (size_t at = help.find('\n'); at != std::string::npos; at = help.find('\n', at + indent.size()))
                help.replace(at, 1, indent);
            text << "  " << column << std::string(width - column.size() + 2, ' ') << help << '\n';
        }
        text << "  --help" << std::string(width - 4, ' ') << "show this help\n";
    }
    if (!command.details.empty())
        text << '\n' << command.details << '\n';
    return text.str();
}

std::string help_text(const CommandList& list)
{
    std::ostringstream text;
    text << "usage: " << list.name << " COMMAND [OPTIONS]\n\n" << list.description << "\n\ncommands:\n";
    size_t width = 0;
    for (const auto& command : list.commands)
        width = std::max(width, command.first.size());
    for (const auto& [name, summary] : list.commands)
        text << "  " << name << std::string(width - name.size() + 2, ' ') << summary << '\n';
    text << "\n'" << list.name << " COMMAND --help' describes a command.\n";
    if (!list.details.empty())
        text << '\n' << list.details << '\n';
    return text.str();
}

void throw_if_output_failed()
{
    // std::cout shares stdout's buffer (sync_with_stdio), so stdout's error flag covers both.
    std::cout.flush();
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout)
        throw Error(std::string("could not write the output: ") +
                    (errno != 0 ? std::strerror(errno) : "the standard output failed (a full disk, or a closed pipe?)"));
}

} // namespace i3::cli
