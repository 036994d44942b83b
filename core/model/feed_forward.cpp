// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/feed_forward.h"

#include "model/row_linear.h"

#include <torch/torch.h>

namespace i3 {

torch::nn::Sequential make_feed_forward(int64_t d_model)
{
    return torch::nn::Sequential(torch::nn::Linear(d_model, 4 * d_model), torch::nn::GELU(),
                                 torch::nn::Linear(4 * d_model, d_model));
}

at::Tensor feed_forward_rows(torch::nn::Sequential& ffn, torch::nn::LayerNormImpl& norm, const at::Tensor& x)
{
    const auto hidden = row_linear(x, ffn->at<torch::nn::LinearImpl>(0), {&norm, /*gelu=*/true, {}});
    return row_linear(hidden, ffn->at<torch::nn::LinearImpl>(2), {nullptr, false, x});
}

} // namespace i3
