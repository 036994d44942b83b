// SPDX-License-Identifier: GPL-3.0-or-later
#include "curves/min_max_decimation.h"

#include <algorithm>
#include <cmath>

namespace i3 {

std::vector<size_t> decimate_min_max(const std::vector<double>& x, const std::vector<double>& y,
                                     const DecimationWindow& window)
{
    const size_t n = std::min(x.size(), y.size());
    const auto drawable = [&](size_t i) {
        return std::isfinite(y[i]) && std::isfinite(x[i]) && (!window.positive_y || y[i] > 0) &&
               (!window.log_x || x[i] > 0);
    };
    const auto x_end = x.begin() + static_cast<std::ptrdiff_t>(n);
    const size_t begin = static_cast<size_t>(std::lower_bound(x.begin(), x_end, window.lower) - x.begin());
    const size_t end = static_cast<size_t>(std::upper_bound(x.begin(), x_end, window.upper) - x.begin());
    const int buckets = std::max(1, window.buckets);

    std::vector<size_t> kept;
    for (size_t i = begin; i-- > 0;) // the nearest drawable point before the range
        if (drawable(i)) {
            kept.push_back(i);
            break;
        }
    if (end - begin <= 2 * static_cast<size_t>(buckets)) {
        for (size_t i = begin; i < end; ++i)
            if (drawable(i))
                kept.push_back(i);
    } else {
        const auto position = [&](double value) { return window.log_x ? std::log(value) : value; };
        const double low = position(window.log_x ? std::max(window.lower, x[begin]) : window.lower);
        const double high = position(window.upper);
        const double width = high > low ? (high - low) / buckets : 1.0;
        int bucket = -1;
        size_t lowest = n, highest = n;
        const auto flush = [&] {
            if (lowest == n)
                return;
            kept.push_back(std::min(lowest, highest));
            if (highest != lowest)
                kept.push_back(std::max(lowest, highest));
            lowest = highest = n;
        };
        for (size_t i = begin; i < end; ++i) {
            if (!drawable(i))
                continue;
            const int b = std::clamp(static_cast<int>((position(x[i]) - low) / width), 0, buckets - 1);
            if (b != bucket) {
                flush();
                bucket = b;
            }
            if (lowest == n || y[i] < y[lowest])
                lowest = i;
            if (highest == n || y[i] > y[highest])
                highest = i;
        }
        flush();
    }
    for (size_t i = end; i < n; ++i) // the nearest drawable point after it
        if (drawable(i)) {
            kept.push_back(i);
            break;
        }
    return kept;
}

} // namespace i3
