// SPDX-License-Identifier: GPL-3.0-or-later
// Gradients averaged across the ranks during the backward pass, the way PyTorch's
// DistributedDataParallel does it: the parameters, in reverse order (about the order in which the
// backward pass finishes their gradients), are cut into buckets of at most `bucket_bytes`; a hook
// on each parameter's gradient accumulator copies the finished gradient into its bucket, and a
// bucket whose gradients are all in is summed across the ranks at once, while the backward pass
// goes on with the layers before. Buckets start in their order on every rank, as the collectives
// must. finish() waits for the sums and puts the means in the gradients, so the optimizer, the
// clipping (on the global norm) and the checkpoint see what one process training on every rank's
// windows would.
#pragma once

#include "distributed/rank_group.h"

#include <ATen/Tensor.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace i3 {

// DistributedDataParallel's default bucket: large enough that each all-reduce is worth its start,
// small enough that the first ones start early in the backward pass.
inline constexpr int64_t kGradientBucketBytes = 25 << 20;

class GradientAverager {
public:
    // `parameters` must be the same, in the same order and shapes, on every rank.
    GradientAverager(std::vector<at::Tensor> parameters, std::shared_ptr<RankGroup> group,
                     int64_t bucket_bytes = kGradientBucketBytes);
    ~GradientAverager(); // takes its hooks off the parameters
    GradientAverager(const GradientAverager&) = delete;
    GradientAverager& operator=(const GradientAverager&) = delete;

    // Rank 0's values of the parameters on every rank: the same weights everywhere at the start.
    void broadcast_parameters();
    // The next backward pass finishes the step's gradients (the last micro-batch's): its hooks
    // start the buckets' sums.
    void expect_gradients();
    // Waits for every bucket's sum (starting those whose parameters got no gradient, as zeros)
    // and replaces each gradient by the mean over the ranks. Throws i3::Error when a rank is gone
    // or does not answer.
    void finish();

    size_t bucket_count() const;

private:
    struct Shared;
    class ReadyHook;
    std::shared_ptr<Shared> shared_;
};

} // namespace i3
