// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/batch_sampler.h"

#include "base/error.h"

#include <torch/torch.h>

#include <sstream>

namespace i3 {

uint64_t uniform_below(std::mt19937_64& rng, uint64_t bound)
{
    // Rejection keeps every value equally likely.
    const uint64_t limit = std::numeric_limits<uint64_t>::max() - std::numeric_limits<uint64_t>::max() % bound;
    uint64_t value = 0;
    do
        value = rng();
    while (value >= limit);
    return value % bound;
}

BatchSampler::BatchSampler(TokenCorpus tokens, int64_t context, int64_t batch_size, uint64_t seed, c10::Device device,
                           SamplerShare share)
    : tokens_(std::move(tokens)), context_(context), batch_size_(batch_size), rng_(seed), device_(device), share_(share)
{
    if (share_.ranks < 1 || share_.rank < 0 || share_.rank >= share_.ranks)
        throw Error("rank " + std::to_string(share_.rank) + " of " + std::to_string(share_.ranks) + " is no place");
    if (tokens_.size() <= context_ + 1)
        throw Error("the corpus (" + std::to_string(tokens_.size()) + " tokens) is shorter than the context (" +
                    std::to_string(context_) + ") plus one");
}

Batch BatchSampler::next()
{
    const auto starts_available = static_cast<uint64_t>(tokens_.size() - context_ - 1);
    // Each row holds a window and the token after it: inputs are its first T, targets its last T.
    at::Tensor windows = torch::empty({batch_size_, context_ + 1}, torch::kLong);
    int64_t* rows = windows.data_ptr<int64_t>();
    const int64_t first = share_.rank * batch_size_;
    for (int64_t drawn = 0; drawn < share_.ranks * batch_size_; ++drawn) {
        const auto start = static_cast<int64_t>(uniform_below(rng_, starts_available));
        const int64_t row = drawn - first;
        if (row >= 0 && row < batch_size_)
            tokens_.read(start, context_ + 1, rows + row * (context_ + 1));
    }
    windows = windows.to(device_);
    return {windows.narrow(1, 0, context_).contiguous(), windows.narrow(1, 1, context_).contiguous()};
}

std::string BatchSampler::state() const
{
    std::ostringstream out;
    out << rng_;
    return out.str();
}

void BatchSampler::restore(const std::string& state)
{
    std::istringstream in(state);
    in >> rng_;
    if (!in)
        throw Error("the saved batch sampler state is corrupt");
}

} // namespace i3
