// SPDX-License-Identifier: GPL-3.0-or-later
// Choosing the next token from logits (reference §7): divide by the temperature, keep the logits
// >= the k-th largest, optionally keep the smallest set of tokens whose probability reaches
// top_p, softmax, draw. Draws come from our own generator, so a seed gives the same text on
// every machine.
#pragma once

#include <ATen/Tensor.h>

#include <cstdint>
#include <random>

namespace i3 {

struct SamplingOptions {
    double temperature = 0.8; // must be > 0; use top_k = 1 for greedy decoding
    int64_t top_k = 50;       // <= 0 or >= vocabulary: no top-k cut
    double top_p = 1.0;       // in (0, 1]; 1 keeps everything top-k kept
};

// Throws i3::Error with a readable reason for a temperature <= 0 or a top_p outside (0, 1].
void validate(const SamplingOptions& options);

// The distribution the draw is made from: logits [V] -> probabilities [V] (double, CPU).
at::Tensor next_token_probabilities(const at::Tensor& logits, const SamplingOptions& options);

class TokenSampler {
public:
    explicit TokenSampler(uint64_t seed) : rng_(seed) {}

    struct Choice {
        int64_t id;
        double probability; // under the sampling distribution
    };
    Choice sample(const at::Tensor& logits, const SamplingOptions& options);

private:
    std::mt19937_64 rng_;
};

} // namespace i3
