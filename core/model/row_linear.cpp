// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/row_linear.h"

#include "base/error.h"

#include <torch/torch.h>

#ifdef I3_WITH_CUDA
#include "model/float_cuda_arrays.h"
#include "kernels/row_linear_kernel.h"

#include <ATen/cuda/CUDAContext.h>
#endif

namespace i3 {

namespace {

// Up to this many rows, separate matrix-vector products beat one matrix product on a CPU
// (measured with OpenBLAS on 2 cores: at 4 rows 4.1 ms against 8.8 ms for the vocabulary head).
constexpr int64_t kCpuMatrixVectorRows = 4;

at::Tensor linear_tensors(const at::Tensor& input, const torch::nn::LinearImpl& layer)
{
    if (!input.is_cpu() || input.size(0) > kCpuMatrixVectorRows)
        return torch::linear(input, layer.weight, layer.bias);
    auto out = torch::empty({input.size(0), layer.weight.size(0)}, input.options());
    for (int64_t r = 0; r < input.size(0); ++r) {
        auto row = out[r];
        if (layer.bias.defined())
            torch::addmv_out(row, layer.bias, layer.weight, input[r]);
        else
            torch::mv_out(row, layer.weight, input[r]);
    }
    return out;
}

at::Tensor row_linear_tensors(const at::Tensor& x, const torch::nn::LinearImpl& layer, const RowLinearOptions& options)
{
    const auto input = options.norm ? options.norm->forward(x) : x;
    auto out = linear_tensors(input.contiguous(), layer);
    if (options.gelu)
        out = torch::gelu(out);
    if (options.residual.defined())
        out.add_(options.residual);
    return out;
}

#ifdef I3_WITH_CUDA
bool kernel_takes(const at::Tensor& x, const torch::nn::LinearImpl& layer, const RowLinearOptions& options)
{
    auto aligned_float_cuda = [](const at::Tensor& t) {
        return float_cuda_arrays({&t}) && cuda_kernels::row_linear_aligned(t.data_ptr());
    };
    if (!aligned_float_cuda(x) || x.dim() != 2 || !aligned_float_cuda(layer.weight))
        return false;
    const int64_t in = x.size(1);
    if (x.size(0) > cuda_kernels::kRowLinearMaxRows || in % 4 != 0 || in > cuda_kernels::kRowLinearMaxIn)
        return false;
    if (layer.bias.defined() && !float_cuda_arrays({&layer.bias}))
        return false;
    if (options.residual.defined() && !float_cuda_arrays({&options.residual}))
        return false;
    const auto* norm = options.norm;
    return !norm || (norm->weight.defined() && norm->bias.defined() && aligned_float_cuda(norm->weight) &&
                     aligned_float_cuda(norm->bias) && norm->weight.numel() == in);
}

at::Tensor row_linear_kernel(const at::Tensor& x, const torch::nn::LinearImpl& layer, const RowLinearOptions& options)
{
    auto out = torch::empty({x.size(0), layer.weight.size(0)}, x.options());
    cuda_kernels::RowLinearArgs args;
    args.x = x.data_ptr<float>();
    args.rows = x.size(0);
    args.in = x.size(1);
    args.out_features = out.size(1);
    if (options.norm) {
        args.norm_weight = options.norm->weight.data_ptr<float>();
        args.norm_bias = options.norm->bias.data_ptr<float>();
        args.norm_eps = static_cast<float>(options.norm->options.eps());
    }
    args.weight = layer.weight.data_ptr<float>();
    args.bias = layer.bias.defined() ? layer.bias.data_ptr<float>() : nullptr;
    args.gelu = options.gelu;
    args.residual = options.residual.defined() ? options.residual.data_ptr<float>() : nullptr;
    args.out = out.data_ptr<float>();
    if (const char* error = cuda_kernels::row_linear(args, at::cuda::getCurrentCUDAStream().stream()))
        throw Error(std::string("CUDA row linear: ") + error);
    return out;
}
#endif

} // namespace

at::Tensor row_linear(const at::Tensor& x, const torch::nn::LinearImpl& layer, const RowLinearOptions& options)
{
    torch::NoGradGuard no_grad;
    if (options.residual.defined() && options.residual.sizes() != at::IntArrayRef{x.size(0), layer.weight.size(0)})
        throw Error("row_linear: the residual's shape does not match the output");
#ifdef I3_WITH_CUDA
    if (kernel_takes(x, layer, options))
        return row_linear_kernel(x, layer, options);
#endif
    return row_linear_tensors(x, layer, options);
}

} // namespace i3
