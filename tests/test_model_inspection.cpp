// SPDX-License-Identifier: GPL-3.0-or-later
// The inspection of a model for one prompt, each number against an independent computation in
// double precision: the eigenvalues of A against LAPACK (torch::linalg::eigvals) and a 2×2 case
// worked by hand, the half-lives against hand-worked numbers, h and s against the reference's
// recurrence looped step by step, the attention weights against a plain softmax of the model's
// own q·k, and w_mix's histogram against counts by hand.
#include "inspect/memory_half_life.h"
#include "inspect/model_inspection.h"
#include "inspect/recurrence_history.h"
#include "inspect/value_histogram.h"
#include "base/error.h"
#include "inspection_reference.h"
#include "test_support.h"
#include "model/attention_block.h"
#include "model/hybrid_block.h"
#include "model/model_artifacts.h"
#include "runs/run_folder.h"
#include "runs/run_schema.h"

#include <QtTest>

#include <torch/torch.h>

#include <cmath>
#include <complex>

namespace {

using Complex = std::complex<double>;

i3::I3Model fixed_model() { return i3test::visible_model(i3test::inspection_config(40), 11); }

const std::vector<int64_t> kPrompt{3, 17, 5, 5, 39, 0, 22, 8, 1, 30, 12};

torch::Tensor as_double(const torch::Tensor& x) { return x.detach().to(torch::kDouble); }

double max_difference(const torch::Tensor& a, const torch::Tensor& b)
{
    return (as_double(a) - as_double(b)).abs().max().item<double>();
}

// Whether every expected value has one within `tolerance` in `actual`, and the counts agree.
bool same_values(const std::vector<Complex>& actual, const std::vector<Complex>& expected, double tolerance)
{
    if (actual.size() != expected.size())
        return false;
    for (const auto& value : expected) {
        double nearest = INFINITY;
        for (const auto& candidate : actual)
            nearest = std::min(nearest, std::abs(candidate - value));
        if (nearest > tolerance)
            return false;
    }
    return true;
}

} // namespace

class TestModelInspection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void halfLivesByHand();
    void eigenvaluesOfHandWorkedMatrices();
    void eigenvaluesAgainstLapack();
    void statesAgainstTheReferenceLoop();
    void attentionAgainstPlainSoftmax();
    void histogramByHand();
    void progressAndCancellation();
    void recurrenceOfHandWorkedBlocks();
    void recurrenceOverARunsCheckpoints();
    void promptLengthChecked();
};

void TestModelInspection::halfLivesByHand()
{
    // |λ|^t = 1/2  <=>  t = ln 0.5 / ln |λ|
    QCOMPARE(i3::memory_half_life(0.5).steps, 1.0);
    QCOMPARE(i3::memory_half_life(-0.25).steps, 0.5);
    QVERIFY(std::abs(i3::memory_half_life(0.9).steps - 6.578813478960584) < 1e-12);
    QVERIFY(std::abs(i3::memory_half_life(std::pow(0.5, 0.1)).steps - 10.0) < 1e-9);
    QVERIFY(std::abs(i3::memory_half_life(Complex(0.5, 0.5)).steps - 2.0) < 1e-12); // |λ| = 2^-1/2
    QCOMPARE(i3::memory_half_life(0.0).steps, 0.0);
    QCOMPARE(i3::memory_half_life(0.0).memory, i3::Memory::Fades);
    QCOMPARE(i3::memory_half_life(1.0).memory, i3::Memory::Persists);
    QCOMPARE(i3::memory_half_life(-1.0).memory, i3::Memory::Persists);
    QCOMPARE(i3::memory_half_life(Complex(0, 1)).memory, i3::Memory::Persists);
    QCOMPARE(i3::memory_half_life(1.01).memory, i3::Memory::Grows);
    QCOMPARE(i3::memory_half_life(Complex(-0.8, 0.8)).memory, i3::Memory::Grows);
}

void TestModelInspection::eigenvaluesOfHandWorkedMatrices()
{
    // [[a, -b], [b, a]] has eigenvalues a ± b i: det(A - λI) = (a - λ)² + b².
    const auto rotation = torch::tensor({0.5, -0.5, 0.5, 0.5}, torch::kDouble).view({2, 2});
    const auto values = i3::matrix_eigenvalues(rotation);
    QCOMPARE(values.size(), size_t(2));
    QVERIFY(std::abs(values[0] - Complex(0.5, 0.5)) < 1e-12);  // the larger imaginary part first
    QVERIFY(std::abs(values[1] - Complex(0.5, -0.5)) < 1e-12);
    // [[1, 2], [0, -3]] is triangular: eigenvalues 1 and -3, the larger modulus first.
    const auto triangular = torch::tensor({1.0f, 2.0f, 0.0f, -3.0f}).view({2, 2});
    const auto real = i3::matrix_eigenvalues(triangular);
    QVERIFY(std::abs(real[0] - Complex(-3, 0)) < 1e-6);
    QVERIFY(std::abs(real[1] - Complex(1, 0)) < 1e-6);
}

void TestModelInspection::eigenvaluesAgainstLapack()
{
    auto model = fixed_model();
    const auto seen = i3::inspect_model(model, kPrompt);
    QCOMPARE(seen.hybrid.size(), size_t(2));
    bool inside = false, outside = false;
    for (const auto& block : seen.hybrid) {
        const auto& A = model->layers->ptr(block.layer)->as<i3::HybridBlockImpl>()->hybrid->A;
        const auto lapack = torch::linalg::eigvals(as_double(A));
        std::vector<Complex> expected;
        for (int64_t i = 0; i < lapack.size(0); ++i) {
            const auto value = lapack[i].item<c10::complex<double>>();
            expected.emplace_back(value.real(), value.imag());
        }
        QVERIFY(same_values(block.eigenvalues, expected, 1e-9));
        for (size_t i = 1; i < block.eigenvalues.size(); ++i)
            QVERIFY(std::abs(block.eigenvalues[i - 1]) >= std::abs(block.eigenvalues[i]));
        for (const auto& value : block.eigenvalues)
            (std::abs(value) < 1 ? inside : outside) = true;
    }
    QVERIFY(inside && outside); // the fixed model exercises both sides of the unit circle
}

void TestModelInspection::statesAgainstTheReferenceLoop()
{
    auto model = fixed_model();
    const auto seen = i3::inspect_model(model, kPrompt);
    for (const auto& block : seen.hybrid) {
        const auto expected = i3test::reference_states(model, kPrompt, block.layer);
        QCOMPARE(block.h.sizes().vec(), expected.h.sizes().vec());
        QCOMPARE(block.s.sizes().vec(), expected.s.sizes().vec());
        QVERIFY2(max_difference(block.h, expected.h) < 1e-4, qPrintable(QString::number(max_difference(block.h, expected.h))));
        const double scale = expected.s.abs().max().item<double>();
        QVERIFY(scale > 1.0); // the states grow along A's eigenvalues beyond the unit circle
        QVERIFY2(max_difference(block.s, expected.s) < 1e-5 * scale,
                 qPrintable(QString::number(max_difference(block.s, expected.s))));
        const auto& w_mix = model->layers->ptr(block.layer)->as<i3::HybridBlockImpl>()->hybrid->w_mix;
        QCOMPARE(max_difference(block.w_mix, w_mix), 0.0);
    }
}

void TestModelInspection::attentionAgainstPlainSoftmax()
{
    auto model = fixed_model();
    const auto seen = i3::inspect_model(model, kPrompt);
    QCOMPARE(seen.attention.size(), size_t(2));
    for (const auto& block : seen.attention) {
        const auto expected = i3test::reference_attention(model, kPrompt, block.layer);
        QCOMPARE(block.weights.sizes().vec(), expected.sizes().vec());
        QVERIFY2(max_difference(block.weights, expected) < 1e-5,
                 qPrintable(QString::number(max_difference(block.weights, expected))));
        // The causal mask: no weight at all on the future.
        QCOMPARE(block.weights.triu(1).abs().max().item<double>(), 0.0);
        QVERIFY(block.weights.max().item<double>() > 0.9); // sharp somewhere: the test sees real structure
    }
}

void TestModelInspection::histogramByHand()
{
    const auto histogram = i3::value_histogram({0.0, 0.1, 0.25, 0.5, 0.75, 1.0, 1.0}, 4);
    QCOMPARE(histogram.low, 0.0);
    QCOMPARE(histogram.high, 1.0);
    QCOMPARE(histogram.counts, (std::vector<int64_t>{2, 1, 1, 3})); // 0.25 opens the second bin; 1.0 closes the last
    QCOMPARE(histogram.bin_centre(0), 0.125);
    const auto flat = i3::value_histogram({0.5, 0.5, 0.5}, 5);
    QCOMPARE(flat.low, 0.0);
    QCOMPARE(flat.high, 1.0);
    QCOMPARE(flat.counts, (std::vector<int64_t>{0, 0, 3, 0, 0}));
}

void TestModelInspection::progressAndCancellation()
{
    auto model = fixed_model();
    std::vector<int64_t> reported;
    i3::inspect_model(model, kPrompt, [&](int64_t done, int64_t blocks) {
        QCOMPARE(blocks, int64_t(4));
        reported.push_back(done);
    });
    QCOMPARE(reported, (std::vector<int64_t>{1, 2, 3, 4}));
    i3::CancelToken cancel;
    cancel.cancel();
    QVERIFY_THROWS_EXCEPTION(i3::Cancelled, i3::inspect_model(model, kPrompt, {}, &cancel));
}

void TestModelInspection::promptLengthChecked()
{
    auto model = fixed_model();
    QVERIFY_THROWS_EXCEPTION(i3::Error, i3::inspect_model(model, {}));
    QVERIFY_THROWS_EXCEPTION(i3::Error, i3::inspect_model(model, std::vector<int64_t>(33, 1)));
    QCOMPARE(i3::inspect_model(model, std::vector<int64_t>(32, 1)).hybrid[0].h.size(0), int64_t(32));
}


// A = [[0.5, 0], [0, -0.25]]: radius 0.5, the slowest direction halves every token; an eigenvalue
// of 1.2 has no half-life. w_mix 0.1, 0.5, 0.9: mean 0.5.
void TestModelInspection::recurrenceOfHandWorkedBlocks()
{
    const auto A = torch::tensor({0.5, 0.0, 0.0, -0.25}, torch::kDouble).reshape({2, 2});
    const auto w_mix = torch::tensor({0.1, 0.5, 0.9}, torch::kDouble);
    const auto block = i3::block_recurrence(3, A, w_mix);
    QCOMPARE(block.layer, int64_t(3));
    QVERIFY(std::abs(block.spectral_radius - 0.5) < 1e-12);
    QVERIFY(std::abs(block.longest_half_life - 1.0) < 1e-12);
    QVERIFY(std::abs(block.w_mix_mean - 0.5) < 1e-7);
    QVERIFY(std::abs(block.w_mix_min - 0.1) < 1e-7);
    QVERIFY(std::abs(block.w_mix_max - 0.9) < 1e-7);
    const auto growing = i3::block_recurrence(0, torch::tensor({1.2, 0.0, 0.0, 0.5}, torch::kDouble).reshape({2, 2}), w_mix);
    QVERIFY(std::abs(growing.spectral_radius - 1.2) < 1e-12);
    QVERIFY(std::isinf(growing.longest_half_life));

    i3::NamedTensors lonely{{"layers.0.hybrid.A", A}};
    const std::string message = i3test::error_of([&] { i3::recurrence_of(lonely, "w.safetensors"); });
    QVERIFY2(message.find("w.safetensors") != std::string::npos && message.find("no w_mix") != std::string::npos,
             message.c_str());
}

// A tiny run with a checkpoint every 5 steps, all kept: one snapshot per checkpoint, oldest first,
// each equal to what LAPACK and plain reductions say of that checkpoint's own tensors.
void TestModelInspection::recurrenceOverARunsCheckpoints()
{
    QTemporaryDir dir;
    const std::string folder = dir.filePath("run").toStdString();
    i3test::train_tiny_run(folder, 15, 5);
    const auto model = i3::RunFolder(folder).read_info().model;

    std::vector<size_t> progress;
    const auto history = i3::recurrence_over_training(folder, [&](size_t done, size_t) { progress.push_back(done); });
    QCOMPARE(history.size(), size_t(3));
    QCOMPARE(progress, (std::vector<size_t>{1, 2, 3}));
    for (size_t i = 0; i < history.size(); ++i) {
        QCOMPARE(history[i].step, int64_t(5 * (i + 1)));
        const auto weights = i3::read_weights(i3::RunFolder(folder).checkpoint_dir(history[i].step) /
                                              i3::run_files::kCheckpointWeights);
        QCOMPARE(history[i].blocks.size(), size_t(model.hybrid_layers));
        for (const auto& block : history[i].blocks) {
            const std::string prefix = "layers." + std::to_string(block.layer) + ".hybrid.";
            at::Tensor A, w_mix;
            for (const auto& [name, tensor] : weights) {
                if (name == prefix + "A")
                    A = tensor.to(torch::kDouble);
                if (name == prefix + "w_mix")
                    w_mix = tensor.to(torch::kDouble);
            }
            const double radius = torch::linalg::eigvals(A).abs().max().item<double>();
            QVERIFY(std::abs(block.spectral_radius - radius) < 1e-9);
            QVERIFY(std::abs(block.w_mix_mean - w_mix.mean().item<double>()) < 1e-12);
            QVERIFY(std::abs(block.w_mix_max - w_mix.max().item<double>()) < 1e-12);
        }
    }
    // Training moved the recurrence between the first and the last checkpoint.
    QVERIFY(history.front().blocks[0].w_mix_mean != history.back().blocks[0].w_mix_mean);
}

QTEST_GUILESS_MAIN(TestModelInspection)
#include "test_model_inspection.moc"
