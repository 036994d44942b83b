// SPDX-License-Identifier: GPL-3.0-or-later
// Random training windows as the reference draws them (§5): start i uniform in [0, N - T - 1),
// inputs tokens[i : i+T], targets tokens[i+1 : i+T+1]. The windows are read from the token
// corpus (memory-mapped files) and widened to int64 one batch at a time, so the corpus is never
// held in memory as a tensor. Its random state can be saved and restored, so a resumed run sees
// exactly the batches an uninterrupted one would.
//
// Several ranks of a data-parallel run share one stream of windows: each draws every window's
// start from the same random state, as one process at batch ranks x batch would, and reads only
// its own rows. So the ranks' windows together are exactly that process's, the random state is
// the same on every rank (a checkpoint's serves any number of ranks), and each rank reads its
// share of the memory-mapped corpus.
#pragma once

#include "data/token_corpus.h"

#include <ATen/Tensor.h>
#include <c10/core/Device.h>

#include <cstdint>
#include <random>
#include <string>

namespace i3 {

struct Batch {
    at::Tensor inputs;  // [batch, T] int64, on the sampler's device
    at::Tensor targets; // [batch, T] int64
};

// Which of the ranks' rows a sampler reads: rows [rank x batch, (rank + 1) x batch) of the
// ranks x batch windows drawn for each batch.
struct SamplerShare {
    int rank = 0;
    int ranks = 1;
};

class BatchSampler {
public:
    // `batch_size` is this rank's rows per batch.
    BatchSampler(TokenCorpus tokens, int64_t context, int64_t batch_size, uint64_t seed,
                 c10::Device device = c10::Device(c10::kCPU), SamplerShare share = {});

    Batch next();

    std::string state() const;
    void restore(const std::string& state);

private:
    TokenCorpus tokens_;
    int64_t context_;
    int64_t batch_size_;
    std::mt19937_64 rng_;
    c10::Device device_;
    SamplerShare share_;
};

// A uniform integer in [0, bound), the same on every platform (unlike std::uniform_int_distribution).
uint64_t uniform_below(std::mt19937_64& rng, uint64_t bound);

} // namespace i3
