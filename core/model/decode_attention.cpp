// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/decode_attention.h"

#include "base/error.h"

#include <torch/torch.h>

#ifdef I3_WITH_CUDA
#include "kernels/decode_attention_kernel.h"
#include "model/float_cuda_arrays.h"

#include <ATen/cuda/CUDAContext.h>
#endif

#include <cmath>
#include <limits>

namespace i3 {

namespace {

at::Tensor decode_attention_tensors(const at::Tensor& qkv, at::Tensor& keys, at::Tensor& values,
                                    const at::Tensor& positions, int64_t heads)
{
    const int64_t rows = qkv.size(0);
    const int64_t head_dim = qkv.size(1) / (3 * heads);
    const int64_t capacity = keys.size(2);
    const auto parts = qkv.view({rows, 3, heads, 1, head_dim});
    const auto slot = positions.view({rows, 1, 1, 1}).expand({rows, heads, 1, head_dim});
    keys.scatter_(2, slot, parts.select(1, 1));
    values.scatter_(2, slot, parts.select(1, 2));
    const auto later = torch::arange(capacity, positions.options()).unsqueeze(0) > positions.unsqueeze(1);
    const auto scores = torch::matmul(parts.select(1, 0), keys.transpose(-2, -1)) / std::sqrt(static_cast<double>(head_dim));
    const auto masked = scores.masked_fill(later.view({rows, 1, 1, capacity}), -std::numeric_limits<float>::infinity());
    return torch::matmul(torch::softmax(masked, -1), values).reshape({rows, heads * head_dim});
}

#ifdef I3_WITH_CUDA
at::Tensor decode_attention_cuda(const at::Tensor& qkv, at::Tensor& keys, at::Tensor& values,
                                 const at::Tensor& positions, int64_t heads)
{
    const int64_t rows = qkv.size(0);
    auto out = torch::empty({rows, qkv.size(1) / 3}, qkv.options());
    if (const char* error = cuda_kernels::decode_attention(
            qkv.data_ptr<float>(), keys.data_ptr<float>(), values.data_ptr<float>(), positions.data_ptr<int64_t>(),
            out.data_ptr<float>(), rows, heads, keys.size(3), keys.size(2), at::cuda::getCurrentCUDAStream().stream()))
        throw Error(std::string("CUDA decode attention: ") + error);
    return out;
}

bool on_cuda_as_kernel_needs(const at::Tensor& qkv, const at::Tensor& keys, const at::Tensor& values,
                             const at::Tensor& positions)
{
    return float_cuda_arrays({&qkv, &keys, &values}) && positions.is_cuda() && positions.scalar_type() == at::kLong && positions.is_contiguous() &&
           keys.size(3) <= 256;
}
#endif

} // namespace

at::Tensor decode_attention(const at::Tensor& qkv, at::Tensor& keys, at::Tensor& values, const at::Tensor& positions,
                            int64_t heads)
{
    torch::NoGradGuard no_grad;
#ifdef I3_WITH_CUDA
    if (on_cuda_as_kernel_needs(qkv, keys, values, positions))
        return decode_attention_cuda(qkv, keys, values, positions, heads);
#endif
    return decode_attention_tensors(qkv, keys, values, positions, heads);
}

} // namespace i3
