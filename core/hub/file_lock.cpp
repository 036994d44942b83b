// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/file_lock.h"

#include "base/error.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace i3 {

FileLock::FileLock(const std::filesystem::path& path, const CancelToken* cancel)
{
    std::filesystem::create_directories(path.parent_path());
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw Error("cannot open the lock " + path.string() + ": " + std::strerror(errno));
    // Polled rather than blocking, so that a cancel is noticed while another download holds it.
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const int reason = errno;
            ::close(fd_);
            throw Error("cannot lock " + path.string() + ": " + std::strerror(reason));
        }
        if (cancel && cancel->cancelled()) {
            ::close(fd_);
            throw Cancelled();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

FileLock::~FileLock()
{
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
}

} // namespace i3
