// SPDX-License-Identifier: GPL-3.0-or-later
// Loss of a model on held-out tokens: non-overlapping windows of the context (i = 0, T, 2T, ...;
// inputs ids[i : i+T], targets ids[i+1 : i+T+1]; the last, shorter window counts too), averaged
// over every predicted token.
#pragma once

#include "base/cancel_token.h"
#include "data/token_corpus.h"
#include "model/i3_model.h"

#include <ATen/Tensor.h>
#include <c10/core/Device.h>

#include <functional>

namespace i3 {

struct EvalResult {
    double loss = 0;
    double perplexity = 0;
    int64_t tokens = 0; // predicted positions
};

// Windows evaluated so far and in all, after each batch of them.
using EvalProgress = std::function<void(int64_t done, int64_t total)>;

// tokens: 1-D int64 on any device. max_windows < 0 means all windows. Runs without gradients,
// `batch_size` windows at a time; throws i3::Cancelled between batches once `cancel` is set.
EvalResult evaluate_tokens(I3Model& model, const at::Tensor& tokens, int64_t max_windows = -1,
                           int64_t batch_size = 8, const CancelToken* cancel = nullptr,
                           const EvalProgress& progress = {});
// The same over a token corpus (memory-mapped files), reading each batch's windows from it and
// moving them to `device`, where the model is.
EvalResult evaluate_tokens(I3Model& model, const TokenCorpus& tokens, c10::Device device, int64_t max_windows = -1,
                           int64_t batch_size = 8, const CancelToken* cancel = nullptr,
                           const EvalProgress& progress = {});

} // namespace i3
