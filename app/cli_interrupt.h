// SPDX-License-Identifier: GPL-3.0-or-later
// Ctrl-C and SIGTERM for the commands that work for long: the first signal cancels the work (the
// trainer stops after the current step or sample and saves a checkpoint; generation stops within
// a token); a second one ends the process at once, as shells expect of a program that was told
// twice. What was saved stays intact either way: every save is atomic.
#pragma once

#include "base/cancel_token.h"

namespace i3::cli {

class InterruptScope {
public:
    InterruptScope();  // listens from here on
    ~InterruptScope(); // and stops listening
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;

    const CancelToken& token() const;
    // 128 + the signal that cancelled the work (130 after Ctrl-C, 143 after SIGTERM), else `normal`.
    int exit_code(int normal = 0) const;
};

// What InterruptScope::exit_code says, for work that was cancelled by an exception (i3::Cancelled).
int interrupted_exit_code();

} // namespace i3::cli
