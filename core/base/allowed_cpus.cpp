// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/allowed_cpus.h"

#include <sched.h>

namespace i3 {

int allowed_cpus()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) != 0)
        return 1;
    return CPU_COUNT(&set) > 0 ? CPU_COUNT(&set) : 1;
}

} // namespace i3
