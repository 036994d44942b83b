// SPDX-License-Identifier: GPL-3.0-or-later
// The inspection of a model for one prompt, each number against an independent computation in
// double precision: the eigenvalues of A against LAPACK (torch::linalg::eigvals) and a 2×2 case
// worked by hand, the half-lives against hand-worked numbers, h and s against the reference's
// recurrence looped step by step, the attention weights against a plain softmax of the model's
// own q·k, and w_mix's histogram against counts by hand.
#include "inspect/memory_half_life.h"
#include "inspect/model_inspection.h"
#include "inspect/value_histogram.h"
#include "base/error.h"
#include "inspection_reference.h"
#include "model/attention_block.h"
#include "model/hybrid_block.h"

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

QTEST_GUILESS_MAIN(TestModelInspection)
#include "test_model_inspection.moc"
