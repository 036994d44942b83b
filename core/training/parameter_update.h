// SPDX-License-Identifier: GPL-3.0-or-later
// The end of a training step: the gradients clipped to a global norm, then one AdamW step.
// On a CUDA device with LibTorch 2.4 or later that is a handful of launches (foreach norms and
// scaling, PyTorch's fused AdamW kernel) and no wait for the GPU; elsewhere it is LibTorch's
// clip_grad_norm_ and torch::optim::AdamW, one tensor at a time. Both keep the optimizer's state
// in torch::optim::AdamW, so checkpoints are the same files either way.
#pragma once

#include <ATen/Tensor.h>

#include <vector>

namespace torch::optim {
class AdamW;
}

namespace i3 {

class ParameterUpdate {
public:
    ParameterUpdate(torch::optim::AdamW& optimizer, double max_norm);

    // Clips and steps at learning rate `lr`; returns the gradients' global norm before clipping,
    // a scalar on the parameters' device (reading it waits for the device).
    at::Tensor apply(double lr);
    // Whether apply() takes the fused path.
    bool fused() const { return fused_; }

    // For a step recorded as a CUDA graph (fused path only, after at least one apply()): record()
    // is called while the graph is captured and queues the update without counting it on the
    // host; before_replay(lr) sets the learning rate on the device and counts the step the
    // replay then takes, so the optimizer's saved state stays right.
    at::Tensor record();
    void before_replay(double lr);

private:
    at::Tensor clip_one_by_one();
    at::Tensor clip_fused(const std::vector<at::Tensor>& grads);
    at::Tensor update_fused(bool count_on_host);
    void set_fused_learning_rate(double lr);

    torch::optim::AdamW& optimizer_;
    double max_norm_;
    bool fused_ = false;
    at::Tensor steps_;                   // the fused kernel's step numbers, one per parameter, float32
    std::vector<at::Tensor> step_views_; // its elements, as the kernel's list takes them
    std::vector<double> device_counts_;  // what steps_ holds
    at::Tensor lr_;                      // the learning rate the fused kernel reads, on the device
};

} // namespace i3
