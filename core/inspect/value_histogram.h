// SPDX-License-Identifier: GPL-3.0-or-later
// Counts of values in equal bins, for the distribution of a parameter vector such as w_mix.
#pragma once

#include <cstdint>
#include <vector>

namespace i3 {

struct ValueHistogram {
    double low = 0, high = 0;   // the bins cover [low, high]; the last bin includes high
    std::vector<int64_t> counts; // one per bin

    double bin_width() const { return counts.empty() ? 0 : (high - low) / double(counts.size()); }
    double bin_centre(size_t bin) const { return low + (double(bin) + 0.5) * bin_width(); }
};

// `bins` equal bins from the smallest to the largest value; all values equal (as w_mix is at
// initialisation) get a range of 1 centred on them, so the one bar still has a width.
ValueHistogram value_histogram(const std::vector<double>& values, int bins);

} // namespace i3
