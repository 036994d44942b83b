// SPDX-License-Identifier: GPL-3.0-or-later
// What weights.jsonl records (runs/run_schema.h has its keys and what each value means): after
// an optimizer step, for every named parameter, the L2 norms of its weights, of its gradient and
// of the change the step made, and histograms of its weights and gradient, what
// wandb.watch(model, log="all") gave the reference's users. Everything is computed on the
// parameters' device and comes back to the host in one copy per record; nothing is done on the
// steps in between, and nothing runs inside a recorded CUDA graph (the trainer calls it around
// TrainingStep::run, whose gradients stay readable until the next step).
#pragma once

#include "model/i3_model.h"

#include <nlohmann/json.hpp>

#include <ATen/Tensor.h>

#include <cstdint>
#include <string>
#include <vector>

namespace i3 {

inline constexpr int kWeightHistogramBins = 32;

class WeightRecorder {
public:
    explicit WeightRecorder(I3Model model, int bins = kWeightHistogramBins);

    // Before a step that is to be recorded: a copy of the weights, on their device, to measure
    // the step's change against.
    void before_step();
    // After that step: its weights.jsonl line. Throws i3::Error when before_step() was not called.
    nlohmann::json record(int64_t step);

private:
    at::Tensor statistics_row(const at::Tensor& weights, const at::Tensor& grad, const at::Tensor& before) const;

    std::vector<std::string> names_;
    std::vector<at::Tensor> parameters_;
    std::vector<at::Tensor> before_;
    int bins_;
};

} // namespace i3
