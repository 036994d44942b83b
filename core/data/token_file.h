// SPDX-License-Identifier: GPL-3.0-or-later
// The token store's files: one part of a corpus encoded, with what the Data panel shows of it,
// written once and then read through a read-only memory mapping, so that training on gigabytes of
// text holds in memory only the windows it reads.
//
// Layout (version 2; integers little-endian, as the machines this runs on write them):
//   header, 136 bytes: "I3TOKENS", version u32 = 2, width u32 (bytes per id: 2 when the
//     vocabulary has at most 65,536 ids, else 4), count u64 (ids), vocab_size u64, texts u64,
//     characters u64, bytes u64, preview_bytes u64, checksum u64, key char[64] (what the file was
//     made from, data/token_cache.h; spaces when nothing names it)
//   ids: count * width bytes, then zeros to a multiple of 8
//   token counts: vocab_size u64, by id
//   text lengths: kLengthBuckets u64 (data/data_stats.h)
//   preview: preview_bytes of texts, each a u32 length and its bytes, then zeros to a multiple of 8
// The checksum mixes every 8 bytes of the file but its own. Nothing in a file is trusted: opening
// one checks the sizes against the file's, the checksum, and that the counts add up.
// Version 1 (a 24-byte header, then 32-bit ids) is what run folders held before; it is still read.
#pragma once

#include "data/data_stats.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace i3 {

// 2 or 4: the bytes an id takes with this vocabulary.
int token_width(int64_t vocab_size);

// Writes a token file: ids as they come, then the statistics and the header. Counts the ids
// itself; the texts' counts come from the caller.
class TokenFileWriter {
public:
    // Creates (or truncates) `path`; `key` is at most 64 characters.
    TokenFileWriter(std::filesystem::path path, int64_t vocab_size, const std::string& key);
    ~TokenFileWriter();
    TokenFileWriter(const TokenFileWriter&) = delete;
    TokenFileWriter& operator=(const TokenFileWriter&) = delete;

    // Throws i3::Error for an id outside the vocabulary, or when the disk refuses the bytes.
    void append(const int32_t* ids, size_t count);
    // Writes what follows the ids and the header, and closes the file. `texts` gives the
    // counts of texts, characters, bytes and lengths; `preview` a few texts.
    void finish(const DataStats& texts, const std::vector<std::string>& preview);

private:
    void write(const char* data, size_t size);
    void flush_buffer();

    std::filesystem::path path_;
    std::FILE* file_ = nullptr;
    int width_;
    std::string key_;
    DataStats stats_;
    std::vector<char> buffer_;
    uint64_t checksum_;
};

class TokenFile {
public:
    // Opens and checks a version-2 token file for a vocabulary of `vocab_size` ids; throws
    // i3::Error naming the file and what is wrong with it.
    static std::shared_ptr<const TokenFile> open(const std::filesystem::path& path, int64_t vocab_size);
    ~TokenFile();
    TokenFile(const TokenFile&) = delete;
    TokenFile& operator=(const TokenFile&) = delete;

    const std::filesystem::path& path() const { return path_; }
    const std::string& key() const { return key_; }
    int width() const { return width_; }
    int64_t count() const { return count_; }
    const void* ids() const { return ids_; }
    const DataStats& stats() const { return stats_; }
    const std::vector<std::string>& preview() const { return preview_; }

    // Makes `target` hold this file: a hard link to it when the file system allows and the path
    // still names it, else a copy written atomically.
    void link_or_copy_to(const std::filesystem::path& target) const;

private:
    TokenFile() = default;
    void check_and_read(int64_t vocab_size);
    void copy_to(const std::filesystem::path& target) const;

    std::filesystem::path path_;
    int fd_ = -1;
    uint64_t size_ = 0;
    const char* mapping_ = nullptr;
    std::string key_;
    int width_ = 0;
    int64_t count_ = 0;
    const void* ids_ = nullptr;
    DataStats stats_;
    std::vector<std::string> preview_;
};

// A version-1 file (32-bit ids), as run folders held before; throws i3::Error when it is not one,
// is cut short, or holds an id outside the vocabulary.
std::vector<int32_t> read_legacy_token_file(const std::filesystem::path& path, int64_t vocab_size);

} // namespace i3
