// SPDX-License-Identifier: GPL-3.0-or-later
// How many CPU threads LibTorch computes with. Left alone, LibTorch 1.13 counts physical cores
// through cpuinfo, which on some virtual machines finds 1 where the process may use 2 CPUs (the
// 2-core machines this studio is tested on), halving CPU training and generation speed. Unless the
// user chose with OMP_NUM_THREADS or MKL_NUM_THREADS, use every CPU the process may run on.
#pragma once

#include "base/allowed_cpus.h"

namespace i3 {

// Applies the choice to the calling thread (LibTorch keeps it per thread: call it at the start of
// every thread that runs the engine) and returns the number of threads in use.
int use_available_cpus();

} // namespace i3
