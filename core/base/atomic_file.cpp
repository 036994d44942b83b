// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/atomic_file.h"

#include "base/error.h"
#include "base/host_memory.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <fcntl.h>
#include <ftw.h>
#include <random>
#include <sstream>
#include <unistd.h>

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
        sync_to_disk(temporary);
        std::error_code error;
        fs::rename(temporary, target, error);
        if (error)
            throw Error("could not save " + target.string() + ": " + error.message());
    } catch (...) {
        std::error_code ignored;
        fs::remove(temporary, ignored); // a file: remove_all's trouble (atomic_file.h) does not arise
        throw;
    }
    sync_to_disk(target.parent_path().empty() ? fs::path(".") : target.parent_path());
}

Error write_error(const fs::path& file)
{
    const int cause = errno;
    return Error("could not write " + file.string() + ": " +
                 (cause != 0 ? std::strerror(cause) : "the write failed (is the disk full?)"));
}

void sync_to_disk(const fs::path& path)
{
    // A folder opens read-only; fsync through a read-only descriptor syncs it all the same.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw Error("cannot open " + path.string() + " to sync it: " + std::strerror(errno));
    const bool synced = ::fsync(fd) == 0;
    const int sync_errno = errno;
    ::close(fd);
    if (!synced)
        throw Error("could not write " + path.string() + " to the disk: " + std::strerror(sync_errno));
}

void write_file_atomically(const fs::path& target, const std::string& bytes)
{
    write_atomically(target, [&](const fs::path& temporary) {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            throw Error("cannot create " + target.string() + ": " + std::strerror(errno));
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out)
            throw write_error(target);
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

void check_regular_file(const fs::path& path)
{
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || status.type() == fs::file_type::not_found)
        throw Error("cannot open " + path.string() + ": " +
                    (error ? error.message() : std::string("No such file or directory")));
    if (status.type() == fs::file_type::directory)
        throw Error(path.string() + " is a folder, not a file");
    if (status.type() != fs::file_type::regular)
        throw Error(path.string() + " is not a regular file (a device, pipe or socket cannot be read as one)");
}

std::string read_file(const fs::path& path)
{
    check_regular_file(path);
    check_host_memory(static_cast<double>(fs::file_size(path)), "reading " + path.string());
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
