// SPDX-License-Identifier: GPL-3.0-or-later
// An exclusive lock on a file, taken with flock() as Python's filelock takes it, so that two
// downloads of one blob (by this program twice, or by it and huggingface_hub) never grow the same
// .incomplete file at once.
#pragma once

#include "base/cancel_token.h"

#include <filesystem>

namespace i3 {

class FileLock {
public:
    // Creates `path` if needed and waits until the lock is ours; throws Cancelled once `cancel`
    // is set while waiting, and i3::Error when the file cannot be opened.
    FileLock(const std::filesystem::path& path, const CancelToken* cancel);
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

private:
    int fd_ = -1;
};

} // namespace i3
