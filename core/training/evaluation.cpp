// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/evaluation.h"

#include "base/error.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <functional>

namespace i3 {

namespace {

// A window of `length` + 1 ids starting at `start`, on the model's device: inputs and targets.
using WindowReader = std::function<at::Tensor(int64_t start, int64_t length)>;

// Summed cross-entropy of a group of equally long windows starting at `starts`.
double summed_loss(I3Model& model, const WindowReader& window, const std::vector<int64_t>& starts, int64_t length)
{
    std::vector<at::Tensor> windows;
    for (const int64_t start : starts)
        windows.push_back(window(start, length));
    const auto rows = torch::stack(windows);
    return model->loss(rows.narrow(1, 0, length).contiguous(), rows.narrow(1, 1, length), LossReduction::Sum)
        .item<double>();
}

EvalResult evaluate_windows(I3Model& model, int64_t total, const WindowReader& window, int64_t max_windows,
                            int64_t batch_size, const CancelToken* cancel, const EvalProgress& progress)
{
    const int64_t context = model->config().max_seq_len;
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
        for (int64_t index = first; index < std::min(first + batch_size, windows); ++index) {
            const int64_t start = index * context;
            const int64_t length = std::min(context, total - 1 - start);
            if (length == context) {
                full_starts.push_back(start);
            } else { // the last, shorter window
                loss_sum += summed_loss(model, window, {start}, length);
                predicted += length;
            }
        }
        if (!full_starts.empty()) {
            loss_sum += summed_loss(model, window, full_starts, context);
            predicted += static_cast<int64_t>(full_starts.size()) * context;
        }
        if (progress)
            progress(std::min(first + batch_size, windows), windows);
    }
    const double loss = loss_sum / static_cast<double>(predicted);
    return {loss, std::exp(loss), predicted};
}

} // namespace

EvalResult evaluate_tokens(I3Model& model, const at::Tensor& tokens, int64_t max_windows, int64_t batch_size,
                           const CancelToken* cancel, const EvalProgress& progress)
{
    const WindowReader window = [&](int64_t start, int64_t length) { return tokens.narrow(0, start, length + 1); };
    return evaluate_windows(model, tokens.numel(), window, max_windows, batch_size, cancel, progress);
}

EvalResult evaluate_tokens(I3Model& model, const TokenCorpus& tokens, c10::Device device, int64_t max_windows,
                           int64_t batch_size, const CancelToken* cancel, const EvalProgress& progress)
{
    const WindowReader window = [&](int64_t start, int64_t length) {
        at::Tensor ids = torch::empty({length + 1}, torch::kLong);
        tokens.read(start, length + 1, ids.data_ptr<int64_t>());
        return ids.to(device);
    };
    return evaluate_windows(model, tokens.size(), window, max_windows, batch_size, cancel, progress);
}

} // namespace i3
