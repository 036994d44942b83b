// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/next_token_distribution.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace i3 {

double entropy_nats(const at::Tensor& probabilities)
{
    const auto p = probabilities.to(torch::kDouble);
    // where() rather than p * log(p): 0 * log(0) would be NaN, and a token that cannot occur
    // carries no information.
    return -torch::where(p > 0, p * p.log(), torch::zeros_like(p)).sum().item<double>();
}

double nats_to_bits(double nats) { return nats / std::log(2.0); }

NextTokenDistribution next_token_distribution(const at::Tensor& logits, const SamplingOptions& options,
                                              int64_t count)
{
    const auto row = logits.detach().reshape({-1});
    const auto model = torch::softmax(row.to(torch::kDouble), 0).cpu();
    const auto sampling = next_token_probabilities(row, options).cpu();
    const auto inside = sampling > 0;

    NextTokenDistribution distribution;
    distribution.entropy_nats = entropy_nats(model);
    distribution.sampling_entropy_nats = entropy_nats(sampling);
    distribution.kept = inside.sum().item<int64_t>();
    distribution.kept_probability = model.masked_select(inside).sum().item<double>();

    const auto [probabilities, ids] = model.topk(std::clamp<int64_t>(count, 0, model.numel()));
    for (int64_t i = 0; i < ids.numel(); ++i) {
        const int64_t id = ids[i].item<int64_t>();
        distribution.top.push_back({id, probabilities[i].item<double>(), sampling[id].item<double>()});
    }
    return distribution;
}

} // namespace i3
