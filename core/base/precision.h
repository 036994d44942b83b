// SPDX-License-Identifier: GPL-3.0-or-later
// The arithmetic a training step uses: float32 throughout, or bf16 autocast for the matrix
// products and attention over float32 master weights, optimizer state, losses and reductions.
#pragma once

#include <optional>
#include <string>

namespace i3 {

enum class Precision { Float32, BFloat16 };

inline constexpr const char* kPrecisionFloat32 = "fp32";
inline constexpr const char* kPrecisionBFloat16 = "bf16";

inline std::optional<Precision> parse_precision(const std::string& text)
{
    if (text == kPrecisionFloat32)
        return Precision::Float32;
    if (text == kPrecisionBFloat16)
        return Precision::BFloat16;
    return std::nullopt;
}

inline const char* precision_name(Precision precision)
{
    return precision == Precision::BFloat16 ? kPrecisionBFloat16 : kPrecisionFloat32;
}

} // namespace i3
