// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/training_flops.h"

namespace i3 {

int64_t matrix_parameter_count(const ModelConfig& c)
{
    int64_t count = 0;
    for (const auto& block : model_blocks(c))
        count += block.matrix_parameters;
    return count;
}

double training_flops_per_token(const ModelBlock& block, const ModelConfig& c)
{
    const double attention = block.kind == BlockKind::Attention
                                 ? 6.0 * static_cast<double>(c.max_seq_len) * static_cast<double>(c.d_model)
                                 : 0.0;
    return 6.0 * static_cast<double>(block.matrix_parameters) + attention;
}

double block_training_flops_per_token(const ModelConfig& c, char kind)
{
    return training_flops_per_token(layer_block(c, kind, 0), c);
}

double training_flops_per_token(const ModelConfig& c)
{
    double flops = 0;
    for (const auto& block : model_blocks(c))
        flops += training_flops_per_token(block, c);
    return flops;
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
