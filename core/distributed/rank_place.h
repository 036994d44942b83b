// SPDX-License-Identifier: GPL-3.0-or-later
// Where a process stands among the ranks of a data-parallel run, as torchrun and cluster
// launchers tell it: RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR, MASTER_PORT,
// and TORCHELASTIC_USE_AGENT_STORE when the launcher, not rank 0, holds the TCP store. The names
// are written here once; `i3lm train --nproc-per-node N` sets the same variables for its ranks.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace i3 {

namespace rank_variables {
inline constexpr const char* kRank = "RANK";
inline constexpr const char* kWorldSize = "WORLD_SIZE";
inline constexpr const char* kLocalRank = "LOCAL_RANK";
inline constexpr const char* kLocalWorldSize = "LOCAL_WORLD_SIZE";
inline constexpr const char* kMasterAddr = "MASTER_ADDR";
inline constexpr const char* kMasterPort = "MASTER_PORT";
inline constexpr const char* kAgentStore = "TORCHELASTIC_USE_AGENT_STORE"; // "True": the launcher holds the store
} // namespace rank_variables

// How long a rank waits for the others (to connect, to answer a collective) before it gives up:
// long enough for rank 0 to save a checkpoint of a large model on a slow disk.
inline constexpr std::chrono::seconds kDefaultRankTimeout{600};
inline constexpr int kDefaultMasterPort = 29500; // torchrun's

struct RankPlace {
    int rank = 0;
    int world_size = 1;
    int local_rank = 0;       // on this machine: which GPU a CUDA rank takes
    int local_world_size = 1; // ranks on this machine
    std::string master_addr = "127.0.0.1";
    int master_port = kDefaultMasterPort;
    bool agent_store = false; // the launcher, not rank 0, holds the store at master_addr:master_port

    bool hosts_store() const { return rank == 0 && !agent_store; }
    // "rank 1 of 2"
    std::string name() const;
    // The variables that put a process at this place.
    std::vector<std::pair<std::string, std::string>> variables() const;
};

using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;
// The process's own environment.
std::optional<std::string> environment_variable(const std::string& name);

// The place the variables give, or nothing when RANK and WORLD_SIZE are both unset (a single
// process). One of them without the other, a value that is not a number, or a rank outside the
// world is an i3::Error naming the variable.
std::optional<RankPlace> rank_place_from(const EnvironmentLookup& lookup = environment_variable);

} // namespace i3
