// SPDX-License-Identifier: GPL-3.0-or-later
// Smoothing a curve as TensorBoard does: an exponential moving average of the values in order,
// debiased, so that the first points are not dragged towards zero (the average starts at 0 and
// is divided by 1 - weight^n after n values). Values that are not finite are passed through as
// they are and leave the average alone, so a NaN step shows as a gap, not as a poisoned tail.
#pragma once

#include <vector>

namespace i3 {

// The smoothing weights a user may pick: 0 (the raw curve) up to just below 1.
inline constexpr double kMaxSmoothingWeight = 0.999;

// `values` smoothed with `weight` (clamped to 0..kMaxSmoothingWeight); weight 0 returns them.
std::vector<double> debiased_ema(const std::vector<double>& values, double weight);

} // namespace i3
