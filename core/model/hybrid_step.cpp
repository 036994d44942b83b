// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/hybrid_step.h"

#include "base/error.h"

#include <torch/torch.h>

#ifdef I3_WITH_CUDA
#include "model/float_cuda_arrays.h"
#include "kernels/hybrid_step_kernel.h"

#include <ATen/cuda/CUDAContext.h>
#endif

namespace i3 {

namespace {

at::Tensor hybrid_step_tensors(const at::Tensor& x, torch::nn::LayerNormImpl& norm, const HybridParams& p,
                               const at::Tensor& one_minus_w, at::Tensor& h, at::Tensor& s)
{
    const auto u = norm.forward(x);
    h.mul_(p.w_mix).addcmul_(u, one_minus_w);
    s.copy_(torch::addmm(torch::matmul(u, p.B.t()), s, p.A.t()));
    return x + torch::addmm(h * p.D, s, p.C.t());
}

#ifdef I3_WITH_CUDA
at::Tensor hybrid_step_cuda(const at::Tensor& x, torch::nn::LayerNormImpl& norm, const HybridParams& p,
                            const at::Tensor& one_minus_w, at::Tensor& h, at::Tensor& s)
{
    auto out = torch::empty_like(x);
    auto s_next = torch::empty_like(s);
    const cuda_kernels::HybridStepWeights weights{norm.weight.data_ptr<float>(),
                                                  norm.bias.data_ptr<float>(),
                                                  static_cast<float>(norm.options.eps()),
                                                  p.w_mix.data_ptr<float>(),
                                                  one_minus_w.data_ptr<float>(),
                                                  p.A.data_ptr<float>(),
                                                  p.B.data_ptr<float>(),
                                                  p.C.data_ptr<float>(),
                                                  p.D.data_ptr<float>()};
    if (const char* error = cuda_kernels::hybrid_step(weights, x.data_ptr<float>(), h.data_ptr<float>(),
                                                      s.data_ptr<float>(), s_next.data_ptr<float>(),
                                                      out.data_ptr<float>(), x.size(0), x.size(1), s.size(1),
                                                      at::cuda::getCurrentCUDAStream().stream()))
        throw Error(std::string("CUDA hybrid step: ") + error);
    return out;
}
#endif

} // namespace

at::Tensor hybrid_step(const at::Tensor& x, torch::nn::LayerNormImpl& norm, const HybridParams& params,
                       const at::Tensor& one_minus_w, at::Tensor& h, at::Tensor& s)
{
    torch::NoGradGuard no_grad;
#ifdef I3_WITH_CUDA
    const auto& p = params;
    if (norm.weight.defined() && norm.bias.defined() &&
        float_cuda_arrays({&x, &norm.weight, &norm.bias, &h, &s, &one_minus_w, &p.w_mix, &p.A, &p.B, &p.C, &p.D}))
        return hybrid_step_cuda(x, norm, params, one_minus_w, h, s);
#endif
    return hybrid_step_tensors(x, norm, params, one_minus_w, h, s);
}

} // namespace i3
