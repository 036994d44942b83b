// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/zip_directory.h"

#include "base/error.h"

#include <algorithm>
#include <fstream>

namespace fs = std::filesystem;

namespace i3 {

namespace {

// Record signatures and sizes from the zip specification (APPNOTE.TXT).
constexpr uint32_t kEndOfDirectory = 0x06054b50;
constexpr uint32_t kZip64EndOfDirectory = 0x06064b50;
constexpr uint32_t kZip64Locator = 0x07064b50;
constexpr uint32_t kDirectoryEntry = 0x02014b50;
constexpr size_t kEndOfDirectorySize = 22;
constexpr size_t kZip64LocatorSize = 20;
constexpr size_t kZip64EndSize = 56;
constexpr size_t kEntryFixedSize = 46;
constexpr size_t kMaxComment = 0xffff;
constexpr uint16_t kZip64Extra = 0x0001;
constexpr uint32_t kSizeInZip64 = 0xffffffff;

uint64_t little_endian(const std::string& bytes, size_t at, int width)
{
    uint64_t value = 0;
    for (int i = width - 1; i >= 0; --i)
        value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

class ArchiveFile {
public:
    explicit ArchiveFile(const fs::path& path) : file_(path.string()), in_(path, std::ios::binary)
    {
        if (!in_)
            throw Error("cannot open " + file_);
        in_.seekg(0, std::ios::end);
        size_ = static_cast<uint64_t>(in_.tellg());
    }

    uint64_t size() const { return size_; }
    const std::string& name() const { return file_; }

    std::string read(uint64_t offset, uint64_t count)
    {
        if (offset > size_ || count > size_ - offset)
            throw damaged("the directory points past the end of the file");
        std::string bytes(count, '\0');
        in_.seekg(static_cast<std::streamoff>(offset));
        in_.read(bytes.data(), static_cast<std::streamsize>(count));
        if (static_cast<uint64_t>(in_.gcount()) != count)
            throw damaged("it could not be read");
        return bytes;
    }

    Error damaged(const std::string& what) const { return Error(file_ + ": the zip archive is damaged (" + what + ")"); }

private:
    std::string file_;
    std::ifstream in_;
    uint64_t size_ = 0;
};

struct DirectoryPlace {
    uint64_t offset = 0;
    uint64_t size = 0;
    uint64_t entries = 0;
};

// The end-of-directory record is the last one, followed only by a comment of at most 64 KiB.
DirectoryPlace find_directory(ArchiveFile& archive)
{
    if (archive.size() < kEndOfDirectorySize)
        throw archive.damaged("too short to be a zip archive");
    const uint64_t tail_size = std::min<uint64_t>(archive.size(), kEndOfDirectorySize + kMaxComment);
    const uint64_t tail_start = archive.size() - tail_size;
    const std::string tail = archive.read(tail_start, tail_size);
    for (size_t at = tail.size() - kEndOfDirectorySize + 1; at-- > 0;) {
        if (little_endian(tail, at, 4) != kEndOfDirectory)
            continue;
        DirectoryPlace place{little_endian(tail, at + 16, 4), little_endian(tail, at + 12, 4),
                             little_endian(tail, at + 10, 2)};
        const uint64_t end_offset = tail_start + at;
        const bool zip64 = place.offset == kSizeInZip64 || place.entries == 0xffff;
        if (zip64 && end_offset >= kZip64LocatorSize) {
            const std::string locator = archive.read(end_offset - kZip64LocatorSize, kZip64LocatorSize);
            if (little_endian(locator, 0, 4) != kZip64Locator)
                throw archive.damaged("the zip64 locator is missing");
            const std::string end = archive.read(little_endian(locator, 8, 8), kZip64EndSize);
            if (little_endian(end, 0, 4) != kZip64EndOfDirectory)
                throw archive.damaged("the zip64 end of directory is missing");
            place = {little_endian(end, 48, 8), little_endian(end, 40, 8), little_endian(end, 32, 8)};
        }
        return place;
    }
    throw archive.damaged("no end-of-directory record; is the file truncated?");
}

// Sizes of 0xffffffff are in the entry's zip64 extra field, in this order.
void read_zip64_sizes(const std::string& extra, ZipEntry& entry, ArchiveFile& archive)
{
    for (size_t at = 0; at + 4 <= extra.size();) {
        const auto id = little_endian(extra, at, 2);
        const auto length = little_endian(extra, at + 2, 2);
        if (at + 4 + length > extra.size())
            throw archive.damaged("an extra field of " + entry.name + " is cut short");
        if (id == kZip64Extra) {
            size_t field = at + 4;
            for (uint64_t* size : {&entry.uncompressed_size, &entry.compressed_size}) {
                if (*size != kSizeInZip64)
                    continue;
                if (field + 8 > at + 4 + length)
                    throw archive.damaged("the zip64 sizes of " + entry.name + " are cut short");
                *size = little_endian(extra, field, 8);
                field += 8;
            }
        }
        at += 4 + length;
    }
}

} // namespace

std::vector<ZipEntry> read_zip_directory(const fs::path& path)
{
    ArchiveFile archive(path);
    const DirectoryPlace place = find_directory(archive);
    // Each entry takes at least its fixed part, so the count cannot exceed what the size holds.
    if (place.entries > place.size / kEntryFixedSize)
        throw archive.damaged("the directory claims more entries than it can hold");
    const std::string directory = archive.read(place.offset, place.size);
    std::vector<ZipEntry> entries;
    size_t at = 0;
    for (uint64_t i = 0; i < place.entries; ++i) {
        if (at + kEntryFixedSize > directory.size() || little_endian(directory, at, 4) != kDirectoryEntry)
            throw archive.damaged("directory entry " + std::to_string(i) + " is broken");
        ZipEntry entry;
        entry.method = static_cast<uint16_t>(little_endian(directory, at + 10, 2));
        entry.compressed_size = little_endian(directory, at + 20, 4);
        entry.uncompressed_size = little_endian(directory, at + 24, 4);
        const auto name_length = little_endian(directory, at + 28, 2);
        const auto extra_length = little_endian(directory, at + 30, 2);
        const auto comment_length = little_endian(directory, at + 32, 2);
        if (at + kEntryFixedSize + name_length + extra_length + comment_length > directory.size())
            throw archive.damaged("directory entry " + std::to_string(i) + " is cut short");
        entry.name = directory.substr(at + kEntryFixedSize, name_length);
        read_zip64_sizes(directory.substr(at + kEntryFixedSize + name_length, extra_length), entry, archive);
        if (entry.compressed_size > archive.size())
            throw archive.damaged(entry.name + " claims to be larger than the whole file");
        entries.push_back(std::move(entry));
        at += kEntryFixedSize + name_length + extra_length + comment_length;
    }
    return entries;
}

} // namespace i3
