// SPDX-License-Identifier: GPL-3.0-or-later
// The block's FFN: Linear(d, 4d) -> GELU (erf form) -> Linear(4d, d); parameters "ffn.0.*", "ffn.2.*".
#pragma once

#include <ATen/Tensor.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/normalization.h>

namespace i3 {

torch::nn::Sequential make_feed_forward(int64_t d_model);

// x + FFN(norm(x)) for the few rows of one generation step, through row_linear.h.
at::Tensor feed_forward_rows(torch::nn::Sequential& ffn, torch::nn::LayerNormImpl& norm, const at::Tensor& x);

} // namespace i3
