// SPDX-License-Identifier: GPL-3.0-or-later
// Cooperative cancellation: a job polls the token between units of work and stops cleanly.
#pragma once

#include <atomic>
#include <stdexcept>

namespace i3 {

class CancelToken {
public:
    void cancel() { cancelled_.store(true); }
    bool cancelled() const { return cancelled_.load(); }

private:
    std::atomic<bool> cancelled_{false};
};

// Thrown out of a job that noticed its token; callers treat it as a clean stop, not a failure.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

} // namespace i3
