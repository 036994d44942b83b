// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/training_advice.h"

#include "base/precision.h"
#include "telemetry/memory_estimate.h"

#include <algorithm>
#include <cmath>

namespace i3 {

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

std::optional<Advice> will_not_fit(const TrainingPlan& plan)
{
    // The estimate is of float32 steps that keep every activation.
    if (plan.device_memory_bytes <= 0 || plan.training.checkpoint_activations ||
        plan.training.precision != kPrecisionFloat32)
        return std::nullopt;
    const double needed = estimate_training_memory(plan.model, plan.training.batch_size).total_bytes();
    if (needed <= plan.device_memory_bytes)
        return std::nullopt;
    Advice advice{Advice::Kind::WillNotFit};
    advice.seen = needed;
    advice.usual = plan.device_memory_bytes;
    return advice;
}

std::optional<Advice> small_data(const TrainingPlan& plan)
{
    constexpr double kManyEpochs = 10;
    const double epochs = planned_epochs(plan);
    if (epochs < kManyEpochs)
        return std::nullopt;
    Advice advice{Advice::Kind::SmallData};
    advice.seen = epochs;
    advice.usual = static_cast<double>(plan.train_tokens);
    return advice;
}

std::optional<Advice> no_validation(const TrainingPlan& plan)
{
    if (plan.validation_tokens != 0 && plan.training.validation_fraction > 0)
        return std::nullopt;
    return Advice{Advice::Kind::NoValidation};
}

} // namespace

double tokens_read_per_step(const TrainingPlan& plan)
{
    return static_cast<double>(plan.training.batch_size) * static_cast<double>(plan.training.grad_accum) *
           static_cast<double>(plan.model.max_seq_len);
}

double planned_epochs(const TrainingPlan& plan)
{
    if (plan.train_tokens <= 0)
        return 0;
    return static_cast<double>(plan.training.steps) * tokens_read_per_step(plan) / static_cast<double>(plan.train_tokens);
}

std::vector<Advice> advise_before_training(const TrainingPlan& plan)
{
    std::vector<Advice> advice;
    for (const auto& rule : {will_not_fit, small_data, no_validation})
        if (auto found = rule(plan))
            advice.push_back(*found);
    return advice;
}

std::optional<Advice> TrainingCoach::on_step(int64_t step, double loss, double lr)
{
    if (!std::isfinite(loss))
        return std::nullopt; // the trainer stops at once and says so itself
    std::optional<Advice> spike;
    if (step > warmup_steps_ && step >= quiet_until_ && recent_.size() == kRecentSteps) {
        const double usual = median({recent_.begin(), recent_.end()});
        if (loss - usual >= kSpikeNats && loss >= kSpikeRatio * usual) {
            quiet_until_ = step + kSpikeQuietSteps;
            spike = Advice{Advice::Kind::LossSpike, step, loss, usual, lr};
        }
    }
    recent_.push_back(loss);
    if (recent_.size() > kRecentSteps)
        recent_.pop_front();
    return spike;
}

std::optional<Advice> TrainingCoach::on_evaluation(int64_t step, double train_loss, double validation_loss)
{
    if (!std::isfinite(train_loss) || !std::isfinite(validation_loss))
        return std::nullopt;
    evaluations_.push_back({step, train_loss, validation_loss});
    if (overfitting_told_ || evaluations_.size() < static_cast<size_t>(kRisingEvaluations) + 1)
        return std::nullopt;
    const auto gap = [](const Evaluation& e) { return e.validation_loss - e.train_loss; };
    const auto last = evaluations_.end() - 1;
    const auto first = last - kRisingEvaluations;
    bool rising = true, widening = true;
    for (auto at = first + 1; at <= last; ++at) {
        rising = rising && at->validation_loss > (at - 1)->validation_loss;
        widening = widening && gap(*at) > gap(*(at - 1));
    }
    widening = widening && gap(*last) - gap(*first) >= kGapGrowthNats;
    if (!rising && !widening)
        return std::nullopt;
    overfitting_told_ = true;
    const auto best = std::min_element(evaluations_.begin(), evaluations_.end(),
                                       [](const auto& a, const auto& b) { return a.validation_loss < b.validation_loss; });
    Advice advice{Advice::Kind::Overfitting, step};
    advice.widening = !rising;
    advice.seen = rising ? last->validation_loss : gap(*last);
    advice.usual = rising ? first->validation_loss : gap(*first);
    advice.from_step = first->step;
    advice.best_step = best->step;
    advice.best_loss = best->validation_loss;
    return advice;
}

} // namespace i3
