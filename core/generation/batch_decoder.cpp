// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/batch_decoder.h"

#include "generation/cuda_graph.h"
#include "base/error.h"
#include "model/feed_forward.h"
#include "model/hybrid_step.h"
#include "model/row_linear.h"

#include <torch/torch.h>


namespace i3 {

BatchDecoder::BatchDecoder(I3Model model, int64_t batch, const SamplingOptions& options, bool use_cuda_graph)
    : model_(std::move(model)), batch_(batch), options_(options)
{
    validate(options);
    if (batch < 1)
        throw Error("a generation batch needs at least one sequence");
    torch::NoGradGuard no_grad;
    const ModelConfig& config = model_->config();
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

    for (const auto& block : model_->hybrid_blocks()) {
        h_.push_back(torch::zeros({batch, config.d_model}, weights));
        s_.push_back(torch::zeros({batch, block->hybrid->A.size(0)}, weights));
        one_minus_w_.push_back(1 - block->hybrid->w_mix.detach());
    }
    const int64_t head_dim = config.d_model / config.n_heads;
    for (size_t i = 0; i < model_->attention_blocks().size(); ++i) {
        keys_.push_back(torch::zeros({batch, config.n_heads, config.max_seq_len, head_dim}, weights));
        values_.push_back(torch::zeros_like(keys_.back()));
    }

    if (cuda && use_cuda_graph) {
        graph_ = capture_cuda_graph([this] { compute(); }, graph_note_);
        // Capturing ran the step on the zero inputs: clear what it wrote.
        for (auto& buffer : h_)
            buffer.zero_();
        for (auto& buffer : s_)
            buffer.zero_();
    } else {
        graph_note_ = cuda ? "CUDA graphs are turned off" : "CUDA graphs need a GPU";
    }
}

BatchDecoder::~BatchDecoder() = default;

void BatchDecoder::load_row(int64_t row, const ModelState& state, int64_t source_row)
{
    if (row < 0 || row >= batch_)
        throw Error("generation row " + std::to_string(row) + " is outside the batch of " + std::to_string(batch_));
    torch::NoGradGuard no_grad;
    for (size_t i = 0; i < h_.size(); ++i) {
        h_[i][row].copy_(state.hybrid.at(i).h[source_row]);
        s_[i][row].copy_(state.hybrid.at(i).s[source_row]);
    }
    for (size_t i = 0; i < keys_.size(); ++i) {
        const int64_t filled = state.attention.at(i).length;
        keys_[i][row].narrow(1, 0, filled).copy_(state.attention.at(i).keys[source_row].narrow(1, 0, filled));
        values_[i][row].narrow(1, 0, filled).copy_(state.attention.at(i).values[source_row].narrow(1, 0, filled));
    }
}

// The model's incremental forward pass for one token per row, written against the buffers so
// that a CUDA graph can record it.
void BatchDecoder::compute()
{
    torch::NoGradGuard no_grad;
    auto x = model_->embed->forward(tokens_) + model_->pos_embed->forward(positions_); // [B, d]
    auto& hybrid_blocks = model_->hybrid_blocks();
    for (size_t i = 0; i < hybrid_blocks.size(); ++i) {
        auto& block = hybrid_blocks[i];
        const auto& mixer = *block->hybrid;
        const HybridParams params{mixer.w_mix, mixer.A, mixer.B, mixer.C, mixer.D};
        x = hybrid_step(x, *block->ln1, params, one_minus_w_[i], h_[i], s_[i]);
        x = feed_forward_rows(block->ffn, *block->ln2, x);
    }
    auto& attention_blocks = model_->attention_blocks();
    for (size_t i = 0; i < attention_blocks.size(); ++i) {
        auto& block = attention_blocks[i];
        x = block->attn->decode_step(x, *block->ln1, keys_[i], values_[i], positions_);
        x = feed_forward_rows(block->ffn, *block->ln2, x);
    }
    logits_ = row_linear(x, *model_->head, {model_->ln_f.get(), false, {}});
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
