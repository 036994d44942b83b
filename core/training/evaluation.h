// SPDX-License-Identifier: GPL-3.0-or-later
// Loss of a model on held-out tokens: non-overlapping windows of the context (i = 0, T, 2T, ...;
// inputs ids[i : i+T], targets ids[i+1 : i+T+1]; the last, shorter window counts too), averaged
// over every predicted token.
#pragma once

#include "model/i3_model.h"

#include <ATen/Tensor.h>

namespace i3 {

struct EvalResult {
    double loss = 0;
    double perplexity = 0;
    int64_t tokens = 0; // predicted positions
};

// tokens: 1-D int64 on any device. max_windows < 0 means all windows. Runs without gradients.
EvalResult evaluate_tokens(I3Model& model, const at::Tensor& tokens, int64_t max_windows = -1,
                           int64_t batch_size = 8);

} // namespace i3
