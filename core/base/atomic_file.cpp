// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/atomic_file.h"

#include "base/error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <ftw.h>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace i3 {

namespace {

fs::path temporary_beside(const fs::path& target)
{
    std::random_device entropy;
    std::ostringstream name;
    name << '.' << target.filename().string() << ".tmp" << std::hex << entropy();
    return target.parent_path() / name.str();
}

} // namespace

void write_atomically(const fs::path& target, const std::function<void(const fs::path&)>& write)
{
    if (!target.parent_path().empty())
        fs::create_directories(target.parent_path());
    const fs::path temporary = temporary_beside(target);
    try {
        write(temporary);
        if (!fs::exists(temporary))
            throw Error("nothing was written for " + target.string());
        fs::rename(temporary, target);
    } catch (...) {
        std::error_code ignored;
        fs::remove(temporary, ignored); // a file: remove_all's trouble (atomic_file.h) does not arise
        throw;
    }
}

void write_file_atomically(const fs::path& target, const std::string& bytes)
{
    write_atomically(target, [&](const fs::path& temporary) {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            throw Error("cannot create " + temporary.string() + ": " + std::strerror(errno));
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out)
            throw Error("could not write " + target.string() + " (is the disk full?)");
    });
}

void remove_tree(const fs::path& path)
{
    const auto remove_entry = [](const char* entry, const struct stat*, int, struct FTW*) {
        return std::remove(entry) == 0 ? 0 : -1;
    };
    // Children before their folder (FTW_DEPTH); links are removed, not followed (FTW_PHYS).
    if (nftw(path.c_str(), remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0 && errno != ENOENT)
        throw Error("could not remove " + path.string() + ": " + std::strerror(errno));
}

std::string read_file(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("cannot open " + path.string() + ": " + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        throw Error("could not read " + path.string());
    return buffer.str();
}

} // namespace i3
