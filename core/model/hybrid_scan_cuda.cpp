// SPDX-License-Identifier: GPL-3.0-or-later
// LibTorch glue for the CUDA scan kernels (hybrid_scan_kernels.h): checks the tensors, makes
// them contiguous, allocates the output and queues the kernels on PyTorch's current stream of
// the input's device, so they order correctly with the surrounding tensor operations.
#include "model/hybrid_scan_cuda.h"

#include "base/error.h"
#include "formats/shape_text.h"
#include "kernels/hybrid_scan_kernels.h"

#include <ATen/ATen.h>
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDAGuard.h>

#include <string>
#include <vector>

namespace i3::scan {

namespace {

using Launcher = const char* (*)(const float*, const float*, const float*, float*, int64_t, int64_t, int64_t, bool,
                                 void*);

std::string describe(const at::Tensor& t)
{
    return std::string(c10::toString(t.scalar_type())) + " " + shape_text(t.sizes()) + " on " + t.device().str();
}

void check_input(const at::Tensor& b)
{
    if (!b.defined() || !b.is_cuda() || b.scalar_type() != at::kFloat || b.dim() != 3)
        throw Error("CUDA scan: the input must be a float32 [batch, T, n] tensor on a CUDA device, got " +
                    (b.defined() ? describe(b) : std::string("no tensor")));
}

// `name` must be a float32 tensor of the given shape on b's device.
void check_operand(const at::Tensor& t, const char* name, const at::Tensor& b, const std::vector<int64_t>& shape)
{
    if (!t.defined() || t.scalar_type() != at::kFloat || t.device() != b.device() || !t.sizes().equals(shape))
        throw Error(std::string("CUDA scan: ") + name + " must be a float32 " + shape_text(shape) + " tensor on " +
                    b.device().str() + ", got " + (t.defined() ? describe(t) : std::string("no tensor")));
}

// Checks, launches `launch` and returns x: [batch, T, n].
at::Tensor run_scan(Launcher launch, const char* coefficients_name, const at::Tensor& coefficients,
                    const std::vector<int64_t>& coefficients_shape, const at::Tensor& b, const at::Tensor& x0,
                    bool reverse)
{
    const int64_t batch = b.size(0), steps = b.size(1), n = b.size(2);
    check_operand(coefficients, coefficients_name, b, coefficients_shape);
    if (x0.defined())
        check_operand(x0, "the initial state", b, {batch, n});

    const c10::cuda::CUDAGuard device_guard(b.device());
    const at::Tensor coefficients_dense = coefficients.contiguous();
    const at::Tensor b_dense = b.contiguous();
    const at::Tensor x0_dense = x0.defined() ? x0.contiguous() : at::Tensor();
    at::Tensor x = at::empty({batch, steps, n}, b.options());
    if (x.numel() == 0)
        return x;

    const char* error = launch(coefficients_dense.data_ptr<float>(), b_dense.data_ptr<float>(),
                               x0_dense.defined() ? x0_dense.data_ptr<float>() : nullptr, x.data_ptr<float>(), batch,
                               steps, n, reverse, at::cuda::getCurrentCUDAStream().stream());
    if (error)
        throw Error(std::string("CUDA scan: the kernel could not be launched: ") + error);
    return x;
}

} // namespace

at::Tensor diagonal_cuda(const at::Tensor& a, const at::Tensor& b, const at::Tensor& x0, bool reverse)
{
    check_input(b);
    return run_scan(cuda_kernels::diagonal_scan, "the coefficients a", a, {b.size(2)}, b, x0, reverse);
}

at::Tensor dense_cuda(const at::Tensor& M, const at::Tensor& b, const at::Tensor& x0, bool reverse)
{
    check_input(b);
    return run_scan(cuda_kernels::dense_scan, "the matrix M", M, {b.size(2), b.size(2)}, b, x0, reverse);
}

} // namespace i3::scan
