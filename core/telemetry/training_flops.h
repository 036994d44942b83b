// SPDX-License-Identifier: GPL-3.0-or-later
// The arithmetic of training, for model-FLOPs utilisation: per token, forward and backward,
//   6 × (parameters used in matrix products, head included) + 6 × attention layers × context × d_model,
// the first term for the products (2 FLOPs per weight forward, 4 backward), the second for the
// causal attention's scores and weighted sums (half of the full T × T square). Embeddings, norms
// and the recurrence's elementwise work are left out, as is usual for MFU.
#pragma once

#include "config/model_blocks.h"
#include "config/model_config.h"

#include <optional>
#include <string>

namespace i3 {

int64_t matrix_parameter_count(const ModelConfig& config);
// One block's share (config/model_blocks.h); the model's is the sum over its blocks.
double training_flops_per_token(const ModelBlock& block, const ModelConfig& config);
double training_flops_per_token(const ModelConfig& config);
// One block's share of training_flops_per_token, for a block of that kind (kHybridBlock or
// kAttentionBlock); the same wherever the block stands in the layer order.
double block_training_flops_per_token(const ModelConfig& config, char kind);

// The peak a run's MFU is stated against: TFLOP/s and where the figure comes from.
struct PeakRate {
    double tflops;
    std::string source;
};
// For the GPUs whose rate is known here (by CUDA's device name), in bf16 or float32; nothing
// for others.
std::optional<PeakRate> known_peak_rate(const std::string& device_name, bool bf16);

} // namespace i3
