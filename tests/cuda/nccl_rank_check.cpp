// SPDX-License-Identifier: GPL-3.0-or-later
// The NCCL path of data-parallel training on a CUDA machine with one GPU (not registered with
// ctest): one rank in an NCCL process group, its store held here on a free port.
//   - the figures the ranks agree on come back summed (one rank: unchanged);
//   - the gradient averager, with several buckets, leaves one rank's gradients as they were and
//     its broadcast leaves the weights as they were;
//   - training steps with the averager (eager) against plain eager steps from the same weights.
// Prints one line per check and "N passed, M failed"; exits non-zero on any failure.
#include "config/model_config.h"
#include "config/train_config.h"
#include "distributed/gradient_averager.h"
#include "distributed/rank_group.h"
#include "model/i3_model.h"
#include "training/trainer.h"
#include "training/training_step.h"

#include <torch/torch.h>

#include <cstdio>
#include <string>
#include <vector>

namespace {

int passed = 0, failed = 0;

void check(bool ok, const std::string& what, double measured, double bound)
{
    std::printf("%s %s: %.3g (bound %.3g)\n", ok ? "ok  " : "FAIL", what.c_str(), measured, bound);
    (ok ? passed : failed)++;
}

i3::ModelConfig shape()
{
    i3::ModelConfig config = i3::ModelConfig::preset("small");
    config.vocab_size = 1000;
    config.max_seq_len = 64;
    return config;
}

void copy_weights(i3::I3Model& from, i3::I3Model& to)
{
    const torch::NoGradGuard no_grad;
    const auto source = from->parameters();
    auto target = to->parameters();
    for (size_t i = 0; i < source.size(); ++i)
        target[i].copy_(source[i]);
}

i3::Batch random_batch(const i3::ModelConfig& config, const torch::Device& device)
{
    const auto tokens = torch::randint(0, config.vocab_size, {4, config.max_seq_len + 1}, torch::kLong).to(device);
    return {tokens.narrow(1, 0, config.max_seq_len), tokens.narrow(1, 1, config.max_seq_len)};
}

double worst_difference(const std::vector<at::Tensor>& a, const std::vector<at::Tensor>& b)
{
    double worst = 0;
    for (size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, (a[i].to(torch::kDouble) - b[i].to(torch::kDouble)).abs().max().item<double>());
    return worst;
}

void figures_are_summed(i3::RankGroup& group)
{
    const std::vector<double> sums = group.sum_values({1.5, -2.0, 0.25});
    const double error = std::abs(sums[0] - 1.5) + std::abs(sums[1] + 2.0) + std::abs(sums[2] - 0.25);
    check(error == 0, std::string("figures summed over one ") + group.backend_name() + " rank", error, 0);
}

void one_rank_keeps_its_gradients(const std::shared_ptr<i3::RankGroup>& group)
{
    const torch::Device device = group->device();
    torch::manual_seed(2);
    i3::I3Model model(shape());
    model->to(device);
    const auto before = model->parameters();
    std::vector<at::Tensor> weights;
    for (const auto& p : before)
        weights.push_back(p.detach().clone());
    i3::GradientAverager averager(model->parameters(), group, /*bucket_bytes=*/1 << 20);
    averager.broadcast_parameters();
    check(worst_difference(model->parameters(), weights) == 0, "broadcast from the only rank leaves the weights",
          worst_difference(model->parameters(), weights), 0);
    const i3::Batch batch = random_batch(shape(), device);
    model->loss(batch.inputs, batch.targets).backward();
    std::vector<at::Tensor> plain;
    for (const auto& p : model->parameters()) {
        plain.push_back(p.grad().clone());
        p.mutable_grad() = at::Tensor();
    }
    averager.expect_gradients();
    model->loss(batch.inputs, batch.targets).backward();
    averager.finish();
    std::vector<at::Tensor> averaged;
    for (const auto& p : model->parameters())
        averaged.push_back(p.grad());
    const double worst = worst_difference(averaged, plain);
    check(averager.bucket_count() > 1 && worst < 1e-6,
          "the mean over one rank is its gradient (" + std::to_string(averager.bucket_count()) + " buckets)", worst,
          1e-6);
}

void steps_with_the_averager_agree(const std::shared_ptr<i3::RankGroup>& group)
{
    const torch::Device device = group->device();
    torch::manual_seed(3);
    i3::I3Model start(shape());
    std::vector<i3::Batch> data;
    for (int i = 0; i < 5; ++i)
        data.push_back(random_batch(shape(), device));
    auto losses = [&](bool averaged) {
        i3::I3Model model(shape());
        copy_weights(start, model);
        model->to(device);
        i3::TrainConfig config;
        config.device = device.str();
        auto optimizer = i3::make_optimizer(model, config);
        std::unique_ptr<i3::GradientAverager> averager =
            averaged ? std::make_unique<i3::GradientAverager>(model->parameters(), group) : nullptr;
        i3::TrainingStep step(model, *optimizer, config, /*cuda_graph=*/false, averager.get());
        std::vector<double> result;
        for (const auto& batch : data)
            result.push_back(step.run([&] { return batch; }, 1e-3).loss.item<double>());
        return result;
    };
    const std::vector<double> plain = losses(false), ranked = losses(true);
    double worst = 0;
    for (size_t i = 0; i < plain.size(); ++i)
        worst = std::max(worst, std::abs(plain[i] - ranked[i]) / std::abs(plain[i]));
    check(worst < 1e-5, "5 steps through one rank's averager against plain steps (relative loss)", worst, 1e-5);
}

} // namespace

int main()
{
    if (!torch::cuda::is_available()) {
        std::printf("no CUDA device\n");
        return 1;
    }
    i3::RankPlace place;
    place.master_port = 0; // a free one
    const auto group = i3::RankGroup::connect(place, c10::Device(c10::kCUDA, 0), {{"check", "nccl"}},
                                              std::chrono::seconds(120));
    check(std::string(group->backend_name()) == "nccl", "the group of a CUDA rank is NCCL's", 0, 0);
    figures_are_summed(*group);
    one_rank_keeps_its_gradients(group);
    steps_with_the_averager_agree(group);
    std::printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
