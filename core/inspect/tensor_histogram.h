// SPDX-License-Identifier: GPL-3.0-or-later
// value_histogram.h's histogram computed where a tensor lives (on the GPU for a CUDA tensor),
// without waiting for the device: the result stays there, packed as one float64 row, so that
// the histograms of many tensors come back to the host in one copy.
#pragma once

#include "inspect/value_histogram.h"

#include <ATen/Tensor.h>

namespace i3 {

// [low, high, count of bin 0, ..., count of bin bins - 1]: bins + 2 float64 values on the
// tensor's device. Values that are not finite are counted in bin 0.
at::Tensor tensor_histogram_row(const at::Tensor& values, int bins);
inline int64_t histogram_row_size(int bins) { return bins + 2; }
// Such a row, read back (`row` holds histogram_row_size(bins) values).
ValueHistogram histogram_from_row(const double* row, int bins);

} // namespace i3
