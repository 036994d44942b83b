// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/file_lines.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "text/unicode_text.h"

#include <cerrno>
#include <cstring>

namespace i3 {

namespace {

// Large enough that reading costs little per byte, small enough to be no burden to memory.
constexpr size_t kBlockBytes = size_t(1) << 20;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

} // namespace

FileLines::FileLines(std::filesystem::path file) : path_(std::move(file))
{
    check_regular_file(path_);
    file_ = std::fopen(path_.c_str(), "rb");
    if (!file_)
        throw Error("cannot open " + path_.string() + ": " + std::strerror(errno));
    fill();
    if (std::string_view(buffer_).substr(0, kByteOrderMark.size()) == kByteOrderMark) {
        start_ = kByteOrderMark.size();
        consumed_ = kByteOrderMark.size();
    }
}

FileLines::~FileLines()
{
    if (file_)
        std::fclose(file_);
}

// Moves what is left of the buffer to its front and appends the next block; false at the end.
bool FileLines::fill()
{
    if (end_of_file_)
        return false;
    buffer_.erase(0, start_);
    start_ = 0;
    const size_t kept = buffer_.size();
    buffer_.resize(kept + kBlockBytes);
    const size_t got = std::fread(buffer_.data() + kept, 1, kBlockBytes, file_);
    buffer_.resize(kept + got);
    if (got < kBlockBytes) {
        if (std::ferror(file_))
            throw Error("could not read " + path_.string() + ": " + std::strerror(errno));
        end_of_file_ = true;
    }
    return got > 0;
}

bool FileLines::next(std::string_view& line)
{
    if (finished_)
        return false;
    size_t end = buffer_.find('\n', start_);
    while (end == std::string::npos && !end_of_file_) {
        const size_t searched = buffer_.size() - start_;
        fill();
        end = buffer_.find('\n', searched);
    }
    const size_t stop = end == std::string::npos ? buffer_.size() : end;
    line = std::string_view(buffer_).substr(start_, stop - start_);
    ++number_;
    check_utf8(line, path_.string(), consumed_, number_);
    const size_t taken = end == std::string::npos ? line.size() : line.size() + 1;
    start_ += taken;
    consumed_ += taken;
    if (end == std::string::npos)
        finished_ = true;
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    return true;
}

} // namespace i3
