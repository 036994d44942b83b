// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/sampler.h"

#include "base/error.h"

#include <torch/torch.h>

#ifdef I3_WITH_CUDA
#include "kernels/sample_kernel.h"

#include <ATen/cuda/CUDAContext.h>
#endif

#include <limits>

namespace i3 {

namespace {

#ifdef I3_WITH_CUDA
// The one-kernel path (sample_kernel.h) covers everything but top-p.
bool sampling_kernel_takes(const at::Tensor& logits, const at::Tensor& draws, const SamplingOptions& options)
{
    return options.top_p >= 1 && logits.is_cuda() && logits.scalar_type() == at::kFloat && logits.dim() == 2 &&
           logits.is_contiguous() && draws.is_cuda() && draws.scalar_type() == at::kDouble && draws.is_contiguous() &&
           draws.numel() == logits.size(0);
}

SampledTokens sample_rows_cuda(const at::Tensor& logits, const at::Tensor& draws, const SamplingOptions& options)
{
    validate(options);
    const int64_t rows = logits.size(0);
    SampledTokens chosen{torch::empty({rows}, logits.options().dtype(torch::kLong)),
                         torch::empty({rows}, logits.options().dtype(torch::kDouble))};
    if (const char* error = cuda_kernels::sample_rows(
            logits.data_ptr<float>(), rows, logits.size(1), static_cast<float>(options.temperature), options.top_k,
            draws.data_ptr<double>(), chosen.ids.data_ptr<int64_t>(), chosen.probabilities.data_ptr<double>(),
            at::cuda::getCurrentCUDAStream().stream()))
        throw Error(std::string("CUDA sampling: ") + error);
    return chosen;
}
#endif

} // namespace

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
    const bool single = logits.dim() == 1;
    // Scaled and cut in the logits' own precision, as the reference does; the distribution in
    // double, so that the draws' cumulative sums agree across devices.
    auto scaled = logits.detach().reshape({single ? 1 : logits.size(0), -1}) / options.temperature;
    const int64_t vocab = scaled.size(1);
    if (options.top_k > 0 && options.top_k < vocab) {
        const auto kth = std::get<0>(scaled.topk(options.top_k, 1)).narrow(1, options.top_k - 1, 1);
        scaled = scaled.masked_fill(scaled < kth, -std::numeric_limits<double>::infinity());
    }
    auto probabilities = torch::softmax(scaled.to(torch::kDouble), 1);
    if (options.top_p < 1) {
        const auto [sorted, order] = probabilities.sort(1, /*descending=*/true);
        const auto before = sorted.cumsum(1) - sorted; // probability mass of the tokens ranked above
        const auto drop = torch::zeros_like(sorted, torch::kBool).scatter(1, order, before >= options.top_p);
        probabilities = probabilities.masked_fill(drop, 0.0);
        probabilities = probabilities / probabilities.sum(1, /*keepdim=*/true);
    }
    return single ? probabilities[0] : probabilities;
}

SampledTokens sample_rows(const at::Tensor& logits, const at::Tensor& draws, const SamplingOptions& options)
{
#ifdef I3_WITH_CUDA
    if (sampling_kernel_takes(logits, draws, options))
        return sample_rows_cuda(logits, draws, options);
#endif
    const auto probabilities = next_token_probabilities(logits, options);
    const auto cumulative = probabilities.cumsum(1);
    const auto targets = draws.unsqueeze(1) * cumulative.narrow(1, cumulative.size(1) - 1, 1);
    // The first token whose cumulative probability exceeds the target; rounding can leave the
    // target at the very total, so never go past the last token that has any probability.
    auto ids = (cumulative <= targets).sum(1);
    const auto index = torch::arange(probabilities.size(1), ids.options());
    const auto last_possible = torch::where(probabilities > 0, index, torch::zeros_like(index)).amax(1);
    ids = torch::minimum(ids, last_possible);
    return {ids, probabilities.gather(1, ids.unsqueeze(1)).squeeze(1)};
}

} // namespace i3
