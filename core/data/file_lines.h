// SPDX-License-Identifier: GPL-3.0-or-later
// The lines of a text file, read a block at a time so that a file of gigabytes never sits in
// memory whole: memory holds one block and the longest line.
//
// A line ends at "\n"; a "\r" before it (or at the end of the file) is dropped, as Windows files
// need. After the last "\n" comes one more line, empty when the file ends with "\n", so an empty
// file has one empty line. A UTF-8 byte order mark at the start is skipped. Every line is checked
// to be UTF-8; the i3::Error then names the file, the byte offset in the file (the mark counts)
// and the line.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace i3 {

class FileLines {
public:
    // Throws i3::Error when the file is missing, is no regular file or cannot be opened.
    explicit FileLines(std::filesystem::path file);
    ~FileLines();
    FileLines(const FileLines&) = delete;
    FileLines& operator=(const FileLines&) = delete;

    // The next line; false after the last. The view stays valid until the next call.
    bool next(std::string_view& line);
    // The number of the line last returned, from 1.
    size_t number() const { return number_; }
    // Bytes of the file consumed so far.
    uint64_t bytes_read() const { return consumed_; }
    const std::filesystem::path& path() const { return path_; }

private:
    bool fill();

    std::filesystem::path path_;
    std::FILE* file_ = nullptr;
    std::string buffer_;
    size_t start_ = 0;      // the next line's first byte in buffer_
    uint64_t consumed_ = 0; // file offset of buffer_[start_]
    size_t number_ = 0;
    bool end_of_file_ = false;
    bool finished_ = false;
};

} // namespace i3
