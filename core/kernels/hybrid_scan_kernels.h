// SPDX-License-Identifier: GPL-3.0-or-later
// The CUDA kernels behind the scan primitives of hybrid_scan.h, float32 only, with plain C++
// launchers: no LibTorch here, so the kernels build and can be tested without a CUDA LibTorch
// (hybrid_scan_cuda.cpp is the LibTorch glue).
//
// Every pointer is a device pointer to a contiguous float array:
//   b, x: [batch, steps, n]   a: [n]   M: [n, n], row-major   x0: [batch, n], or null for zero
// Forward:  x_t = a ⊙ x_{t-1} + b_t   (t = 0..steps-1, x_{-1} = x0)
// Reverse:  x_t = a ⊙ x_{t+1} + b_t   (t = steps-1..0, x_steps = x0)
// dense_scan is the same with the matrix-vector product M x in place of a ⊙ x.
// x must not overlap the inputs.
//
// The launchers queue the work on `stream` (a cudaStream_t; null is the default stream) and
// return at once: nullptr when the launch succeeded, otherwise a message saying why it failed.
// Errors that happen later while the kernels run surface at the next synchronisation, as usual
// in CUDA.
#pragma once

#include <cstdint>

namespace i3::cuda_kernels {

const char* diagonal_scan(const float* a, const float* b, const float* x0, float* x, int64_t batch, int64_t steps,
                          int64_t n, bool reverse, void* stream);

const char* dense_scan(const float* M, const float* b, const float* x0, float* x, int64_t batch, int64_t steps,
                       int64_t n, bool reverse, void* stream);

} // namespace i3::cuda_kernels
