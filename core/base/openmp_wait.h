// SPDX-License-Identifier: GPL-3.0-or-later
// How LibTorch's and OpenBLAS's OpenMP threads wait between parallel regions. GNU OpenMP's
// default, when there are no more threads than CPUs, is to spin for a while at every barrier;
// when another program is busy on the same CPUs (a compiler, a second training), the spinning
// threads take the time the working one needs, and a training step of the tiny preset on 2 cores
// went from 0.01 s to 4 s. Waiting passively costs a little wake-up latency and keeps the speed
// under load. OpenMP reads OMP_WAIT_POLICY once, when its library is loaded, before main(): the
// program sets it and starts itself again.
#pragma once

#include <string>

namespace i3 {

// Unless OMP_WAIT_POLICY is set (the user's choice stays), sets it to passive for the programs
// this process starts from now on; returns whether it did. For a program about to start another
// that loads OpenMP (i3lm starting the engine), not for one that has OpenMP loaded already.
bool choose_passive_openmp_wait();

// choose_passive_openmp_wait(), and when it chose, replaces the process with a fresh start of the
// same program and arguments. Returns when the policy was set already, or when the restart failed
// (the program then runs with OpenMP's default). Call first in main().
void wait_passively_in_openmp(char** argv);

// OMP_WAIT_POLICY as this process runs with it ("passive"), or "OpenMP's default" when unset.
std::string openmp_wait_policy();

} // namespace i3
