// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/durable_file.h"

#include "base/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace i3 {

namespace {

std::string failure(const std::string& doing, const std::string& what, const std::filesystem::path& path, int reason)
{
    if (reason == ENOSPC || reason == EDQUOT)
        return "the disk is full: could not " + doing + ' ' + what + " into " + path.string() +
               " (free some space and run again; what was downloaded is kept and the download resumes)";
    return "could not " + doing + ' ' + what + " into " + path.string() + ": " + std::strerror(reason);
}

} // namespace

AppendFile::AppendFile(const std::filesystem::path& path, bool truncate, std::string what)
    : path_(path), what_(std::move(what))
{
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (truncate ? O_TRUNC : 0), 0644);
    if (fd_ < 0)
        throw Error(failure("create a file for", what_, path_, errno));
    struct stat status {};
    if (::fstat(fd_, &status) == 0)
        size_ = static_cast<uint64_t>(status.st_size);
}

AppendFile::~AppendFile()
{
    if (fd_ >= 0)
        ::close(fd_);
}

void AppendFile::write(const char* data, size_t size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd_, data, size);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            throw Error(failure("write", what_, path_, written < 0 ? errno : ENOSPC));
        data += written;
        size -= static_cast<size_t>(written);
        size_ += static_cast<uint64_t>(written);
    }
}

void AppendFile::sync()
{
    if (::fsync(fd_) != 0)
        throw Error(failure("save", what_, path_, errno));
}

} // namespace i3
