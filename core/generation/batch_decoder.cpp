// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/batch_decoder.h"

#include "base/error.h"
#include "base/cuda_graph.h"

#include <torch/torch.h>

namespace i3 {

BatchDecoder::BatchDecoder(I3Model model, int64_t batch, const SamplingOptions& options, bool use_cuda_graph)
    : model_(std::move(model)), batch_(batch), options_(options)
{
    validate(options);
    if (batch < 1)
        throw Error("a generation batch needs at least one sequence");
    torch::NoGradGuard no_grad;
    const auto weights = model_->embed->weight.options().requires_grad(false);
    const bool cuda = weights.device().is_cuda();
    const auto host = torch::TensorOptions().pinned_memory(cuda);

    inputs_ = torch::zeros({2, batch}, weights.dtype(torch::kLong));
    tokens_ = inputs_[0];
    positions_ = inputs_[1];
    draws_ = torch::zeros({batch}, weights.dtype(torch::kDouble));
    host_inputs_ = torch::zeros({2, batch}, host.dtype(torch::kLong));
    host_draws_ = torch::zeros({batch}, host.dtype(torch::kDouble));
    chosen_ = torch::zeros({2, batch}, weights.dtype(torch::kDouble));
    host_chosen_ = torch::zeros({2, batch}, host.dtype(torch::kDouble));

    state_ = model_->new_state(batch);

    if (cuda && use_cuda_graph) {
        graph_ = capture_cuda_graph([this] { compute(); }, graph_note_);
        // Capturing ran the step on the zero inputs: clear what it wrote, in place (the graph
        // holds the state's addresses).
        state_.clear();
    } else {
        graph_note_ = cuda ? "CUDA graphs are turned off" : "CUDA graphs need a GPU";
    }
}

BatchDecoder::~BatchDecoder() = default;

void BatchDecoder::refresh_weights() { model_->refresh_state(state_); }

void BatchDecoder::load_row(int64_t row, const ModelState& state, int64_t source_row)
{
    if (row < 0 || row >= batch_)
        throw Error("generation row " + std::to_string(row) + " is outside the batch of " + std::to_string(batch_));
    state_.copy_row(row, state, source_row);
}

// Reads only the preallocated buffers and writes only into them, so that a CUDA graph can
// record it.
void BatchDecoder::compute()
{
    torch::NoGradGuard no_grad;
    logits_ = model_->step(tokens_, positions_, state_);
    const auto chosen = sample_rows(logits_, draws_, options_);
    chosen_[0].copy_(chosen.ids);
    chosen_[1].copy_(chosen.probabilities);
}

BatchDecoder::Step BatchDecoder::step(const std::vector<int64_t>& tokens, const std::vector<int64_t>& positions,
                                      const std::vector<double>& draws)
{
    const auto rows = static_cast<size_t>(batch_);
    if (tokens.size() != rows || positions.size() != rows || draws.size() != rows)
        throw Error("a generation step needs one token, position and draw per row");
    const int64_t context = model_->config().max_seq_len;
    auto* staged = host_inputs_.data_ptr<int64_t>();
    auto* staged_draws = host_draws_.data_ptr<double>();
    for (size_t row = 0; row < rows; ++row) {
        if (positions[row] < 0 || positions[row] >= context)
            throw Error("generation position " + std::to_string(positions[row]) + " is outside the context of " +
                        std::to_string(context));
        staged[row] = tokens[row];
        staged[rows + row] = positions[row];
        staged_draws[row] = draws[row];
    }
    inputs_.copy_(host_inputs_, /*non_blocking=*/true);
    draws_.copy_(host_draws_, /*non_blocking=*/true);
    if (graph_)
        graph_->replay();
    else
        compute();

    host_chosen_.copy_(chosen_);
    const auto* values = host_chosen_.data_ptr<double>();
    Step result;
    result.ids.reserve(rows);
    result.probabilities.reserve(rows);
    for (size_t row = 0; row < rows; ++row) {
        result.ids.push_back(static_cast<int64_t>(values[row]));
        result.probabilities.push_back(values[rows + row]);
    }
    return result;
}

} // namespace i3
