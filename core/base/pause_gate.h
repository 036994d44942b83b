// SPDX-License-Identifier: GPL-3.0-or-later
// Pausing a job between units of work: the job calls wait_while_paused() where pausing is safe
// (the trainer: between optimizer steps); another thread calls pause() and resume().
#pragma once

#include "base/cancel_token.h"

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace i3 {

class PauseGate {
public:
    void pause()
    {
        std::lock_guard<std::mutex> lock(mutex_);
        paused_ = true;
    }
    void resume()
    {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            paused_ = false;
        }
        changed_.notify_all();
    }
    bool paused() const
    {
        std::lock_guard<std::mutex> lock(mutex_);
        return paused_;
    }
    // Whether the job is waiting in the gate now: paused, with the work under way finished.
    bool holding() const
    {
        std::lock_guard<std::mutex> lock(mutex_);
        return holding_;
    }
    // Blocks while paused; returns early when `cancel` is set (checked every 50 ms, since
    // cancelling does not notify this gate).
    void wait_while_paused(const CancelToken* cancel) const
    {
        std::unique_lock<std::mutex> lock(mutex_);
        holding_ = paused_;
        while (paused_ && !(cancel && cancel->cancelled()))
            changed_.wait_for(lock, std::chrono::milliseconds(50));
        holding_ = false;
    }

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    bool paused_ = false;
    mutable bool holding_ = false;
};

} // namespace i3
