// SPDX-License-Identifier: GPL-3.0-or-later
// One trainer per run folder. Two processes training into one folder would interleave their steps
// in metrics.jsonl and overwrite each other's checkpoints, so a trainer holds an advisory lock on
// the folder's lock file for as long as it lives. The kernel drops the lock when the process ends,
// however it ends, so a killed trainer never leaves a stale lock behind.
#pragma once

#include <filesystem>

namespace i3 {

class RunLock {
public:
    // Takes the lock on `folder` (which must exist); throws i3::Error saying which process holds it.
    explicit RunLock(const std::filesystem::path& folder);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

private:
    int fd_ = -1;
};

} // namespace i3
