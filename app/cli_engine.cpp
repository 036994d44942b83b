// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_engine.h"

#include "cli_args.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <system_error>
#include <vector>

namespace i3::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kEngineName = "i3lm-engine";

// Where the engine may be, in the order tried: beside the front (the build tree), then the
// installed libexec path relative to the front's folder (I3_ENGINE_FROM_FRONT, set by CMake).
std::vector<fs::path> engine_candidates()
{
    std::error_code error;
    const fs::path front = fs::read_symlink("/proc/self/exe", error);
    if (error)
        return {};
    const fs::path folder = front.parent_path();
    return {folder / kEngineName, (folder / I3_ENGINE_FROM_FRONT).lexically_normal()};
}

} // namespace

void exec_engine(char** argv)
{
    const std::vector<fs::path> candidates = engine_candidates();
    for (const fs::path& engine : candidates) {
        if (access(engine.c_str(), X_OK) != 0)
            continue;
        execv(engine.c_str(), argv);
        std::cerr << kProgram << ": cannot run " << engine.string() << ": " << std::strerror(errno) << '\n';
        return;
    }
    std::cerr << kProgram << ": the engine program " << kEngineName << " is missing; looked for";
    for (size_t i = 0; i < candidates.size(); ++i)
        std::cerr << (i ? " and " : " ") << candidates[i].string();
    if (candidates.empty())
        std::cerr << " it beside this program, whose path /proc/self/exe does not give";
    std::cerr << ". Reinstall i3-studio, or run i3lm from its build folder.\n";
}

} // namespace i3::cli
