// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/run_folder.h"

#include "base/atomic_file.h"
#include "base/error.h"

#include <cstdio>
#include <fstream>

namespace fs = std::filesystem;

namespace i3 {

fs::path RunFolder::checkpoint_dir(int64_t step) const
{
    char name[32];
    std::snprintf(name, sizeof name, "step-%07lld", static_cast<long long>(step));
    return checkpoints_dir() / name;
}

std::optional<fs::path> RunFolder::latest_checkpoint() const
{
    const fs::path pointer = checkpoints_dir() / "latest";
    if (!fs::exists(pointer))
        return std::nullopt;
    std::string name = read_file(pointer);
    while (!name.empty() && (name.back() == '\n' || name.back() == '\r'))
        name.pop_back();
    const fs::path checkpoint = checkpoints_dir() / name;
    if (name.empty() || !fs::is_directory(checkpoint))
        throw Error(pointer.string() + " names a checkpoint that does not exist: \"" + name + "\"");
    return checkpoint;
}

void RunFolder::set_latest_checkpoint(const fs::path& checkpoint) const
{
    write_file_atomically(checkpoints_dir() / "latest", checkpoint.filename().string() + "\n");
}

void RunFolder::append_json_line(const fs::path& file, const nlohmann::json& line)
{
    std::ofstream out(file, std::ios::app);
    out << line.dump() << '\n';
    out.flush();
    if (!out)
        throw Error("could not append to " + file.string() + " (is the disk full?)");
}

nlohmann::json RunFolder::read_run_info() const
{
    try {
        return nlohmann::json::parse(read_file(run_file()));
    } catch (const nlohmann::json::exception& error) {
        throw Error(run_file().string() + ": not valid JSON (" + error.what() + ")");
    }
}

void RunFolder::write_run_info(const nlohmann::json& info) const
{
    write_file_atomically(run_file(), info.dump(2) + "\n");
}

} // namespace i3
