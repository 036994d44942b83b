// SPDX-License-Identifier: GPL-3.0-or-later
// The hybrid block's linear recurrence (reference §2), as one autograd operation:
//   h_t = w ⊙ h_{t-1} + (1 - w) ⊙ u_t
//   s_t = A s_{t-1} + B u_t
//   y_t = C s_t + D ⊙ h_t
// The time loops run in scan primitives with a CPU and a CUDA implementation; the backward pass
// is written out by hand (it is the same scans run in reverse), so training never builds a
// per-time-step autograd graph.
#pragma once

#include <ATen/Tensor.h>

namespace i3 {

struct HybridParams {
    at::Tensor w_mix; // [d]
    at::Tensor A;     // [d_state, d_state]
    at::Tensor B;     // [d_state, d]
    at::Tensor C;     // [d, d_state]
    at::Tensor D;     // [d]
};

struct HybridState {
    at::Tensor h; // [batch, d]
    at::Tensor s; // [batch, d_state]
};

// u: [batch, T, d] -> y: [batch, T, d], starting from zero state; differentiable in u and all
// parameters.
at::Tensor hybrid_scan(const at::Tensor& u, const HybridParams& params);

// Inference from a carried state (undefined tensors mean zero); `state` becomes the state after
// the last step. Not differentiable.
at::Tensor hybrid_scan_with_state(const at::Tensor& u, const HybridParams& params, HybridState& state);

namespace scan {

// The primitives, along dim 1 of b: [batch, T, n]. x0 ([batch, n]) may be undefined (zero).
// Forward:  x_t = a ⊙ x_{t-1} + b_t  (t = 0..T-1, x_{-1} = x0)
// Reverse:  x_t = a ⊙ x_{t+1} + b_t  (t = T-1..0, x_T = x0)
at::Tensor diagonal(const at::Tensor& a, const at::Tensor& b, const at::Tensor& x0, bool reverse);
// The same with a dense matrix: x_t = M x_{t-1} + b_t (reverse: x_t = M x_{t+1} + b_t); M: [n, n].
at::Tensor dense(const at::Tensor& M, const at::Tensor& b, const at::Tensor& x0, bool reverse);

} // namespace scan
} // namespace i3
