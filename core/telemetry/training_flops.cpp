// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/training_flops.h"

namespace i3 {

namespace {

int64_t block_matrix_parameters(const ModelConfig& c, char kind)
{
    const int64_t d = c.d_model, n = c.d_state;
    const int64_t feed_forward = 2 * d * 4 * d;
    if (kind == kHybridBlock)
        return n * n + n * d + d * n + feed_forward; // A, B, C and the feed-forward
    return 3 * d * d + d * d + feed_forward;         // qkv, out_proj, feed-forward
}

int64_t head_matrix_parameters(const ModelConfig& c) { return c.d_model * c.vocab_size; }

} // namespace

int64_t matrix_parameter_count(const ModelConfig& c)
{
    return c.hybrid_layers * block_matrix_parameters(c, kHybridBlock) +
           c.attn_layers * block_matrix_parameters(c, kAttentionBlock) + head_matrix_parameters(c);
}

double block_training_flops_per_token(const ModelConfig& c, char kind)
{
    const double products = 6.0 * static_cast<double>(block_matrix_parameters(c, kind));
    if (kind == kHybridBlock)
        return products;
    return products + 6.0 * static_cast<double>(c.max_seq_len) * static_cast<double>(c.d_model);
}

double training_flops_per_token(const ModelConfig& c)
{
    return static_cast<double>(c.hybrid_layers) * block_training_flops_per_token(c, kHybridBlock) +
           static_cast<double>(c.attn_layers) * block_training_flops_per_token(c, kAttentionBlock) +
           6.0 * static_cast<double>(head_matrix_parameters(c));
}

std::optional<PeakRate> known_peak_rate(const std::string& device_name, bool bf16)
{
    if (device_name.find("H200") == std::string::npos && device_name.find("H100") == std::string::npos)
        return std::nullopt;
    if (bf16)
        return PeakRate{790, "dense bf16 products of 8192^3 random matrices measured on an H200"};
    return PeakRate{67, "float32 without tensor cores, by the H100/H200 datasheet"};
}

} // namespace i3
