// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/value_histogram.h"

#include "base/error.h"

#include <algorithm>

namespace i3 {

ValueHistogram value_histogram(const std::vector<double>& values, int bins)
{
    if (bins < 1 || values.empty())
        throw Error("a histogram needs values and at least one bin");
    const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
    ValueHistogram histogram;
    histogram.low = *lowest;
    histogram.high = *highest;
    if (histogram.low == histogram.high) {
        histogram.low -= 0.5;
        histogram.high += 0.5;
    }
    histogram.counts.assign(bins, 0);
    const double width = histogram.bin_width();
    for (const double value : values) {
        const auto bin = static_cast<int64_t>((value - histogram.low) / width);
        ++histogram.counts[std::clamp<int64_t>(bin, 0, bins - 1)];
    }
    return histogram;
}

} // namespace i3
