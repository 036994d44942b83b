// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/workspace.h"

#include "base/atomic_file.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <optional>

namespace fs = std::filesystem;

namespace i3 {

namespace {

std::optional<std::string> environment(const char* name)
{
    const char* value = std::getenv(name);
    if (!value || !*value)
        return std::nullopt;
    return std::string(value);
}

fs::path home_folder()
{
    if (const auto home = environment("HOME"))
        return *home;
    const passwd* user = ::getpwuid(::getuid());
    return user && user->pw_dir ? fs::path(user->pw_dir) : fs::path("/");
}

fs::path config_folder()
{
    const auto config = environment("XDG_CONFIG_HOME");
    return config && fs::path(*config).is_absolute() ? fs::path(*config) : home_folder() / ".config";
}

// The first line of a file without its line end; empty when it cannot be read.
std::string first_line(const fs::path& file)
{
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

// XDG_DOCUMENTS_DIR="$HOME/Documents" (or an absolute path) from user-dirs.dirs, as
// xdg-user-dirs writes it; empty when the file does not say.
fs::path documents_from_user_dirs()
{
    std::ifstream in(config_folder() / "user-dirs.dirs");
    const std::string key = "XDG_DOCUMENTS_DIR=\"";
    for (std::string line; std::getline(in, line);) {
        if (line.compare(0, key.size(), key) != 0 || line.size() < key.size() + 1 || line.back() != '"')
            continue;
        const std::string value = line.substr(key.size(), line.size() - key.size() - 1);
        const std::string home = "$HOME";
        if (value.compare(0, home.size(), home) == 0)
            return home_folder().string() + value.substr(home.size());
        if (fs::path(value).is_absolute())
            return value;
    }
    return {};
}

} // namespace

fs::path workspace_choice_file() { return config_folder() / "i3-studio" / "workspace"; }

fs::path documents_folder()
{
    const fs::path documents = documents_from_user_dirs();
    return documents.empty() ? home_folder() / "Documents" : documents;
}

Workspace default_workspace()
{
    if (const auto folder = environment(kWorkspaceVariable))
        return {*folder, std::string("$") + kWorkspaceVariable};
    const fs::path file = workspace_choice_file();
    if (const std::string chosen = first_line(file); !chosen.empty())
        return {chosen, "chosen in i3-studio (" + file.string() + ")"};
    return {documents_folder() / kDefaultWorkspaceName, "the default"};
}

void choose_workspace(const fs::path& folder) { write_file_atomically(workspace_choice_file(), folder.string() + "\n"); }

} // namespace i3
