// SPDX-License-Identifier: GPL-3.0-or-later
// The engine program, `i3lm-engine` (engine_main.cpp), which the front (i3lm_main.cpp) becomes
// for every command that needs LibTorch. It lies beside the front in the build tree and in the
// installed libexec folder, found relative to the front so that an unpacked package works too.
#pragma once

namespace i3::cli {

// Replaces this process with the engine, given the same arguments (`argv` as main has it), so
// that its output, signals and exit status are the engine's own. Returns only when it cannot:
// then it has printed why, naming the files it looked for, and the caller exits with 1.
void exec_engine(char** argv);

} // namespace i3::cli
