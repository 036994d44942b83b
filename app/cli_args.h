// SPDX-License-Identifier: GPL-3.0-or-later
// Command-line options for the `i3lm` subcommands: each command declares its options once, and the
// same declaration parses the arguments, rejects unknown ones and prints --help.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace i3::cli {

// The command's name: not `i3`, which Debian's i3 window manager installs as /usr/bin/i3.
inline constexpr const char* kProgram = "i3lm";

// Options are declared and documented with '-' between words ("top-k"); "--top_k" is accepted as
// the same option. "--" ends the options: what follows is positional, even "--help".
struct Option {
    std::string name;       // without the dashes: "steps", "top-k"
    std::string value_name; // "N", "FILE"...; empty for a flag
    std::string help;
    bool many = false;      // takes every following argument up to the next option
};

struct Command {
    std::string name;     // "train", "tokenizer build"
    std::string synopsis; // what follows the name in the usage line
    std::string summary;
    std::vector<Option> options;
    std::string details;  // printed after the options
};

// A command made of subcommands ("i3lm", "i3lm tokenizer"): the list its --help prints.
struct CommandList {
    std::string name;        // "i3lm tokenizer"
    std::string description; // a paragraph under the usage line
    std::vector<std::pair<std::string, std::string>> commands; // each subcommand's name and summary
    std::string details;     // printed after the list
};

// A mistake in how the command was called: printed with a pointer to --help.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Arguments {
public:
    bool help = false;
    std::vector<std::string> positionals;

    bool has(const std::string& name) const;
    std::optional<std::string> get(const std::string& name) const;
    std::string get(const std::string& name, const std::string& fallback) const;
    int64_t integer(const std::string& name, int64_t fallback) const;
    // A whole number above 0 when the option is given (a UsageError for 0 or less), else nothing.
    std::optional<int64_t> count(const std::string& name) const;
    double number(const std::string& name, double fallback) const;
    std::vector<std::string> all(const std::string& name) const;

private:
    friend Arguments parse(const Command&, const std::vector<std::string>&);
    std::map<std::string, std::vector<std::string>> values_;
};

Arguments parse(const Command& command, const std::vector<std::string>& args);

// Throws i3::Error when writing to the standard output failed (a full disk, a closed pipe): a
// command whose output was lost must not report success.
void throw_if_output_failed();
std::string help_text(const Command& command);
std::string help_text(const CommandList& list);

} // namespace i3::cli
