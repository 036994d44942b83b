// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/token_file.h"

#include "base/atomic_file.h"
#include "base/error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <numeric>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace i3 {

namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'I', '3', 'T', 'O', 'K', 'E', 'N', 'S'};
constexpr uint32_t kVersion = 2;
constexpr uint32_t kLegacyVersion = 1;
constexpr size_t kKeyLength = 64;
constexpr size_t kBufferBytes = size_t(1) << 20; // a multiple of 8: the checksum takes 8 bytes at a time

struct Header {
    char magic[8];
    uint32_t version;
    uint32_t width;
    uint64_t count;
    uint64_t vocab_size;
    uint64_t texts;
    uint64_t characters;
    uint64_t bytes;
    uint64_t preview_bytes;
    uint64_t checksum;
    char key[kKeyLength];
};
static_assert(sizeof(Header) == 136 && sizeof(Header) % 8 == 0, "the header is 17 words, without padding");

struct LegacyHeader {
    char magic[8];
    uint32_t version;
    uint32_t vocab_size;
    uint64_t count;
};

constexpr uint64_t kChecksumStart = 0xCBF29CE484222325ULL;

// Mixes 8-byte words into `value`; each step is a bijection of the running value, so one changed
// word always changes the result. Not cryptographic: it finds damage, not forgery.
uint64_t mix_words(uint64_t value, const char* data, size_t size) // size a multiple of 8
{
    for (size_t i = 0; i < size; i += 8) {
        uint64_t word;
        std::memcpy(&word, data + i, 8);
        value ^= word;
        value = ((value << 29) | (value >> 35)) * 0x100000001B3ULL;
    }
    return value;
}

uint64_t padded(uint64_t bytes) { return (bytes + 7) / 8 * 8; }

// The header's own checksum, with its checksum field as zero, mixed with the rest's.
uint64_t file_checksum(Header header, uint64_t rest)
{
    header.checksum = 0;
    const uint64_t value = mix_words(kChecksumStart, reinterpret_cast<const char*>(&header), sizeof header);
    return mix_words(value, reinterpret_cast<const char*>(&rest), sizeof rest);
}

[[noreturn]] void damaged(const fs::path& path, const std::string& what)
{
    throw Error(path.string() + ": not a usable token file (" + what + ")");
}

} // namespace

int token_width(int64_t vocab_size) { return vocab_size <= 65536 ? 2 : 4; }

// ---- Writing ------------------------------------------------------------------------------------

TokenFileWriter::TokenFileWriter(fs::path path, int64_t vocab_size, const std::string& key)
    : path_(std::move(path)), width_(token_width(vocab_size)), key_(key), stats_(static_cast<size_t>(vocab_size)),
      checksum_(kChecksumStart)
{
    if (key_.size() > kKeyLength)
        throw Error("a token file's key is at most 64 characters");
    file_ = std::fopen(path_.c_str(), "wb");
    if (!file_)
        throw Error("cannot create " + path_.string() + ": " + std::strerror(errno));
    buffer_.reserve(kBufferBytes);
    buffer_.resize(sizeof(Header)); // written for real at the end
    flush_buffer();
}

TokenFileWriter::~TokenFileWriter()
{
    if (file_)
        std::fclose(file_);
}

void TokenFileWriter::flush_buffer()
{
    if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
        throw write_error(path_);
    buffer_.clear();
}

void TokenFileWriter::write(const char* data, size_t size)
{
    while (size > 0) {
        const size_t taken = std::min(size, kBufferBytes - buffer_.size());
        buffer_.insert(buffer_.end(), data, data + taken);
        data += taken;
        size -= taken;
        if (buffer_.size() == kBufferBytes) {
            checksum_ = mix_words(checksum_, buffer_.data(), buffer_.size());
            flush_buffer();
        }
    }
}

void TokenFileWriter::append(const int32_t* ids, size_t count)
{
    const auto vocab = static_cast<int32_t>(stats_.token_counts.size());
    for (size_t i = 0; i < count; ++i)
        if (ids[i] < 0 || ids[i] >= vocab)
            throw Error(path_.string() + ": token id " + std::to_string(ids[i]) + " is outside the vocabulary");
    stats_.add_tokens(ids, count);
    if (width_ == 4) {
        write(reinterpret_cast<const char*>(ids), count * sizeof(int32_t));
        return;
    }
    uint16_t narrow[4096];
    for (size_t first = 0; first < count; first += 4096) {
        const size_t n = std::min<size_t>(4096, count - first);
        for (size_t i = 0; i < n; ++i)
            narrow[i] = static_cast<uint16_t>(ids[first + i]);
        write(reinterpret_cast<const char*>(narrow), n * sizeof(uint16_t));
    }
}

void TokenFileWriter::finish(const DataStats& texts, const std::vector<std::string>& preview)
{
    const char zeros[8] = {};
    write(zeros, padded(stats_.tokens * width_) - stats_.tokens * width_);
    write(reinterpret_cast<const char*>(stats_.token_counts.data()), stats_.token_counts.size() * sizeof(uint64_t));
    write(reinterpret_cast<const char*>(texts.text_lengths.data()), texts.text_lengths.size() * sizeof(uint64_t));
    uint64_t preview_bytes = 0;
    for (const std::string& text : preview) {
        const auto length = static_cast<uint32_t>(text.size());
        write(reinterpret_cast<const char*>(&length), sizeof length);
        write(text.data(), text.size());
        preview_bytes += sizeof length + text.size();
    }
    write(zeros, padded(preview_bytes) - preview_bytes);
    checksum_ = mix_words(checksum_, buffer_.data(), buffer_.size());
    flush_buffer();

    Header header{};
    std::memcpy(header.magic, kMagic, sizeof kMagic);
    header.version = kVersion;
    header.width = static_cast<uint32_t>(width_);
    header.count = stats_.tokens;
    header.vocab_size = stats_.token_counts.size();
    header.texts = texts.texts;
    header.characters = texts.characters;
    header.bytes = texts.bytes;
    header.preview_bytes = preview_bytes;
    std::memset(header.key, ' ', kKeyLength);
    std::memcpy(header.key, key_.data(), key_.size());
    header.checksum = file_checksum(header, checksum_);
    if (std::fseek(file_, 0, SEEK_SET) != 0 || std::fwrite(&header, sizeof header, 1, file_) != 1 ||
        std::fflush(file_) != 0)
        throw write_error(path_);
    const int closed = std::fclose(file_);
    file_ = nullptr;
    if (closed != 0)
        throw write_error(path_);
}

// ---- Reading ------------------------------------------------------------------------------------

std::shared_ptr<const TokenFile> TokenFile::open(const fs::path& path, int64_t vocab_size)
{
    std::shared_ptr<TokenFile> file(new TokenFile());
    file->path_ = path;
    check_regular_file(path);
    file->fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (file->fd_ < 0)
        throw Error("cannot open " + path.string() + ": " + std::strerror(errno));
    file->check_and_read(vocab_size);
    return file;
}

TokenFile::~TokenFile()
{
    if (mapping_)
        ::munmap(const_cast<char*>(mapping_), size_);
    if (fd_ >= 0)
        ::close(fd_);
}

namespace {

// Reads `size` bytes at `offset` (through the page cache, not the mapping: a check of the whole
// file leaves nothing resident in this process).
void read_at(int fd, const fs::path& path, uint64_t offset, char* out, size_t size)
{
    while (size > 0) {
        const ssize_t got = ::pread(fd, out, size, static_cast<off_t>(offset));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            throw Error("could not read " + path.string() + ": " + std::strerror(errno));
        if (got == 0)
            damaged(path, "it ends early");
        out += got;
        offset += static_cast<uint64_t>(got);
        size -= static_cast<size_t>(got);
    }
}

// The sizes a header promises, checked against the file's size before anything is computed
// from them, so that no product overflows.
void check_sizes(const Header& header, uint64_t file_size, int64_t vocab_size, const fs::path& path)
{
    if (header.vocab_size != static_cast<uint64_t>(vocab_size))
        damaged(path, "made with a vocabulary of " + std::to_string(header.vocab_size) + " ids, the tokenizer has " +
                          std::to_string(vocab_size));
    if (header.width != static_cast<uint32_t>(token_width(vocab_size)))
        damaged(path, "ids of " + std::to_string(header.width) + " bytes for a vocabulary that needs " +
                          std::to_string(token_width(vocab_size)));
    const uint64_t room = file_size - sizeof(Header);
    if (header.count > room / header.width || header.vocab_size > room / 8 || header.preview_bytes > room)
        damaged(path, "its header promises more than the file holds");
    const uint64_t expected = sizeof(Header) + padded(header.count * header.width) + header.vocab_size * 8 +
                              kLengthBuckets * 8 + padded(header.preview_bytes);
    if (expected != file_size)
        damaged(path, "it is " + std::to_string(file_size) + " bytes, its header says " + std::to_string(expected));
}

} // namespace

void TokenFile::check_and_read(int64_t vocab_size)
{
    struct stat status {};
    if (::fstat(fd_, &status) != 0)
        throw Error("cannot read " + path_.string() + ": " + std::strerror(errno));
    size_ = static_cast<uint64_t>(status.st_size);
    Header header{};
    if (size_ < sizeof header)
        damaged(path_, "shorter than its header");
    read_at(fd_, path_, 0, reinterpret_cast<char*>(&header), sizeof header);
    if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0)
        damaged(path_, "no i3 token file header");
    if (header.version != kVersion)
        damaged(path_, "version " + std::to_string(header.version) + ", this program reads version " +
                           std::to_string(kVersion));
    check_sizes(header, size_, vocab_size, path_);

    uint64_t checksum = kChecksumStart;
    std::vector<char> block(kBufferBytes);
    for (uint64_t offset = sizeof header; offset < size_; offset += block.size()) {
        const size_t n = static_cast<size_t>(std::min<uint64_t>(block.size(), size_ - offset));
        read_at(fd_, path_, offset, block.data(), n);
        checksum = mix_words(checksum, block.data(), n);
    }
    if (file_checksum(header, checksum) != header.checksum)
        damaged(path_, "its checksum does not match: the file is damaged");

    key_.assign(header.key, kKeyLength);
    key_.erase(key_.find_last_not_of(' ') + 1);
    width_ = static_cast<int>(header.width);
    count_ = static_cast<int64_t>(header.count);
    stats_ = DataStats(header.vocab_size);
    stats_.texts = header.texts;
    stats_.characters = header.characters;
    stats_.bytes = header.bytes;
    stats_.tokens = header.count;
    uint64_t offset = sizeof header + padded(header.count * header.width);
    read_at(fd_, path_, offset, reinterpret_cast<char*>(stats_.token_counts.data()), header.vocab_size * 8);
    offset += header.vocab_size * 8;
    read_at(fd_, path_, offset, reinterpret_cast<char*>(stats_.text_lengths.data()), kLengthBuckets * 8);
    offset += kLengthBuckets * 8;
    if (std::accumulate(stats_.token_counts.begin(), stats_.token_counts.end(), uint64_t(0)) != header.count ||
        std::accumulate(stats_.text_lengths.begin(), stats_.text_lengths.end(), uint64_t(0)) != header.texts)
        damaged(path_, "its counts do not add up");

    std::string preview(header.preview_bytes, '\0');
    read_at(fd_, path_, offset, preview.data(), preview.size());
    for (size_t at = 0; at < preview.size();) {
        uint32_t length = 0;
        if (preview.size() - at < sizeof length)
            damaged(path_, "its preview is cut short");
        std::memcpy(&length, preview.data() + at, sizeof length);
        at += sizeof length;
        if (length > preview.size() - at)
            damaged(path_, "its preview is cut short");
        preview_.push_back(preview.substr(at, length));
        at += length;
    }

    if (count_ > 0) {
        void* mapped = ::mmap(nullptr, size_, PROT_READ, MAP_SHARED, fd_, 0);
        if (mapped == MAP_FAILED)
            throw Error("cannot map " + path_.string() + " into memory: " + std::strerror(errno));
        // Training reads windows at random places: reading ahead would only fill memory.
        ::madvise(mapped, size_, MADV_RANDOM);
        mapping_ = static_cast<const char*>(mapped);
        ids_ = mapping_ + sizeof header;
    }
}

void TokenFile::copy_to(const fs::path& target) const
{
    write_atomically(target, [&](const fs::path& temporary) {
        std::FILE* out = std::fopen(temporary.c_str(), "wb");
        if (!out)
            throw Error("cannot create " + target.string() + ": " + std::strerror(errno));
        std::vector<char> block(kBufferBytes);
        bool written = true;
        for (uint64_t offset = 0; offset < size_ && written; offset += block.size()) {
            const size_t n = static_cast<size_t>(std::min<uint64_t>(block.size(), size_ - offset));
            read_at(fd_, path_, offset, block.data(), n);
            written = std::fwrite(block.data(), 1, n, out) == n;
        }
        written = std::fflush(out) == 0 && written;
        if (std::fclose(out) != 0 || !written)
            throw write_error(target);
    });
}

void TokenFile::link_or_copy_to(const fs::path& target) const
{
    std::error_code error;
    fs::create_hard_link(path_, target, error);
    if (!error) {
        struct stat linked {}, mine {};
        // The cache may have replaced the file since it was opened: then the link names another.
        if (::stat(target.c_str(), &linked) == 0 && ::fstat(fd_, &mine) == 0 && linked.st_dev == mine.st_dev &&
            linked.st_ino == mine.st_ino)
            return;
        fs::remove(target, error);
    }
    copy_to(target);
}

// ---- Version 1 ----------------------------------------------------------------------------------

std::vector<int32_t> read_legacy_token_file(const fs::path& path, int64_t vocab_size)
{
    const std::string bytes = read_file(path);
    LegacyHeader header{};
    if (bytes.size() < sizeof header)
        throw Error(path.string() + ": too short to be a token file");
    std::memcpy(&header, bytes.data(), sizeof header);
    if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 || header.version != kLegacyVersion)
        throw Error(path.string() + ": not an i3 token file");
    if (header.count > bytes.size() / sizeof(int32_t) || bytes.size() != sizeof header + header.count * sizeof(int32_t))
        throw Error(path.string() + ": truncated or corrupt (size does not match its header)");
    if (static_cast<int64_t>(header.vocab_size) != vocab_size)
        throw Error(path.string() + ": made with a vocabulary of " + std::to_string(header.vocab_size) +
                    ", the tokenizer has " + std::to_string(vocab_size));
    std::vector<int32_t> tokens(header.count);
    std::memcpy(tokens.data(), bytes.data() + sizeof header, header.count * sizeof(int32_t));
    for (const int32_t id : tokens)
        if (id < 0 || id >= vocab_size)
            throw Error(path.string() + ": token id " + std::to_string(id) + " is outside the vocabulary");
    return tokens;
}

} // namespace i3
