// SPDX-License-Identifier: GPL-3.0-or-later
// Advice about a run, before and while it trains: what looks wrong, with the figures and the step it
// was seen at. The rules live here, so that they are tested without a window; the studio words
// each kind of advice (in the user's language) from the figures and says what to try.
#pragma once

#include "config/model_config.h"
#include "config/train_config.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

namespace i3 {

struct Advice {
    enum class Kind {
        WillNotFit,   // the memory estimate exceeds the device's memory
        SmallData,    // the run reads its training tokens many times over
        NoValidation, // nothing held out: overfitting cannot be seen
        LossSpike,    // the training loss jumped far above its recent level
        Overfitting,  // validation loss rising, or drifting away from the training loss
    };
    Kind kind;
    int64_t step = -1; // where it was seen; -1: before training
    // The figure that is off: WillNotFit the bytes training needs; SmallData how many times the
    // steps read the training tokens; LossSpike the loss; Overfitting the last validation loss
    // (rising) or the last gap between validation and training loss (widening).
    double seen = 0;
    // What it is set against: WillNotFit the device's bytes; SmallData the training tokens;
    // LossSpike the median of the recent logged losses; Overfitting the first evaluation's
    // validation loss or gap.
    double usual = 0;
    double lr = 0;          // LossSpike: the learning rate of that step
    int64_t from_step = -1; // Overfitting: the first evaluation of the span
    bool widening = false;  // Overfitting: the gap widened (else the validation loss rose)
    int64_t best_step = -1; // Overfitting: the best checkpoint's step and validation loss
    double best_loss = 0;
};

// What a run is about to do, as far as it is known before its first step.
struct TrainingPlan {
    ModelConfig model;
    TrainConfig training;
    int64_t train_tokens = -1;      // -1: not known yet
    int64_t validation_tokens = -1; // -1: not known yet
    double device_memory_bytes = -1; // the device's memory; -1: not known
};

// Training tokens read per step: batch × accumulated micro-batches × context, on every rank.
double tokens_read_per_step(const TrainingPlan& plan);
// How many times the planned steps read the training tokens over (0 when they are not known).
double planned_epochs(const TrainingPlan& plan);

std::vector<Advice> advise_before_training(const TrainingPlan& plan);

// Watches the logged losses and the evaluations of one run and says, once each, what looks wrong.
class TrainingCoach {
public:
    explicit TrainingCoach(int64_t warmup_steps) : warmup_steps_(warmup_steps) {}

    // A logged step's training loss at learning rate `lr`.
    std::optional<Advice> on_step(int64_t step, double loss, double lr);
    // An evaluation: the mean of the recent training losses and the validation loss.
    std::optional<Advice> on_evaluation(int64_t step, double train_loss, double validation_loss);

    // A step is a spike when its loss is this much above the median of the recent logged steps
    // (in nats and as a ratio; both must hold, so that noise at low losses is not called a spike).
    static constexpr double kSpikeNats = 0.5;
    static constexpr double kSpikeRatio = 1.5;
    static constexpr size_t kRecentSteps = 20;
    // After a spike, this many steps pass before another is reported.
    static constexpr int64_t kSpikeQuietSteps = 100;
    // Overfitting: the validation loss rose at the last evaluations, or the gap between validation
    // and training losses widened at each by this much in all.
    static constexpr int kRisingEvaluations = 2;
    static constexpr double kGapGrowthNats = 0.1;

private:
    struct Evaluation {
        int64_t step;
        double train_loss;
        double validation_loss;
    };

    int64_t warmup_steps_;
    std::deque<double> recent_; // the last logged losses, oldest first
    int64_t quiet_until_ = -1;
    std::vector<Evaluation> evaluations_;
    bool overfitting_told_ = false;
};

} // namespace i3
