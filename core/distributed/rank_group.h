// SPDX-License-Identifier: GPL-3.0-or-later
// The ranks of a data-parallel run as one group: connected through the TCP store
// (rank_store.h), checked to have been started alike, and joined in c10d's process group for
// their devices: Gloo for CPU tensors, NCCL for CUDA ones (in a LibTorch built with NCCL). The
// collectives are PyTorch's own; this wraps the few the trainer needs and says plainly, as an
// i3::Error, when a rank is gone or does not answer within the timeout.
#pragma once

#include "base/error.h"
#include "distributed/rank_place.h"
#include "distributed/rank_store.h"

#include <ATen/Tensor.h>
#include <c10/core/Device.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace i3 {

// Whether this build can form a group for `device` (Gloo: CPU; NCCL: CUDA), and if not, why.
std::string group_unavailable_reason(const c10::Device& device);

// A sum across the ranks under way; wait() before reading the tensor.
class PendingSum {
public:
    PendingSum();
    PendingSum(PendingSum&&) noexcept;
    PendingSum& operator=(PendingSum&&) noexcept;
    ~PendingSum();
    void wait();

private:
    friend class RankGroup;
    struct Work;
    std::unique_ptr<Work> work_;
};

// "1 rank", "2 ranks": how messages count ranks.
std::string ranks_in_words(int count);

class RankGroup {
public:
    // Connects to the store (holding it when place.hosts_store()), checks that every rank's
    // `description` (program, version, world size, arguments) equals rank 0's, and forms the
    // process group for `device`. Throws i3::Error: no master, a port in use, a rank started
    // differently, a rank that does not join within `timeout`.
    static std::shared_ptr<RankGroup> connect(const RankPlace& place, const c10::Device& device,
                                              const nlohmann::json& description, std::chrono::milliseconds timeout);
    ~RankGroup();

    int rank() const { return place_.rank; }
    int size() const { return place_.world_size; }
    bool leads() const { return place_.rank == 0; } // rank 0: the one that writes the run folder
    const c10::Device& device() const { return device_; }
    const char* backend_name() const; // "gloo" or "nccl"
    RankStore& store() { return store_; }

    // Collectives over one dense tensor on device(); every rank calls them in the same order.
    PendingSum start_sum(at::Tensor& tensor);
    void broadcast_from_leader(at::Tensor& tensor);
    // Small figures summed across the ranks in double precision (a loss, a stop flag, speeds):
    // every rank gets the sums.
    std::vector<double> sum_values(const std::vector<double>& values);

    // An i3::Error for a failed collective, in words ("a rank is gone", "no answer within ...").
    Error failure(const std::exception& error) const;

private:
    struct Backend;
    RankGroup(RankPlace place, c10::Device device, RankStore store, std::unique_ptr<Backend> backend);
    RankPlace place_;
    c10::Device device_;
    RankStore store_;
    std::unique_ptr<Backend> backend_;
    mutable std::atomic<bool> failed_{false}; // a collective failed: end the group by aborting it
};

} // namespace i3
