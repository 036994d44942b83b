// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/run_lock.h"

#include "base/error.h"
#include "runs/run_schema.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <string>
#include <sys/file.h>
#include <unistd.h>

namespace i3 {

namespace {

std::string holder_text(int fd)
{
    char text[256] = {};
    const ssize_t count = ::pread(fd, text, sizeof text - 1, 0);
    std::string holder(text, count > 0 ? static_cast<size_t>(count) : 0);
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == '\r'))
        holder.pop_back();
    return holder.empty() ? std::string("another process") : holder;
}

std::string this_process_text()
{
    const std::time_t now = std::time(nullptr);
    char since[32];
    std::strftime(since, sizeof since, "%Y-%m-%d %H:%M:%S", std::localtime(&now));
    return "process " + std::to_string(::getpid()) + ", training since " + since + "\n";
}

} // namespace

RunLock::RunLock(const std::filesystem::path& folder)
{
    const std::filesystem::path file = folder / run_files::kLock;
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw Error("cannot open " + file.string() + ": " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int lock_errno = errno;
        const std::string holder = holder_text(fd_);
        ::close(fd_);
        if (lock_errno == EWOULDBLOCK)
            throw Error(folder.string() + " is being trained by " + holder +
                        "; wait for it to finish or stop it first (nothing was changed)");
        throw Error("cannot lock " + file.string() + ": " + std::strerror(lock_errno));
    }
    // Who holds it, for the message another trainer gets; the lock itself is what counts.
    // Failing to write it only makes the other's message vaguer.
    const std::string holder = this_process_text();
    const bool noted = ::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, holder.data(), holder.size(), 0) >= 0;
    static_cast<void>(noted);
}

RunLock::~RunLock() { ::close(fd_); }

} // namespace i3
