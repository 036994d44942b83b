// SPDX-License-Identifier: GPL-3.0-or-later
// Data-parallel ranks from the command line, for `train` and `bench train`: the options that
// start a machine's ranks (--nproc-per-node, with --nnodes and --node-rank across machines), and
// what a process started as a rank (by them, by torchrun or by a cluster's launcher, through
// RANK, WORLD_SIZE, ...) does to find and join the others.
#pragma once

#include "cli_args.h"
#include "cli_commands.h"
#include "cli_rank_options.h"
#include "distributed/local_launcher.h"
#include "distributed/rank_group.h"
#include "distributed/rank_place.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace i3::cli {

// How long a rank waits for the others: --rank-timeout, in seconds.
std::chrono::milliseconds rank_timeout(const Arguments& args);

// Whether the arguments ask for this machine's ranks to be started (--nproc-per-node). Given
// to a process that already is a rank, it is a UsageError.
bool launches_ranks(const Arguments& args);

// The plan for this machine's ranks, on `device` ("cpu" or "cuda"): each rank runs this command
// with `raw` minus the launcher's own options, and `extra` after them.
LaunchPlan launch_plan(const Arguments& args, const Args& raw, const std::string& command, const std::string& device,
                       const std::vector<std::string>& extra = {});

// Starts the ranks and waits for them; the exit code: 0, 130 after Ctrl-C, else 1 (each failed
// rank said why on the standard error, and the launcher says how each ended).
int run_launch(const LaunchPlan& plan);

// This process's place, when it was started as a rank; nothing for a process of its own.
std::optional<RankPlace> rank_place();

// Joins the other ranks on `device` ("cpu", or "cuda": the rank's GPU, LOCAL_RANK), after
// checking that each was started with the same program and `raw` arguments.
std::shared_ptr<RankGroup> join_ranks(const RankPlace& place, const std::string& device, const std::string& command,
                                      const Args& raw, std::chrono::milliseconds timeout);

} // namespace i3::cli
