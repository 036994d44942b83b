// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/tensor_histogram.h"

#include "base/error.h"

#include <torch/torch.h>

namespace i3 {

at::Tensor tensor_histogram_row(const at::Tensor& values, int bins)
{
    if (bins < 1 || values.numel() == 0)
        throw Error("a histogram needs values and at least one bin");
    const at::Tensor x = values.detach().reshape({-1}).to(at::kDouble);
    const auto [lowest, highest] = at::aminmax(x);
    // All values equal (as w_mix is at initialisation): a range of 1 centred on them, so the
    // one bar still has a width.
    const at::Tensor equal = lowest == highest;
    const at::Tensor low = at::where(equal, lowest - 0.5, lowest);
    const at::Tensor high = at::where(equal, highest + 0.5, highest);
    const at::Tensor width = (high - low) / static_cast<double>(bins);
    const at::Tensor scaled = at::floor((x - low) / width);
    const at::Tensor bin = at::where(at::isfinite(scaled), scaled, at::zeros({}, x.options()))
                               .clamp(0, bins - 1)
                               .to(at::kLong);
    const at::Tensor counts =
        at::zeros({bins}, x.options()).index_add_(0, bin, at::ones({}, x.options()).expand({x.numel()}));
    return at::cat({low.reshape({1}), high.reshape({1}), counts});
}

ValueHistogram histogram_from_row(const double* row, int bins)
{
    ValueHistogram histogram;
    histogram.low = row[0];
    histogram.high = row[1];
    histogram.counts.reserve(static_cast<size_t>(bins));
    for (int i = 0; i < bins; ++i)
        histogram.counts.push_back(static_cast<int64_t>(row[2 + i]));
    return histogram;
}

} // namespace i3
