// SPDX-License-Identifier: GPL-3.0-or-later
// A linear layer applied to the few rows of one generation step, with the layer norm before it
// and the GELU and residual after it when asked:  out = [residual +] act(norm?(x) W^T + b).
// It computes what the separate modules compute, only faster for a handful of rows:
//  - on a CPU, one BLAS matrix-vector product per row (a matrix product of one row makes BLAS
//    repack the whole weight matrix first, several times slower);
//  - on a GPU, for float32 and at most 64 rows, one kernel for all of it (row_linear_kernel.h).
// Anything else goes through the ordinary tensor operations.
#pragma once

#include <ATen/Tensor.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

namespace i3 {

struct RowLinearOptions {
    torch::nn::LayerNormImpl* norm = nullptr; // applied to x first when set
    bool gelu = false;                              // GELU (erf form) after the bias
    at::Tensor residual;                            // [rows, out_features], added last when defined
};

// x: [rows, in_features] -> [rows, out_features]. No autograd.
at::Tensor row_linear(const at::Tensor& x, const torch::nn::LinearImpl& layer, const RowLinearOptions& options = {});

} // namespace i3
