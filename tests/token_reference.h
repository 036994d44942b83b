// SPDX-License-Identifier: GPL-3.0-or-later
// What the token workbench's tests compare with: a model's distributions written out from its
// own forward pass in double precision, entropy, and the sampler's cut (reference §7, top-p) by
// sorting, sharing no code with generation/sampler.cpp or inspect/.
#pragma once

#include "model/i3_model.h"

#include <cstdint>
#include <vector>

namespace i3test {

// A small model (2 hybrid blocks, 1 attention block, d_model 32, context 40) with weights large
// enough that its probabilities spread over decades, unlike a fresh model's nearly uniform ones.
i3::I3Model peaked_model(int64_t vocab_size, uint64_t seed);

// Row t: softmax in double of the logits after ids[0..t], from the model's forward pass.
std::vector<std::vector<double>> reference_distributions(i3::I3Model& model, const std::vector<int64_t>& ids);

// -Σ p ln p, in nats.
double entropy_by_hand(const std::vector<double>& p);

// The distribution the sampler draws from: temperature as a power of the model's probabilities,
// the k most probable kept (k <= 0: all), then the fewest of those whose probability reaches p.
std::vector<double> cut_by_hand(const std::vector<double>& model, double temperature, int64_t k, double p);

} // namespace i3test
