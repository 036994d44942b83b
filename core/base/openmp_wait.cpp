// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/openmp_wait.h"

#include <unistd.h>

#include <cstdlib>

namespace i3 {

namespace {

constexpr const char* kWaitPolicy = "OMP_WAIT_POLICY";
constexpr const char* kSelf = "/proc/self/exe"; // the running program, whatever argv[0] says

} // namespace

bool choose_passive_openmp_wait()
{
    return !std::getenv(kWaitPolicy) && setenv(kWaitPolicy, "passive", 0) == 0;
}

void wait_passively_in_openmp(char** argv)
{
    if (!choose_passive_openmp_wait())
        return;
    execv(kSelf, argv);
    // Still here: the restart failed, and this process keeps OpenMP's default.
}

std::string openmp_wait_policy()
{
    const char* policy = std::getenv(kWaitPolicy);
    return policy ? policy : "OpenMP's default";
}

} // namespace i3
