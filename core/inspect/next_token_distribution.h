// SPDX-License-Identifier: GPL-3.0-or-later
// What one position's logits say about the next token, for the token workbench: the model's own
// distribution (softmax at temperature 1, nothing cut, in double), its entropy, the most probable
// tokens, and which of them the sampler could draw under given settings. The cut is the sampler's
// own (generation/sampler.h): a token lies inside it when the sampler gives it a probability
// above zero, so the shading moves exactly as sampling would.
#pragma once

#include "generation/sampler.h"

#include <ATen/Tensor.h>

#include <cstdint>
#include <vector>

namespace i3 {

// -Σ p ln p over all of `probabilities` (a distribution of any shape), in nats; 0 ln 0 counts 0.
double entropy_nats(const at::Tensor& probabilities);
// The same amount of information in bits.
double nats_to_bits(double nats);

struct Alternative {
    int64_t id = 0;
    double probability = 0;          // under the model: temperature 1, nothing cut
    double sampling_probability = 0; // what the sampler draws it with; 0 outside the cut
};

struct NextTokenDistribution {
    std::vector<Alternative> top; // the most probable tokens under the model, most probable first
    double entropy_nats = 0;          // of the model's distribution
    double sampling_entropy_nats = 0; // of the distribution the sampler draws from
    int64_t kept = 0;                 // how many tokens lie inside the cut
    double kept_probability = 0;      // the model probability they hold together
};

// logits: [V] of one position, any device and floating type. count: how many tokens `top` lists
// (at most V). Throws i3::Error for bad sampling options (sampler.h's validate()).
NextTokenDistribution next_token_distribution(const at::Tensor& logits, const SamplingOptions& options,
                                              int64_t count);

} // namespace i3
