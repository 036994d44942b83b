// SPDX-License-Identifier: GPL-3.0-or-later
// The CPU implementation of the scan primitives declared in hybrid_scan.h (float and double).
#pragma once

#include <ATen/Tensor.h>

namespace i3::scan {

at::Tensor diagonal_cpu(const at::Tensor& a, const at::Tensor& b, const at::Tensor& x0, bool reverse);
at::Tensor dense_cpu(const at::Tensor& M, const at::Tensor& b, const at::Tensor& x0, bool reverse);

} // namespace i3::scan
