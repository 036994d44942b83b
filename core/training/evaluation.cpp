// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/evaluation.h"

#include "base/error.h"

#include <torch/torch.h>

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
    const auto logits = model->forward(torch::stack(inputs));
    const auto target = torch::stack(targets);
    return torch::nn::functional::cross_entropy(
               logits.reshape({-1, logits.size(-1)}), target.reshape({-1}),
               torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
        .item<double>();
}

} // namespace

EvalResult evaluate_tokens(I3Model& model, const at::Tensor& tokens, int64_t max_windows, int64_t batch_size)
{
    const int64_t context = model->config().max_seq_len;
    const int64_t total = tokens.numel();
    if (total < 2)
        throw Error("evaluation needs at least two tokens");
    torch::NoGradGuard no_grad;
    const bool was_training = model->is_training();
    model->eval();

    double loss_sum = 0;
    int64_t predicted = 0;
    std::vector<int64_t> full_starts;
    auto flush = [&] {
        if (full_starts.empty())
            return;
        loss_sum += summed_loss(model, tokens, full_starts, context);
        predicted += static_cast<int64_t>(full_starts.size()) * context;
        full_starts.clear();
    };
    int64_t windows = 0;
    for (int64_t start = 0; start < total - 1 && (max_windows < 0 || windows < max_windows); start += context, ++windows) {
        const int64_t length = std::min(context, total - 1 - start);
        if (length == context) {
            full_starts.push_back(start);
            if (static_cast<int64_t>(full_starts.size()) == batch_size)
                flush();
        } else {
            loss_sum += summed_loss(model, tokens, {start}, length);
            predicted += length;
        }
    }
    flush();
    model->train(was_training);
    const double loss = loss_sum / static_cast<double>(predicted);
    return {loss, std::exp(loss), predicted};
}

} // namespace i3
