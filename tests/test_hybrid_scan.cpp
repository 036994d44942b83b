// SPDX-License-Identifier: GPL-3.0-or-later
// The hybrid recurrence against the loop written out step by step (reference §2), in double
// precision: outputs and every gradient, for ordinary and for awkward parameters.
#include "model/hybrid_scan.h"

#include <QtTest>

#include <torch/torch.h>

namespace {

struct Case {
    int64_t batch, steps, d, d_state;
    double w_low, w_high; // w_mix drawn uniformly in [w_low, w_high]
    double a_diagonal;    // A = a_diagonal * I + noise
};

i3::HybridParams make_params(const Case& c, uint64_t seed)
{
    torch::manual_seed(seed);
    const auto options = torch::TensorOptions().dtype(torch::kDouble);
    i3::HybridParams p;
    p.w_mix = torch::empty({c.d}, options).uniform_(c.w_low, c.w_high);
    p.A = torch::eye(c.d_state, options) * c.a_diagonal + 0.1 * torch::randn({c.d_state, c.d_state}, options);
    p.B = 0.3 * torch::randn({c.d_state, c.d}, options);
    p.C = 0.3 * torch::randn({c.d, c.d_state}, options);
    p.D = torch::randn({c.d}, options);
    for (auto* t : {&p.w_mix, &p.A, &p.B, &p.C, &p.D})
        t->requires_grad_(true);
    return p;
}

// The recurrence exactly as the reference writes it, one time step at a time, with ordinary
// autograd recording every step.
torch::Tensor stepwise(const torch::Tensor& u, const i3::HybridParams& p)
{
    auto h = torch::zeros({u.size(0), u.size(2)}, u.options());
    auto s = torch::zeros({u.size(0), p.A.size(0)}, u.options());
    std::vector<torch::Tensor> ys;
    for (int64_t t = 0; t < u.size(1); ++t) {
        const auto ut = u.select(1, t);
        h = p.w_mix * h + (1 - p.w_mix) * ut;
        s = torch::matmul(s, p.A.t()) + torch::matmul(ut, p.B.t());
        ys.push_back(torch::matmul(s, p.C.t()) + p.D * h);
    }
    return torch::stack(ys, 1);
}

// Plain scalar loops, no tensors at all, for the forward values.
std::vector<double> scalar_loop(const torch::Tensor& u, const i3::HybridParams& p, int64_t seq)
{
    const auto uu = u.detach().contiguous();
    const int64_t T = u.size(1), d = u.size(2), n = p.A.size(0);
    auto at = [](const torch::Tensor& x) { return x.detach().contiguous(); };
    const auto w = at(p.w_mix), A = at(p.A), B = at(p.B), C = at(p.C), D = at(p.D);
    std::vector<double> h(d, 0.0), s(n, 0.0), next(n), y;
    for (int64_t t = 0; t < T; ++t) {
        const double* ut = uu.data_ptr<double>() + (seq * T + t) * d;
        for (int64_t i = 0; i < d; ++i)
            h[i] = w.data_ptr<double>()[i] * h[i] + (1 - w.data_ptr<double>()[i]) * ut[i];
        for (int64_t i = 0; i < n; ++i) {
            double sum = 0;
            for (int64_t j = 0; j < n; ++j)
                sum += A.data_ptr<double>()[i * n + j] * s[j];
            for (int64_t j = 0; j < d; ++j)
                sum += B.data_ptr<double>()[i * d + j] * ut[j];
            next[i] = sum;
        }
        s = next;
        for (int64_t i = 0; i < d; ++i) {
            double sum = D.data_ptr<double>()[i] * h[i];
            for (int64_t j = 0; j < n; ++j)
                sum += C.data_ptr<double>()[i * n + j] * s[j];
            y.push_back(sum);
        }
    }
    return y;
}

double relative_error(const torch::Tensor& ours, const torch::Tensor& expected)
{
    return ((ours - expected).abs().max() / (expected.abs().max() + 1e-30)).item<double>();
}

} // namespace

class TestHybridScan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesTheLoop_data()
    {
        QTest::addColumn<int>("index");
        QTest::newRow("random") << 0;
        QTest::newRow("negative w_mix") << 1;
        QTest::newRow("A spectral radius above 1") << 2;
        QTest::newRow("one step") << 3;
        QTest::newRow("w_mix above 1, long") << 4;
    }

    void matchesTheLoop()
    {
        QFETCH(int, index);
        const Case cases[] = {
            {3, 37, 16, 8, 0.0, 1.0, 0.5},
            {2, 50, 12, 5, -1.5, -0.2, 0.3},
            {2, 40, 10, 6, 0.2, 0.9, 1.08},
            {4, 1, 8, 3, -1.0, 1.0, -0.7},
            {1, 300, 9, 4, 0.9, 1.02, -0.9},
        };
        const Case c = cases[index];
        const auto p = make_params(c, 100 + index);
        const auto u = torch::randn({c.batch, c.steps, c.d}, torch::kDouble).requires_grad_(true);

        const auto ours = i3::hybrid_scan(u, p);
        const auto expected = stepwise(u, p);
        QVERIFY2(relative_error(ours, expected) < 1e-10, qPrintable(QString::number(relative_error(ours, expected))));

        const auto loop = scalar_loop(u, p, c.batch - 1);
        const auto last = ours.select(0, c.batch - 1).detach().contiguous();
        const auto loop_tensor = torch::tensor(loop, torch::kDouble).view_as(last);
        QVERIFY(relative_error(last, loop_tensor) < 1e-10);

        // Gradients of a generic scalar function of y, against autograd through the step loop.
        const auto weights = torch::randn_like(expected);
        const std::vector<torch::Tensor> inputs = {u, p.w_mix, p.A, p.B, p.C, p.D};
        const auto ours_grads = torch::autograd::grad({(ours * weights).sum()}, inputs);
        const auto expected_grads = torch::autograd::grad({(expected * weights).sum()}, inputs);
        const char* names[] = {"u", "w_mix", "A", "B", "C", "D"};
        for (size_t i = 0; i < inputs.size(); ++i) {
            const double error = relative_error(ours_grads[i], expected_grads[i]);
            QVERIFY2(error < 1e-9, qPrintable(QString("gradient of %1: relative error %2").arg(names[i]).arg(error)));
        }
    }

    void carriedStateContinuesTheSequence()
    {
        const Case c{2, 30, 12, 6, -0.5, 1.0, 0.9};
        const auto p = make_params(c, 7);
        torch::NoGradGuard no_grad;
        const auto u = torch::randn({c.batch, c.steps, c.d}, torch::kDouble);
        const auto whole = i3::hybrid_scan(u, p);
        i3::HybridState state;
        const auto first = i3::hybrid_scan_with_state(u.narrow(1, 0, 11), p, state);
        std::vector<torch::Tensor> pieces{first};
        for (int64_t t = 11; t < c.steps; ++t)
            pieces.push_back(i3::hybrid_scan_with_state(u.narrow(1, t, 1), p, state));
        QVERIFY(relative_error(torch::cat(pieces, 1), whole) < 1e-12);
    }

    void primitivesRunBackwardsFromAnInitialState()
    {
        torch::manual_seed(3);
        const auto a = torch::randn({5}, torch::kDouble);
        const auto M = torch::randn({5, 5}, torch::kDouble) * 0.5;
        const auto b = torch::randn({2, 6, 5}, torch::kDouble);
        const auto x0 = torch::randn({2, 5}, torch::kDouble);
        const auto diagonal = i3::scan::diagonal(a, b, x0, true);
        const auto dense = i3::scan::dense(M, b, x0, true);
        auto xd = x0.clone();
        auto xm = x0.clone();
        for (int64_t t = 5; t >= 0; --t) {
            xd = a * xd + b.select(1, t);
            xm = torch::matmul(xm, M.t()) + b.select(1, t);
            QVERIFY(relative_error(diagonal.select(1, t), xd) < 1e-12);
            QVERIFY(relative_error(dense.select(1, t), xm) < 1e-12);
        }
    }

    void float32AgreesWithDouble()
    {
        const Case c{2, 256, 64, 32, 0.0, 1.0, 0.2};
        const auto p = make_params(c, 11);
        torch::NoGradGuard no_grad;
        const auto u = torch::randn({c.batch, c.steps, c.d}, torch::kDouble);
        const auto exact = i3::hybrid_scan(u, p);
        i3::HybridParams p32{p.w_mix.to(torch::kFloat), p.A.to(torch::kFloat), p.B.to(torch::kFloat),
                             p.C.to(torch::kFloat), p.D.to(torch::kFloat)};
        const auto single = i3::hybrid_scan(u.to(torch::kFloat), p32);
        QVERIFY(relative_error(single.to(torch::kDouble), exact) < 1e-5);
    }
};

QTEST_GUILESS_MAIN(TestHybridScan)
#include "test_hybrid_scan.moc"
