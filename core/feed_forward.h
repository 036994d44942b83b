// SPDX-License-Identifier: GPL-3.0-or-later
// The block's FFN: Linear(d, 4d) -> GELU (erf form) -> Linear(4d, d); parameters "ffn.0.*", "ffn.2.*".
#pragma once

#include <torch/nn/modules/container/sequential.h>

namespace i3 {

torch::nn::Sequential make_feed_forward(int64_t d_model);

} // namespace i3
