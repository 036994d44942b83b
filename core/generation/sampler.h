// SPDX-License-Identifier: GPL-3.0-or-later
// Choosing the next token from logits (reference §7): divide by the temperature, keep the logits
// >= the k-th largest, optionally keep the smallest set of tokens whose probability reaches
// top_p, softmax, draw. The draw is a number in [0, 1) from our own generator (one per sequence),
// so a seed gives the same text on every machine; the rest runs on the logits' device (on a GPU
// without top-p, one kernel: sample_kernel.h), so the whole choice can run inside a captured CUDA
// graph.
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

// Greedy decoding, as `i3lm generate --top-k 1` does it: only the most likely token survives the
// top-k cut, so the temperature and top-p no longer matter.
inline SamplingOptions greedy_sampling() { return SamplingOptions{1.0, 1, 1.0}; }

// The distributions the draws are made from: logits [V] or [rows, V] -> probabilities of the
// same shape, in double, on the logits' device.
at::Tensor next_token_probabilities(const at::Tensor& logits, const SamplingOptions& options);

struct SampledTokens {
    at::Tensor ids;           // [rows] int64
    at::Tensor probabilities; // [rows] double: each chosen token's probability
};

// One token per row of logits [rows, V]: the first token whose cumulative probability exceeds
// draws[row] (double in [0, 1), on the logits' device) times the row's total.
SampledTokens sample_rows(const at::Tensor& logits, const at::Tensor& draws, const SamplingOptions& options);

// Uniform draws in [0, 1) with 53 random bits, one sequence of them per seed.
class DrawSource {
public:
    explicit DrawSource(uint64_t seed) : rng_(seed) {}
    double next() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
    // Moves on as `count` calls of next() would.
    void skip(uint64_t count) { rng_.discard(count); }

private:
    std::mt19937_64 rng_;
};

} // namespace i3
