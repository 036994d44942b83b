// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/training_step.h"

#include "base/error.h"
#include "distributed/gradient_averager.h"
#include "model/autocast.h"

#include <torch/torch.h>

namespace i3 {

namespace {

at::Device device_of(I3Model& model) { return model->parameters().front().device(); }

} // namespace

std::optional<c10::ScalarType> autocast_for(Precision precision, const at::Device& device)
{
    if (precision == Precision::Float32)
        return std::nullopt;
    if (!device.is_cuda())
        throw Error("bf16 training needs a CUDA device; on the CPU, train in fp32");
    // Fails here, before any work, when this LibTorch has no autocast for it.
    const AutocastScope check(device.type(), at::kBFloat16);
    return at::kBFloat16;
}

at::Tensor add_gradients(I3Model& model, const Batch& batch, std::optional<c10::ScalarType> autocast, int64_t share)
{
    const c10::DeviceType device = batch.inputs.device().type();
    at::Tensor loss;
    {
        const AutocastScope precision(device, autocast);
        loss = model->loss(batch.inputs, batch.targets);
    }
    // The backward pass runs outside autocast, as PyTorch advises: each product's gradient is
    // taken in the dtype its forward product used.
    (share == 1 ? loss : loss / static_cast<double>(share)).backward();
    return loss.detach();
}

// Ordinary steps before the graph is recorded: they make every lazy allocation, library handle
// and optimizer state the step needs, so that recording finds them all in place.
constexpr int64_t kEagerStepsBeforeRecording = 3;

TrainingStep::TrainingStep(I3Model model, torch::optim::AdamW& optimizer, const TrainConfig& config, bool cuda_graph,
                           GradientAverager* averager)
    : model_(std::move(model)), update_(optimizer, config.grad_clip), micro_batches_(config.grad_accum),
      averager_(averager), autocast_(autocast_for(config.step_precision(), device_of(model_))),
      graph_wanted_(cuda_graph && update_.fused() && !averager)
{
    model_->set_activation_checkpointing(config.checkpoint_activations);
}

TrainingStep::~TrainingStep() = default;

StepTensors TrainingStep::run(const std::function<Batch()>& next_batch, double lr)
{
    // Recorded at the start of the step after the eager ones rather than at the end of the last
    // of them, so that after every run() the parameters' gradients are that step's (a recording
    // lets them go and writes none): training/weight_recorder.h reads them.
    if (graph_wanted_ && !graph_ && eager_steps_ == kEagerStepsBeforeRecording)
        record_graph();
    if (graph_)
        return replay(next_batch, lr);
    const StepTensors figures = run_eager(next_batch, lr);
    if (graph_wanted_)
        ++eager_steps_;
    return figures;
}

StepTensors TrainingStep::accumulate(const std::function<const Batch&(int64_t)>& batch_of,
                                     const std::function<at::Tensor()>& update)
{
    at::Tensor loss_sum;
    for (int64_t micro = 0; micro < micro_batches_; ++micro) {
        if (averager_ && micro == micro_batches_ - 1)
            averager_->expect_gradients();
        const at::Tensor loss = add_gradients(model_, batch_of(micro), autocast_, micro_batches_);
        loss_sum = loss_sum.defined() ? loss_sum + loss : loss;
    }
    if (averager_)
        averager_->finish();
    StepTensors figures;
    figures.loss = micro_batches_ == 1 ? loss_sum : loss_sum / static_cast<double>(micro_batches_);
    figures.grad_norm = update();
    return figures;
}

StepTensors TrainingStep::run_eager(const std::function<Batch()>& next_batch, double lr)
{
    for (auto& p : model_->parameters())
        p.mutable_grad() = at::Tensor(); // as zero_grad(set_to_none): the first backward allocates them
    graph_inputs_.clear();
    graph_inputs_.reserve(static_cast<size_t>(micro_batches_));
    return accumulate(
        [&](int64_t) -> const Batch& {
            graph_inputs_.push_back(next_batch());
            return graph_inputs_.back();
        },
        [&] { return update_.apply(lr); });
}

// Records one whole step reading the last eager step's batches (copies of them: the graph's
// inputs), without running it. The gradients are let go first, so the recorded backward pass
// makes them inside the graph's memory and every replay writes them afresh.
void TrainingStep::record_graph()
{
    for (auto& batch : graph_inputs_)
        batch = {batch.inputs.clone(), batch.targets.clone()};
    for (auto& p : model_->parameters())
        p.mutable_grad() = at::Tensor();
    const AutocastCacheOff cast_inside_the_graph;
    graph_ = capture_cuda_graph(
        [&] {
            graph_figures_ = accumulate([&](int64_t micro) -> const Batch& { return graph_inputs_[micro]; },
                                        [&] { return update_.record(); });
        },
        graph_note_, /*warm_ups=*/0);
    if (!graph_)
        for (auto& p : model_->parameters())
            p.mutable_grad() = at::Tensor(); // what a failed recording left behind
}

StepTensors TrainingStep::replay(const std::function<Batch()>& next_batch, double lr)
{
    for (auto& input : graph_inputs_) {
        const Batch batch = next_batch();
        if (!batch.inputs.sizes().equals(input.inputs.sizes()))
            throw Error("a training step recorded as a CUDA graph takes batches of one shape");
        input.inputs.copy_(batch.inputs);
        input.targets.copy_(batch.targets);
    }
    update_.before_replay(lr);
    graph_->replay();
    // The next replay overwrites the graph's figures; the caller may read these later.
    return {graph_figures_.loss.clone(), graph_figures_.grad_norm.clone()};
}

} // namespace i3
