// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/training_flops.h"

namespace i3 {

int64_t matrix_parameter_count(const ModelConfig& c)
{
    const int64_t d = c.d_model, n = c.d_state;
    const int64_t feed_forward = 2 * d * 4 * d;
    const int64_t hybrid = n * n + n * d + d * n + feed_forward;   // A, B, C and the feed-forward
    const int64_t attention = 3 * d * d + d * d + feed_forward;    // qkv, out_proj, feed-forward
    return c.hybrid_layers * hybrid + c.attn_layers * attention + d * c.vocab_size; // + the head
}

double training_flops_per_token(const ModelConfig& c)
{
    return 6.0 * static_cast<double>(matrix_parameter_count(c)) +
           6.0 * static_cast<double>(c.attn_layers) * static_cast<double>(c.max_seq_len) * static_cast<double>(c.d_model);
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
