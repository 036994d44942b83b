// SPDX-License-Identifier: GPL-3.0-or-later
// The CUDA implementation of the scan primitives declared in hybrid_scan.h, float32 only; built
// when LibTorch has CUDA (I3_WITH_CUDA). Same contract as i3::scan::diagonal and i3::scan::dense:
// b: [batch, T, n] on a CUDA device, a: [n] or M: [n, n] and x0: [batch, n] (or undefined, for
// zero) on the same device. Throws i3::Error when a tensor is not float32, not on b's device or
// not of the expected shape.
#pragma once

#include <ATen/Tensor.h>

namespace i3::scan {

at::Tensor diagonal_cuda(const at::Tensor& a, const at::Tensor& b, const at::Tensor& x0, bool reverse);
at::Tensor dense_cuda(const at::Tensor& M, const at::Tensor& b, const at::Tensor& x0, bool reverse);

} // namespace i3::scan
