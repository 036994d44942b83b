// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_interrupt.h"

#include <csignal>
#include <unistd.h>

namespace i3::cli {

namespace {

CancelToken g_token;
volatile std::sig_atomic_t g_signal = 0;
// Scopes nest (a Hub download inside a command that listens already): only the outermost one
// installs the handler and puts the default back.
int g_depth = 0;

void on_signal(int signal)
{
    g_signal = signal;
    g_token.cancel();
    // Only async-signal-safe calls here: a second signal now takes the default action (the end).
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    constexpr char kNote[] = "\nstopping cleanly; press Ctrl-C again to stop at once\n";
    const ssize_t written = ::write(STDERR_FILENO, kNote, sizeof kNote - 1);
    static_cast<void>(written);
}

} // namespace

InterruptScope::InterruptScope()
{
    if (g_depth++ > 0)
        return;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
}

InterruptScope::~InterruptScope()
{
    if (--g_depth > 0)
        return;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

const CancelToken& InterruptScope::token() const { return g_token; }

int InterruptScope::exit_code(int normal) const { return g_signal != 0 ? 128 + g_signal : normal; }

int interrupted_exit_code() { return 128 + (g_signal != 0 ? g_signal : SIGINT); }

} // namespace i3::cli
