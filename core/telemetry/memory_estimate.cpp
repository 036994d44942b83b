// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/memory_estimate.h"

namespace i3 {

TrainingMemoryEstimate estimate_training_memory(const ModelConfig& model, int64_t batch_size)
{
    constexpr double kFloatBytes = 4;
    const auto b = static_cast<double>(batch_size);
    const auto t = static_cast<double>(model.max_seq_len);
    const auto d = static_cast<double>(model.d_model);
    const double floats = b * t * d * (12.0 * static_cast<double>(model.n_layers()) + 2) +
                          2 * b * static_cast<double>(model.n_heads) * t * t * static_cast<double>(model.attn_layers) +
                          2 * b * t * static_cast<double>(model.vocab_size);
    const double parameter_bytes = static_cast<double>(model.parameter_count()) * kFloatBytes;
    TrainingMemoryEstimate estimate;
    estimate.weight_bytes = parameter_bytes;
    estimate.gradient_bytes = parameter_bytes;
    estimate.optimizer_bytes = 2 * parameter_bytes;
    estimate.activation_bytes = floats * kFloatBytes;
    return estimate;
}

} // namespace i3
