// SPDX-License-Identifier: GPL-3.0-or-later
// The coaching rules against hand-worked runs: a plan that reads its tokens ten times over, one
// that needs more memory than the device has, one without validation; a loss spike after warm-up
// (and the noise and warm-up steps that are not spikes); validation loss rising, and a gap between
// validation and training loss that widens, each told once, with the best checkpoint named.
#include "telemetry/memory_estimate.h"
#include "training/training_advice.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

namespace {

i3::TrainingPlan smallPlan()
{
    i3::TrainingPlan plan;
    plan.model = i3::ModelConfig::preset("small");
    plan.model.vocab_size = 1632;
    plan.training.steps = 800;
    plan.training.batch_size = 16;
    plan.training.grad_accum = 1;
    plan.training.validation_fraction = 0.05;
    plan.train_tokens = 1'000'000;
    plan.validation_tokens = 50'000;
    return plan;
}

bool has(const std::vector<i3::Advice>& advice, i3::Advice::Kind kind)
{
    return std::any_of(advice.begin(), advice.end(), [&](const auto& a) { return a.kind == kind; });
}

// Feeds `count` steps of the same loss from `first` on; returns the advice given.
std::vector<i3::Advice> feed(i3::TrainingCoach& coach, int64_t first, int count, double loss)
{
    std::vector<i3::Advice> told;
    for (int i = 0; i < count; ++i)
        if (auto advice = coach.on_step(first + i, loss, 3e-3))
            told.push_back(*advice);
    return told;
}

} // namespace

class TestTrainingAdvice : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aHealthyPlanGetsNoAdvice() { QVERIFY(i3::advise_before_training(smallPlan()).empty()); }

    // 800 steps × 16 windows × 64 tokens = 819,200 tokens: ten times 81,920.
    void aPlanThatReadsItsTokensTenTimesIsTold()
    {
        i3::TrainingPlan plan = smallPlan();
        QCOMPARE(i3::tokens_read_per_step(plan), 1024.0);
        plan.train_tokens = 81'920;
        QCOMPARE(i3::planned_epochs(plan), 10.0);
        const auto advice = i3::advise_before_training(plan);
        QCOMPARE(advice.size(), size_t(1));
        QCOMPARE(advice[0].kind, i3::Advice::Kind::SmallData);
        QCOMPARE(advice[0].seen, 10.0);
        QCOMPARE(advice[0].usual, 81'920.0);
        plan.train_tokens = 81'921; // a little under ten times
        QVERIFY(!has(i3::advise_before_training(plan), i3::Advice::Kind::SmallData));
        plan.training.grad_accum = 2; // twice the tokens a step
        QCOMPARE(i3::planned_epochs(plan), 2 * 819'200.0 / 81'921);
        QVERIFY(has(i3::advise_before_training(plan), i3::Advice::Kind::SmallData));
        plan.train_tokens = -1; // not known yet: nothing to say
        QVERIFY(!has(i3::advise_before_training(plan), i3::Advice::Kind::SmallData));
    }

    void aPlanLargerThanTheDeviceIsTold()
    {
        i3::TrainingPlan plan = smallPlan();
        const double needed = i3::estimate_training_memory(plan.model, plan.training.batch_size).total_bytes();
        plan.device_memory_bytes = needed;
        QVERIFY(!has(i3::advise_before_training(plan), i3::Advice::Kind::WillNotFit));
        plan.device_memory_bytes = needed - 1;
        const auto advice = i3::advise_before_training(plan);
        QCOMPARE(advice.size(), size_t(1));
        QCOMPARE(advice[0].kind, i3::Advice::Kind::WillNotFit);
        QCOMPARE(advice[0].seen, needed);
        QCOMPARE(advice[0].usual, needed - 1);
    }

    void aPlanWithoutValidationIsTold()
    {
        i3::TrainingPlan plan = smallPlan();
        plan.validation_tokens = 0;
        QVERIFY(has(i3::advise_before_training(plan), i3::Advice::Kind::NoValidation));
        plan = smallPlan();
        plan.training.validation_fraction = 0;
        QVERIFY(has(i3::advise_before_training(plan), i3::Advice::Kind::NoValidation));
        plan.training.validation_fraction = 0.05;
        plan.validation_tokens = -1; // not counted yet, but planned
        QVERIFY(!has(i3::advise_before_training(plan), i3::Advice::Kind::NoValidation));
    }

    // 20 steps at 2.0 after a warm-up of 5; then 3.1 (1.1 nats and 1.55 times above): a spike.
    void aLossSpikeAfterWarmUpIsToldWithItsStep()
    {
        i3::TrainingCoach coach(5);
        QVERIFY(feed(coach, 6, 20, 2.0).empty());
        const auto spike = coach.on_step(26, 3.1, 3e-3);
        QVERIFY(spike);
        QCOMPARE(spike->kind, i3::Advice::Kind::LossSpike);
        QCOMPARE(spike->step, int64_t(26));
        QCOMPARE(spike->seen, 3.1);
        QCOMPARE(spike->usual, 2.0);
        QCOMPARE(spike->lr, 3e-3);
        // Quiet for the next 100 steps, then heard again.
        QVERIFY(!coach.on_step(27, 3.3, 3e-3));
        QVERIFY(feed(coach, 28, 97, 2.0).empty());
        QVERIFY(coach.on_step(126, 3.1, 3e-3));
    }

    void noiseAndWarmUpAreNotSpikes()
    {
        i3::TrainingCoach coach(5);
        feed(coach, 6, 20, 2.0);
        QVERIFY(!coach.on_step(26, 2.9, 3e-3)); // 0.9 nats above, but only 1.45 times
        i3::TrainingCoach low(5);
        feed(low, 6, 20, 0.2);
        QVERIFY(!low.on_step(26, 0.6, 3e-3)); // three times, but only 0.4 nats above
        QVERIFY(low.on_step(27, 0.75, 3e-3));  // 0.55 nats and 3.75 times
        i3::TrainingCoach warming(100);
        feed(warming, 1, 20, 2.0);
        QVERIFY(!warming.on_step(50, 9.0, 3e-3)); // still warming up
        i3::TrainingCoach young(0);
        feed(young, 1, 19, 2.0);
        QVERIFY(!young.on_step(20, 9.0, 3e-3)); // fewer than 20 steps to compare with
    }

    void risingValidationIsToldOnceWithTheBestCheckpoint()
    {
        i3::TrainingCoach coach(0);
        QVERIFY(!coach.on_evaluation(100, 2.2, 1.9));
        QVERIFY(!coach.on_evaluation(200, 1.9, 2.0));
        // 1.9 → 2.0 → 2.1 while the gap stays 0.1: rising, not widening.
        const auto told = coach.on_evaluation(300, 2.0, 2.1);
        QVERIFY(told);
        QCOMPARE(told->kind, i3::Advice::Kind::Overfitting);
        QVERIFY(!told->widening);
        QCOMPARE(told->step, int64_t(300));
        QCOMPARE(told->from_step, int64_t(100));
        QCOMPARE(told->usual, 1.9);
        QCOMPARE(told->seen, 2.1);
        QCOMPARE(told->best_step, int64_t(100));
        QCOMPARE(told->best_loss, 1.9);
        QVERIFY(!coach.on_evaluation(400, 2.0, 2.3)); // told once
    }

    void aWideningGapIsTold()
    {
        i3::TrainingCoach coach(0);
        QVERIFY(!coach.on_evaluation(100, 1.9, 2.0));  // gap 0.1
        QVERIFY(!coach.on_evaluation(200, 1.8, 1.98)); // gap 0.18
        const auto told = coach.on_evaluation(300, 1.7, 1.97); // gap 0.27, validation still falling
        QVERIFY(told);
        QVERIFY(told->widening);
        QCOMPARE(told->from_step, int64_t(100));
        QVERIFY(std::abs(told->usual - 0.1) < 1e-12);
        QVERIFY(std::abs(told->seen - 0.27) < 1e-12);
        QCOMPARE(told->best_step, int64_t(300));
    }

    void aHealthyRunOrASlowDriftIsNotOverfitting()
    {
        i3::TrainingCoach healthy(0);
        QVERIFY(!healthy.on_evaluation(100, 1.95, 2.0));
        QVERIFY(!healthy.on_evaluation(200, 1.85, 1.9));
        QVERIFY(!healthy.on_evaluation(300, 1.76, 1.8));
        i3::TrainingCoach drift(0); // the gap grows 0.1 → 0.12 → 0.15: under 0.1 in all
        QVERIFY(!drift.on_evaluation(100, 1.9, 2.0));
        QVERIFY(!drift.on_evaluation(200, 1.86, 1.98));
        QVERIFY(!drift.on_evaluation(300, 1.82, 1.97));
    }
};

QTEST_GUILESS_MAIN(TestTrainingAdvice)
#include "test_training_advice.moc"
