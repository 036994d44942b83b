// SPDX-License-Identifier: GPL-3.0-or-later
// How many CPUs the process may run on, for work that spreads itself over threads; without
// LibTorch, so the data and the tokenizer commands can ask too.
#pragma once

namespace i3 {

// The CPUs the process may run on (its affinity mask), at least 1.
int allowed_cpus();

} // namespace i3
