// SPDX-License-Identifier: GPL-3.0-or-later
// The pieces of a training step against plain LibTorch written out by hand: the blocked head
// loss against cross_entropy over the full logits, activation checkpointing against the plain
// graph (both in double precision), the training step against the loop it replaced (forward,
// cross_entropy, backward, clip_grad_norm_, torch::optim::AdamW), and the arithmetic that MFU
// is stated with, against a count done by hand.
#include "config/model_config.h"
#include "config/train_config.h"
#include "model/head_loss.h"
#include "model/i3_model.h"
#include "telemetry/training_flops.h"
#include "training/trainer.h"
#include "training/training_step.h"

#include <QtTest>

#include <torch/torch.h>

namespace {

double max_difference(const at::Tensor& a, const at::Tensor& b) { return (a - b).abs().max().item<double>(); }

i3::ModelConfig small_shape()
{
    i3::ModelConfig config;
    config.vocab_size = 37;
    config.d_model = 16;
    config.n_heads = 2;
    config.max_seq_len = 12;
    config.hybrid_layers = 2;
    config.attn_layers = 1;
    config.d_state = 4;
    return config;
}

struct Gradients {
    double loss;
    std::vector<at::Tensor> grads;
};

// The loss of one batch and every parameter's gradient, fresh.
template <class Loss>
Gradients gradients_of(i3::I3Model& model, const Loss& loss_of)
{
    for (auto& p : model->parameters())
        p.mutable_grad() = at::Tensor();
    const at::Tensor loss = loss_of();
    loss.backward();
    Gradients result{loss.item<double>(), {}};
    for (const auto& p : model->parameters())
        result.grads.push_back(p.grad().clone());
    return result;
}

} // namespace

class TestTrainingStep : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Several blocks of positions (also a short last one), mean and sum, with and without autograd.
    void headLossEqualsCrossEntropyOverFullLogits()
    {
        torch::manual_seed(3);
        const auto options = torch::TensorOptions().dtype(torch::kDouble);
        torch::nn::Linear head(torch::nn::LinearOptions(5, 11));
        head->to(torch::kDouble);
        const at::Tensor hidden = torch::randn({2, 7, 5}, options).requires_grad_(true);
        const at::Tensor targets = torch::randint(0, 11, {2, 7}, torch::kLong);

        const at::Tensor plain = torch::nn::functional::cross_entropy(head(hidden).reshape({-1, 11}), targets.reshape({-1}));
        const auto plain_grads = torch::autograd::grad({plain}, {hidden, head->weight, head->bias});
        for (const int64_t logits_per_block : {11 * 3, 11 * 14, 1}) { // blocks of 3 rows, one block, 1 row
            const at::Tensor blocked = i3::head_cross_entropy(hidden, *head, targets, i3::LossReduction::Mean, logits_per_block);
            QVERIFY(std::abs(blocked.item<double>() - plain.item<double>()) < 1e-13);
            const auto grads = torch::autograd::grad({blocked}, {hidden, head->weight, head->bias});
            for (size_t i = 0; i < grads.size(); ++i)
                QVERIFY2(max_difference(grads[i], plain_grads[i]) < 1e-13, qPrintable(QString::number(i)));
            const at::Tensor summed = i3::head_cross_entropy(hidden, *head, targets, i3::LossReduction::Sum, logits_per_block);
            QVERIFY(std::abs(summed.item<double>() - 14 * plain.item<double>()) < 1e-12);
            torch::NoGradGuard no_grad;
            const at::Tensor evaluated = i3::head_cross_entropy(hidden, *head, targets, i3::LossReduction::Mean, logits_per_block);
            QVERIFY(!evaluated.requires_grad());
            QVERIFY(std::abs(evaluated.item<double>() - plain.item<double>()) < 1e-13);
        }
        // The gradient of a scaled loss is scaled: the loss is not assumed to end the graph alone.
        const at::Tensor twice = 2.5 * i3::head_cross_entropy(hidden, *head, targets);
        const auto scaled = torch::autograd::grad({twice}, {hidden});
        QVERIFY(max_difference(scaled[0], 2.5 * plain_grads[0]) < 1e-13);
    }

    void headLossRefusesMismatchedTargets()
    {
        torch::nn::Linear head(4, 6);
        QVERIFY_THROWS_EXCEPTION(std::exception,
                                 i3::head_cross_entropy(torch::randn({2, 3, 4}), *head, torch::zeros({2, 4}, torch::kLong)));
    }

    void modelLossEqualsCrossEntropyOfItsLogits()
    {
        torch::manual_seed(5);
        i3::I3Model model(small_shape());
        model->to(torch::kDouble);
        const at::Tensor tokens = torch::randint(0, 37, {3, 13}, torch::kLong);
        const at::Tensor inputs = tokens.narrow(1, 0, 12), targets = tokens.narrow(1, 1, 12);
        const Gradients plain = gradients_of(model, [&] {
            return torch::nn::functional::cross_entropy(model->forward(inputs).reshape({-1, 37}), targets.reshape({-1}));
        });
        const Gradients ours = gradients_of(model, [&] { return model->loss(inputs, targets); });
        QVERIFY(std::abs(plain.loss - ours.loss) < 1e-13);
        for (size_t i = 0; i < plain.grads.size(); ++i)
            QVERIFY2(max_difference(plain.grads[i], ours.grads[i]) < 1e-12, qPrintable(QString::number(i)));
    }

    // Recomputing the blocks in the backward pass gives the same gradients as keeping them.
    void checkpointedBlocksGiveTheSameGradients()
    {
        torch::manual_seed(7);
        i3::I3Model model(small_shape());
        model->to(torch::kDouble);
        const at::Tensor tokens = torch::randint(0, 37, {2, 13}, torch::kLong);
        const at::Tensor inputs = tokens.narrow(1, 0, 12), targets = tokens.narrow(1, 1, 12);
        const Gradients kept = gradients_of(model, [&] { return model->loss(inputs, targets); });
        model->set_activation_checkpointing(true);
        const Gradients recomputed = gradients_of(model, [&] { return model->loss(inputs, targets); });
        QCOMPARE(recomputed.loss, kept.loss);
        for (size_t i = 0; i < kept.grads.size(); ++i)
            QVERIFY2(max_difference(kept.grads[i], recomputed.grads[i]) < 1e-13, qPrintable(QString::number(i)));
        QVERIFY(max_difference(kept.grads.front(), torch::zeros_like(kept.grads.front())) > 0);
    }

    // Three steps with two micro-batches each, against the loop the trainer ran before: the same
    // losses and the same weights after, in float32.
    void stepEqualsTheHandWrittenLoop()
    {
        i3::TrainConfig config;
        config.grad_accum = 2;
        config.grad_clip = 0.05; // small enough that clipping happens
        torch::manual_seed(11);
        i3::I3Model ours(small_shape());
        i3::I3Model theirs(small_shape());
        {
            torch::NoGradGuard no_grad;
            const auto source = ours->parameters();
            auto target = theirs->parameters();
            for (size_t i = 0; i < source.size(); ++i)
                target[i].copy_(source[i]);
        }
        auto our_optimizer = i3::make_optimizer(ours, config);
        auto their_optimizer = i3::make_optimizer(theirs, config);
        i3::TrainingStep step(ours, *our_optimizer, config);
        std::vector<i3::Batch> batches;
        for (int i = 0; i < 6; ++i) {
            const at::Tensor tokens = torch::randint(0, 37, {2, 13}, torch::kLong);
            batches.push_back({tokens.narrow(1, 0, 12), tokens.narrow(1, 1, 12)});
        }
        size_t next = 0;
        for (int s = 0; s < 3; ++s) {
            const double lr = 1e-2 * (s + 1);
            const size_t first = next;
            const i3::StepTensors figures = step.run([&] { return batches[next++]; }, lr);

            their_optimizer->zero_grad();
            double loss = 0;
            for (size_t b = first; b < first + 2; ++b) {
                const auto micro = torch::nn::functional::cross_entropy(
                                       theirs->forward(batches[b].inputs).reshape({-1, 37}), batches[b].targets.reshape({-1})) /
                                   2.0;
                micro.backward();
                loss += micro.item<double>();
            }
            const double norm = torch::nn::utils::clip_grad_norm_(theirs->parameters(), config.grad_clip);
            for (auto& group : their_optimizer->param_groups())
                static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
            their_optimizer->step();

            QVERIFY2(std::abs(figures.loss.item<double>() - loss) < 1e-5, qPrintable(QString::number(s)));
            QVERIFY(std::abs(figures.grad_norm.item<double>() - norm) < 1e-5 * norm);
            QVERIFY(norm > config.grad_clip);
        }
        const auto a = ours->parameters(), b = theirs->parameters();
        for (size_t i = 0; i < a.size(); ++i)
            QVERIFY2(max_difference(a[i], b[i]) < 1e-5, qPrintable(QString::number(i)));
    }

    void bf16IsRefusedOnTheCpu()
    {
        i3::TrainConfig config;
        config.precision = "bf16";
        const auto problems = config.problems();
        QCOMPARE(problems.size(), size_t(1));
        QVERIFY(QString::fromStdString(problems.front()).contains("CUDA"));
        config.precision = "fp16";
        QVERIFY(QString::fromStdString(config.problems().front()).contains("fp32 or bf16"));
        QVERIFY_THROWS_EXCEPTION(std::exception, i3::autocast_for(i3::Precision::BFloat16, torch::Device(torch::kCPU)));
    }

    // A switch setting is a JSON boolean, written and read back; other types are refused by name.
    void switchesAreJsonBooleans()
    {
        i3::TrainConfig config;
        config.checkpoint_activations = true;
        const auto json = config.to_json();
        QVERIFY(json.at("checkpoint_activations").is_boolean());
        QCOMPARE(i3::TrainConfig::from_json(json).checkpoint_activations, true);
        QCOMPARE(i3::TrainConfig::from_json(nlohmann::json::object()).checkpoint_activations, false);
        nlohmann::json wrong = json;
        wrong["checkpoint_activations"] = "yes";
        try {
            i3::TrainConfig::from_json(wrong);
            QFAIL("a string was taken for a switch");
        } catch (const std::exception& error) {
            QVERIFY(QString(error.what()).contains("checkpoint_activations"));
        }
    }

    // i3-80M, counted by hand: per hybrid block 32² + 2·32·512 + 2·512·2048 = 2,130,944 weights,
    // per attention block 4·512² + 2·512·2048 = 3,145,728, the head 512·35,560 = 18,206,720.
    void flopsPerTokenAsCountedByHand()
    {
        const i3::ModelConfig config = i3::ModelConfig::preset("i3-80m");
        QCOMPARE(i3::matrix_parameter_count(config), int64_t(10 * 2130944 + 6 * 3145728 + 18206720));
        QCOMPARE(i3::training_flops_per_token(config), 6.0 * 58390528 + 6.0 * 6 * 256 * 512);
        QVERIFY(i3::known_peak_rate("NVIDIA H200", true).has_value());
        QVERIFY(!i3::known_peak_rate("CPU (2 cores)", true).has_value());
    }
};

QTEST_GUILESS_MAIN(TestTrainingStep)
#include "test_training_step.moc"
