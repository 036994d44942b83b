// SPDX-License-Identifier: GPL-3.0-or-later
// Which points of a long curve to draw: over the visible x range cut into buckets of about a
// pixel, each bucket's lowest and highest point, in x order, so that a spike is never dropped
// however many points there are. On a logarithmic x axis the buckets are equal in log x.
#pragma once

#include <cstddef>
#include <vector>

namespace i3 {

struct DecimationWindow {
    double lower = 0; // the visible x range
    double upper = 1;
    int buckets = 1000;
    bool log_x = false;        // buckets equal in log x; points at x <= 0 cannot be drawn
    bool positive_y = false;   // a log y axis: points at y <= 0 cannot be drawn
};

// The indices of the points to draw of a curve sorted by x (`x` and `y` of equal length), in
// order: every drawable point when the range holds at most two per bucket, otherwise per bucket
// its lowest and its highest. The nearest drawable point outside each end of the range is kept,
// so that the line runs on to the edge. Points whose y is not finite are never drawn.
std::vector<size_t> decimate_min_max(const std::vector<double>& x, const std::vector<double>& y,
                                     const DecimationWindow& window);

} // namespace i3
