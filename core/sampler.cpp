// SPDX-License-Identifier: GPL-3.0-or-later
#include "sampler.h"

#include "error.h"

#include <torch/torch.h>

namespace i3 {

void validate(const SamplingOptions& options)
{
    if (!(options.temperature > 0))
        throw Error("the temperature must be above 0 (for greedy decoding use top-k 1)");
    if (!(options.top_p > 0 && options.top_p <= 1))
        throw Error("top-p must be in (0, 1]");
}

at::Tensor next_token_probabilities(const at::Tensor& logits, const SamplingOptions& options)
{
    validate(options);
    auto scaled = logits.detach().to(torch::kCPU, torch::kDouble).reshape({-1}) / options.temperature;
    const int64_t vocab = scaled.numel();
    if (options.top_k > 0 && options.top_k < vocab) {
        const double kth = std::get<0>(scaled.topk(options.top_k)).min().item<double>();
        scaled = scaled.masked_fill(scaled < kth, -std::numeric_limits<double>::infinity());
    }
    auto probabilities = torch::softmax(scaled, 0);
    if (options.top_p < 1) {
        const auto [sorted, order] = probabilities.sort(0, /*descending=*/true);
        const auto before = sorted.cumsum(0) - sorted; // probability mass of the tokens ranked above
        const auto drop_sorted = before >= options.top_p;
        const auto drop = torch::zeros_like(drop_sorted).scatter(0, order, drop_sorted);
        probabilities = probabilities.masked_fill(drop, 0.0);
        probabilities = probabilities / probabilities.sum();
    }
    return probabilities;
}

TokenSampler::Choice TokenSampler::sample(const at::Tensor& logits, const SamplingOptions& options)
{
    const auto probabilities = next_token_probabilities(logits, options).contiguous();
    const double* p = probabilities.data_ptr<double>();
    const int64_t vocab = probabilities.numel();
    // 53 random bits: a double uniform in [0, 1).
    const double draw = static_cast<double>(rng_() >> 11) * 0x1.0p-53;
    double cumulative = 0;
    int64_t last_possible = 0;
    for (int64_t id = 0; id < vocab; ++id) {
        if (p[id] <= 0)
            continue;
        last_possible = id;
        cumulative += p[id];
        if (draw < cumulative)
            return {id, p[id]};
    }
    return {last_possible, p[last_possible]}; // rounding left the draw just above the total
}

} // namespace i3
