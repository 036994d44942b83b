// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed_forward.h"

#include <torch/torch.h>

namespace i3 {

torch::nn::Sequential make_feed_forward(int64_t d_model)
{
    return torch::nn::Sequential(torch::nn::Linear(d_model, 4 * d_model), torch::nn::GELU(),
                                 torch::nn::Linear(4 * d_model, d_model));
}

} // namespace i3
