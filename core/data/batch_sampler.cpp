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

BatchSampler::BatchSampler(at::Tensor tokens, int64_t context, int64_t batch_size, uint64_t seed)
    : tokens_(std::move(tokens)), context_(context), batch_size_(batch_size), rng_(seed)
{
    if (tokens_.numel() <= context_ + 1)
        throw Error("the corpus (" + std::to_string(tokens_.numel()) + " tokens) is shorter than the context (" +
                    std::to_string(context_) + ") plus one");
}

Batch BatchSampler::next()
{
    const auto starts_available = static_cast<uint64_t>(tokens_.numel() - context_ - 1);
    std::vector<at::Tensor> inputs, targets;
    for (int64_t row = 0; row < batch_size_; ++row) {
        const auto start = static_cast<int64_t>(uniform_below(rng_, starts_available));
        inputs.push_back(tokens_.narrow(0, start, context_));
        targets.push_back(tokens_.narrow(0, start + 1, context_));
    }
    return {torch::stack(inputs), torch::stack(targets)};
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
