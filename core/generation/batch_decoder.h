// SPDX-License-Identifier: GPL-3.0-or-later
// One generation step for a fixed batch of sequences, each at its own position. The rows' model
// state is allocated once; a step feeds the new tokens to the model (I3ModelImpl::step), which
// advances that state, and samples the next tokens without leaving the device. On a GPU the
// whole step is recorded once as a CUDA graph and replayed with a single launch.
#pragma once

#include "model/i3_model.h"
#include "generation/sampler.h"

#include <ATen/Tensor.h>

#include <memory>
#include <string>
#include <vector>

namespace i3 {

class CapturedWork;

class BatchDecoder {
public:
    BatchDecoder(I3Model model, int64_t batch, const SamplingOptions& options, bool use_cuda_graph);
    ~BatchDecoder();
    BatchDecoder(const BatchDecoder&) = delete;
    BatchDecoder& operator=(const BatchDecoder&) = delete;

    int64_t batch() const { return batch_; }
    const SamplingOptions& options() const { return options_; }
    bool uses_cuda_graph() const { return graph_ != nullptr; }
    // Why the steps run without a CUDA graph (empty when they use one).
    const std::string& graph_note() const { return graph_note_; }

    // Takes what the steps derive from the weights again: call it before decoding with a model
    // whose weights may have changed since the last call (a trainer's samples).
    void refresh_weights();
    // Row `row` continues from row `source_row` of `state`, a state after a forward pass of
    // state.position prompt tokens (at most the context): ModelState::copy_row.
    void load_row(int64_t row, const ModelState& state, int64_t source_row);

    struct Step {
        std::vector<int64_t> ids;
        std::vector<double> probabilities;
    };
    // Feeds tokens[row] at positions[row] (< the context) to every row, advancing its state, and
    // samples each row's next token with draws[row] in [0, 1).
    Step step(const std::vector<int64_t>& tokens, const std::vector<int64_t>& positions,
              const std::vector<double>& draws);
    // The logits [batch, vocab] of the last step, on the model's device.
    const at::Tensor& logits() const { return logits_; }

private:
    void compute();

    I3Model model_;
    int64_t batch_;
    SamplingOptions options_;
    at::Tensor inputs_, tokens_, positions_, draws_;  // on the device: inputs_ = [tokens; positions]
    at::Tensor host_inputs_, host_draws_;              // staging (pinned for a GPU)
    ModelState state_;                                 // every row's, advanced by each step
    at::Tensor logits_;                                // the last step's logits
    at::Tensor chosen_, host_chosen_;                  // [ids; probabilities] in double, and its staging
    std::unique_ptr<CapturedWork> graph_;
    std::string graph_note_;
};

} // namespace i3
