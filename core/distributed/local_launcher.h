// SPDX-License-Identifier: GPL-3.0-or-later
// The launcher of a machine's ranks (`--nproc-per-node N`), in the manner of torchrun: it holds
// the ranks' store (on the first machine), starts N copies of this program with RANK,
// WORLD_SIZE, LOCAL_RANK, MASTER_ADDR and MASTER_PORT set, passes Ctrl-C on to them once (each
// then stops cleanly with the others, after the same step), and watches them. A rank that fails
// is reported to the others through the store; those that have not stopped on their own within
// the timeout after it are ended, so that nothing waits forever.
#pragma once

#include "base/cancel_token.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

struct LaunchPlan {
    std::vector<std::string> arguments; // of each rank, after the program's name
    int ranks_per_node = 1;
    int nodes = 1;
    int node_rank = 0;
    std::string master_addr = "127.0.0.1";
    int master_port = 0; // 0: a free port (one machine only)
    std::chrono::milliseconds timeout{0};
    int threads_per_rank = 0; // OMP_NUM_THREADS of each rank, unless the user set it; 0: leave it
    std::optional<std::filesystem::path> first_rank_output; // where this machine's first rank's stdout goes
};

struct LaunchOutcome {
    bool all_succeeded = false;
    bool interrupted = false;         // the cancel token was set and passed on
    std::vector<std::string> reports; // a line per rank that failed or had to be ended
};

// Runs the plan's ranks of this machine to their end. Throws i3::Error when the store cannot be
// held or reached, or a rank cannot be started.
LaunchOutcome launch_local_ranks(const LaunchPlan& plan, const CancelToken* cancel);

// Runs this program once more with `arguments`, as a process of its own (no rank variables), with
// `threads` CPU threads unless the user chose, its standard output into `output`; whether it
// succeeded. For a single-process figure beside the ranks'.
bool run_alone(const std::vector<std::string>& arguments, int threads, const std::filesystem::path& output);

} // namespace i3
