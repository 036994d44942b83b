// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/cpu_threads.h"

#include <ATen/Parallel.h>

#include <cstdlib>

namespace i3 {

int use_available_cpus()
{
    if (!std::getenv("OMP_NUM_THREADS") && !std::getenv("MKL_NUM_THREADS")) {
        const int cpus = allowed_cpus();
        if (at::get_num_threads() != cpus)
            at::set_num_threads(cpus);
    }
    return at::get_num_threads();
}

} // namespace i3
