// SPDX-License-Identifier: GPL-3.0-or-later
#include "curves/ema_smoothing.h"

#include <algorithm>
#include <cmath>

namespace i3 {

std::vector<double> debiased_ema(const std::vector<double>& values, double weight)
{
    weight = std::clamp(weight, 0.0, kMaxSmoothingWeight);
    std::vector<double> smoothed;
    smoothed.reserve(values.size());
    double average = 0;
    double decay = 1; // weight^n after n finite values
    for (const double value : values) {
        if (!std::isfinite(value)) {
            smoothed.push_back(value);
            continue;
        }
        average = average * weight + (1 - weight) * value;
        decay *= weight;
        smoothed.push_back(average / (1 - decay));
    }
    return smoothed;
}

} // namespace i3
