// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/value_histogram.h"

#include "inspect/tensor_histogram.h"

#include <torch/torch.h>

namespace i3 {

ValueHistogram value_histogram(const std::vector<double>& values, int bins)
{
    const at::Tensor row =
        tensor_histogram_row(torch::tensor(at::ArrayRef<double>(values), torch::kDouble), bins).contiguous();
    return histogram_from_row(row.data_ptr<double>(), bins);
}

} // namespace i3
