// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_rank_options.h"

#include "distributed/rank_place.h"

#include <string>

namespace i3::cli {

std::vector<Option> rank_options()
{
    return {
        {"nproc-per-node", "N",
         "train data-parallel on N ranks of this machine: one per GPU with a CUDA device, else N CPU\n"
         "processes (their threads shared out); each rank takes --batch sequences, so a step takes N x\n"
         "batch. Ranks also start from torchrun's variables (RANK, WORLD_SIZE, MASTER_ADDR, ...)"},
        {"nnodes", "N", "machines taking part (default 1): each runs the same command with its --node-rank"},
        {"node-rank", "R", "this machine's number, 0 to nnodes - 1 (default 0); machine 0 holds rank 0"},
        {"master-addr", "HOST", "the address of machine 0 (default 127.0.0.1)"},
        {"master-port", "P",
         "the port of the ranks' store on machine 0 (default: a free one on one machine; 29500 across\n"
         "machines)"},
        {"rank-timeout", "S",
         "seconds a rank waits for the others (to start, to answer a collective) before it stops\n"
         "with a message (default " + std::to_string(kDefaultRankTimeout.count()) + ")"},
    };
}

} // namespace i3::cli
