// SPDX-License-Identifier: GPL-3.0-or-later
// The hybrid mixer advanced by one token for a batch of rows, for generation: returns
// x + C s' + D ⊙ h' and updates h (to h') and s (to s') in place, where
//   u = norm(x),   h' = w ⊙ h + (1 - w) ⊙ u,   s' = A s + B u.
// On a GPU it is two kernels (hybrid_step_kernel.h); elsewhere a few tensor operations.
#pragma once

#include "model/hybrid_scan.h"

#include <ATen/Tensor.h>
#include <torch/nn/modules/normalization.h>

namespace i3 {

// x: [rows, d]; h: [rows, d]; s: [rows, d_state]; one_minus_w = 1 - params.w_mix.
at::Tensor hybrid_step(const at::Tensor& x, torch::nn::LayerNormImpl& norm, const HybridParams& params,
                       const at::Tensor& one_minus_w, at::Tensor& h, at::Tensor& s);

} // namespace i3
