// SPDX-License-Identifier: GPL-3.0-or-later
// The table of contents of a zip archive (its central directory), read before any record is
// unpacked, so that what an archive claims can be checked against what it is: torch.save stores
// every record uncompressed, and nothing it wrote expands beyond its own size.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace i3 {

struct ZipEntry {
    std::string name;
    uint16_t method = 0; // 0: stored; 8: deflated
    uint64_t compressed_size = 0;
    uint64_t uncompressed_size = 0;
};

// Throws i3::Error naming the file when the directory is missing, truncated or inconsistent.
std::vector<ZipEntry> read_zip_directory(const std::filesystem::path& path);

} // namespace i3
