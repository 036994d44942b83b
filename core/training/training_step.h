// SPDX-License-Identifier: GPL-3.0-or-later
// One optimizer step, as training, the benchmark and the context probe all take it: gradients
// from `grad_accum` micro-batches (forward and loss under the configured precision, backward),
// then (for a rank of a data-parallel run) their mean over the ranks, then clipping and AdamW
// (training/parameter_update.h). Nothing in it waits for the GPU: the
// figures come back as tensors on the device, to be read when they are needed.
//
// On a CUDA device with the fused update, the whole step (every micro-batch, the update) is
// recorded as a CUDA graph after a few ordinary steps and replayed from then on: a step of
// i3-80M at batch 4 is about 1,500 kernels, whose launches cost more than their work.
#pragma once

#include "base/cuda_graph.h"
#include "config/train_config.h"
#include "data/batch_sampler.h"
#include "model/i3_model.h"
#include "training/parameter_update.h"

#include <ATen/Tensor.h>
#include <c10/core/ScalarType.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

class GradientAverager;

struct StepTensors {
    at::Tensor loss;      // the mean loss over the step's micro-batches, a scalar
    at::Tensor grad_norm; // the gradients' global norm before clipping, a scalar
};

// The dtype autocast gives the matrix products for `precision` on `device` (nothing for fp32).
// Throws i3::Error when the precision is not possible there or in this LibTorch.
std::optional<c10::ScalarType> autocast_for(Precision precision, const at::Device& device);

// Forward and loss of one batch under `autocast`, then the backward pass of loss / share, which
// adds to the parameters' gradients: a micro-batch's part of a step, and what the context probe
// measures. Returns the batch's loss, detached.
at::Tensor add_gradients(I3Model& model, const Batch& batch, std::optional<c10::ScalarType> autocast,
                         int64_t share = 1);

class TrainingStep {
public:
    // Sets the model's activation checkpointing from `config`; the optimizer must hold the
    // model's parameters. Throws i3::Error when the precision is not possible on the model's
    // device. `cuda_graph` false keeps every step eager (for comparison). With `averager` (a
    // rank of a data-parallel run), the last micro-batch's gradients are averaged across the
    // ranks before the update; the step is then never recorded as a graph.
    TrainingStep(I3Model model, torch::optim::AdamW& optimizer, const TrainConfig& config, bool cuda_graph = true,
                 GradientAverager* averager = nullptr);
    ~TrainingStep();

    // Every batch must have the shape of the first (the graph's inputs are fixed). Afterwards,
    // until the next run(), the parameters' gradients are this step's, as AdamW was given them.
    StepTensors run(const std::function<Batch()>& next_batch, double lr);
    bool fused_update() const { return update_.fused(); }
    bool replays_graph() const { return graph_ != nullptr; }
    // Why the step is not recorded as a graph although it was asked to be; empty otherwise.
    const std::string& graph_note() const { return graph_note_; }

private:
    StepTensors run_eager(const std::function<Batch()>& next_batch, double lr);
    StepTensors accumulate(const std::function<const Batch&(int64_t)>& batch_of, const std::function<at::Tensor()>& update);
    void record_graph();
    StepTensors replay(const std::function<Batch()>& next_batch, double lr);

    I3Model model_;
    ParameterUpdate update_;
    int64_t micro_batches_;
    GradientAverager* averager_;
    std::optional<c10::ScalarType> autocast_;
    bool graph_wanted_;
    int64_t eager_steps_ = 0;
    std::vector<Batch> graph_inputs_; // what the graph reads, one batch per micro-batch
    StepTensors graph_figures_;       // what each replay writes
    std::unique_ptr<CapturedWork> graph_;
    std::string graph_note_;
};

} // namespace i3
