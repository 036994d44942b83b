// SPDX-License-Identifier: GPL-3.0-or-later
// Writing downloaded bytes so that neither a crash nor a full disk can pass for a whole file: the
// bytes are appended to a file of their own, synced before it is renamed, and the folder synced
// after (base/atomic_file.h's sync_to_disk).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace i3 {

class AppendFile {
public:
    // Opens `path` for appending, creating it; `truncate` starts it empty. `what` names the
    // download in messages ("file config.json of model owner/name").
    AppendFile(const std::filesystem::path& path, bool truncate, std::string what);
    ~AppendFile();
    AppendFile(const AppendFile&) = delete;
    AppendFile& operator=(const AppendFile&) = delete;

    // Throws i3::Error saying so when the disk is full.
    void write(const char* data, size_t size);
    void sync();
    uint64_t size() const { return size_; }

private:
    std::filesystem::path path_;
    std::string what_;
    int fd_ = -1;
    uint64_t size_ = 0;
};

} // namespace i3
