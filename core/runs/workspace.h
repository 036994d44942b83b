// SPDX-License-Identifier: GPL-3.0-or-later
// The workspace: the folder where new runs go and where the studio lists them, the same for
// `i3lm` and `i3-studio`, so that a run made by either shows in the other. It is, in this order:
// $I3_WORKSPACE; the folder chosen in the studio (File > Choose workspace), kept in
// $XDG_CONFIG_HOME/i3-studio/workspace (default ~/.config); "i3 Studio runs" in the documents
// folder (XDG_DOCUMENTS_DIR of user-dirs.dirs, default ~/Documents). `--out` (i3lm) and
// `--workspace` (i3-studio) override it for one run.
#pragma once

#include <filesystem>
#include <string>

namespace i3 {

inline constexpr const char* kWorkspaceVariable = "I3_WORKSPACE";
inline constexpr const char* kDefaultWorkspaceName = "i3 Studio runs";

struct Workspace {
    std::filesystem::path folder;
    std::string origin; // where it came from, in words: "$I3_WORKSPACE", "chosen in i3-studio (FILE)", "the default"
};

Workspace default_workspace();
// Remembers `folder` as the chosen workspace (atomically, in workspace_choice_file()).
void choose_workspace(const std::filesystem::path& folder);
std::filesystem::path workspace_choice_file();
// The user's documents folder, as the desktop names it.
std::filesystem::path documents_folder();

} // namespace i3
