// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/evaluation.h"

#include "base/error.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace i3 {

namespace {

// Summed cross-entropy of a group of equally long windows starting at `starts`.
double summed_loss(I3Model& model, const at::Tensor& tokens, const std::vector<int64_t>& starts, int64_t length)
{
    std::vector<at::Tensor> inputs, targets;
    for (const int64_t start : starts) {
        inputs.push_back(tokens.narrow(0, start, length));
        targets.push_back(tokens.narrow(0, start + 1, length));
    }
    return model->loss(torch::stack(inputs), torch::stack(targets), LossReduction::Sum).item<double>();
}

} // namespace

EvalResult evaluate_tokens(I3Model& model, const at::Tensor& tokens, int64_t max_windows, int64_t batch_size,
                           const CancelToken* cancel, const EvalProgress& progress)
{
    const int64_t context = model->config().max_seq_len;
    const int64_t total = tokens.numel();
    if (total < 2)
        throw Error("evaluation needs at least two tokens");
    const int64_t all_windows = (total - 1 + context - 1) / context;
    const int64_t windows = max_windows < 0 ? all_windows : std::min(max_windows, all_windows);
    torch::NoGradGuard no_grad;
    const bool was_training = model->is_training();
    model->eval();
    const struct RestoreMode {
        I3Model& model;
        bool training;
        ~RestoreMode() { model->train(training); }
    } restore{model, was_training};

    double loss_sum = 0;
    int64_t predicted = 0;
    for (int64_t first = 0; first < windows; first += batch_size) {
        if (cancel && cancel->cancelled())
            throw Cancelled();
        std::vector<int64_t> full_starts;
        for (int64_t window = first; window < std::min(first + batch_size, windows); ++window) {
            const int64_t start = window * context;
            const int64_t length = std::min(context, total - 1 - start);
            if (length == context) {
                full_starts.push_back(start);
            } else { // the last, shorter window
                loss_sum += summed_loss(model, tokens, {start}, length);
                predicted += length;
            }
        }
        if (!full_starts.empty()) {
            loss_sum += summed_loss(model, tokens, full_starts, context);
            predicted += static_cast<int64_t>(full_starts.size()) * context;
        }
        if (progress)
            progress(std::min(first + batch_size, windows), windows);
    }
    const double loss = loss_sum / static_cast<double>(predicted);
    return {loss, std::exp(loss), predicted};
}

} // namespace i3
