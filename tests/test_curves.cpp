// SPDX-License-Identifier: GPL-3.0-or-later
// The curves' arithmetic against hand-worked numbers and naive loops: TensorBoard's debiased EMA,
// min/max decimation that keeps every bucket's extremes (a spike above all), and the x axes.
#include "curves/curve_axis.h"
#include "curves/ema_smoothing.h"
#include "curves/min_max_decimation.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <set>

namespace {

// The per-bucket extremes, found the long way: every point's bucket by itself.
std::set<size_t> naive_extremes(const std::vector<double>& x, const std::vector<double>& y, double lower, double upper,
                                int buckets, bool log_x)
{
    std::map<int, size_t> lowest, highest;
    for (size_t i = 0; i < x.size(); ++i) {
        if (x[i] < lower || x[i] > upper)
            continue;
        const double position = log_x ? (std::log(x[i]) - std::log(lower)) / (std::log(upper) - std::log(lower))
                                      : (x[i] - lower) / (upper - lower);
        const int bucket = std::min(buckets - 1, static_cast<int>(position * buckets));
        if (!lowest.count(bucket) || y[i] < y[lowest[bucket]])
            lowest[bucket] = i;
        if (!highest.count(bucket) || y[i] > y[highest[bucket]])
            highest[bucket] = i;
    }
    std::set<size_t> kept;
    for (const auto& entry : lowest)
        kept.insert(entry.second);
    for (const auto& entry : highest)
        kept.insert(entry.second);
    return kept;
}

} // namespace

class TestCurves : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theEmaIsDebiasedAsTensorBoardDoes()
    {
        // weight 0.5: averages 0.5, 1.25, 2.125 divided by 1 - 0.5^n = 0.5, 0.75, 0.875.
        const auto smoothed = i3::debiased_ema({1, 2, 3}, 0.5);
        QCOMPARE(smoothed.size(), size_t(3));
        QCOMPARE(smoothed[0], 1.0);
        QVERIFY(std::abs(smoothed[1] - 1.25 / 0.75) < 1e-12);
        QVERIFY(std::abs(smoothed[2] - 2.125 / 0.875) < 1e-12);
        QCOMPARE(i3::debiased_ema({4, 5, 7}, 0), (std::vector<double>{4, 5, 7}));
        const auto constant = i3::debiased_ema({3, 3, 3, 3}, 0.9); // debiasing keeps a constant constant
        for (double value : constant)
            QVERIFY(std::abs(value - 3) < 1e-12);
    }

    void aNanLeavesAGapAndTheAverageAlone()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const auto smoothed = i3::debiased_ema({1, nan, 3}, 0.5);
        QCOMPARE(smoothed[0], 1.0);
        QVERIFY(std::isnan(smoothed[1]));
        QVERIFY(std::abs(smoothed[2] - (0.25 + 1.5) / 0.75) < 1e-12); // as if the NaN were not there
    }

    void theEmaMatchesTheFormulaOverALongCurve()
    {
        std::vector<double> values;
        for (int i = 0; i < 500; ++i)
            values.push_back(std::sin(i * 0.1) + 0.01 * i);
        const double weight = 0.97;
        const auto smoothed = i3::debiased_ema(values, weight);
        double last = 0;
        for (size_t n = 1; n <= values.size(); ++n) {
            last = last * weight + (1 - weight) * values[n - 1];
            QVERIFY(std::abs(smoothed[n - 1] - last / (1 - std::pow(weight, double(n)))) < 1e-9);
        }
    }

    void fewPointsAreAllDrawn()
    {
        const std::vector<double> x = {1, 2, 3, 4}, y = {5, std::nan(""), 7, 8};
        QCOMPARE(i3::decimate_min_max(x, y, {0, 10, 10, false, false}), (std::vector<size_t>{0, 2, 3}));
        // the nearest point outside each end is kept, so the line reaches the frame
        QCOMPARE(i3::decimate_min_max(x, y, {2.5, 3.5, 10, false, false}), (std::vector<size_t>{0, 2, 3}));
        QCOMPARE(i3::decimate_min_max(x, {5, -1, 7, 8}, {0, 10, 10, false, true}), (std::vector<size_t>{0, 2, 3}));
    }

    void everyBucketKeepsItsExtremesAndTheSpike()
    {
        std::vector<double> x, y;
        for (int i = 0; i < 100000; ++i) {
            x.push_back(i);
            y.push_back(2 + std::sin(i * 0.01) + (i % 7) * 0.01);
        }
        y[54321] = 100; // a loss spike
        const int buckets = 300;
        const auto kept = i3::decimate_min_max(x, y, {0, 99999, buckets, false, false});
        QVERIFY(kept.size() <= size_t(2 * buckets));
        QVERIFY(std::is_sorted(kept.begin(), kept.end()));
        QVERIFY(std::find(kept.begin(), kept.end(), size_t(54321)) != kept.end());
        QCOMPARE(std::set<size_t>(kept.begin(), kept.end()), naive_extremes(x, y, 0, 99999, buckets, false));
    }

    void logXBucketsAreEqualInLogX()
    {
        std::vector<double> x, y;
        for (int i = 1; i <= 20000; ++i) {
            x.push_back(i);
            y.push_back(std::cos(i * 0.37));
        }
        const auto kept = i3::decimate_min_max(x, y, {1, 20000, 100, true, false});
        QCOMPARE(std::set<size_t>(kept.begin(), kept.end()), naive_extremes(x, y, 1, 20000, 100, true));
        // the first decade holds as many buckets as the last: every one of its points is drawn
        for (size_t i = 0; i < 9; ++i)
            QVERIFY(std::find(kept.begin(), kept.end(), i) != kept.end());
    }

    void theXAxisCountsStepsTokensOrTime()
    {
        i3::RunInfo info;
        info.training.batch_size = 4;
        info.training.grad_accum = 2;
        info.model.max_seq_len = 32;
        QCOMPARE(i3::tokens_per_step(info), 256.0);
        const std::vector<double> steps = {1, 2, 3}, elapsed = {0.5, 1.1, 1.4};
        QCOMPARE(i3::curve_x(i3::CurveAxis::Step, steps, elapsed, 256), steps);
        QCOMPARE(i3::curve_x(i3::CurveAxis::Tokens, steps, elapsed, 256), (std::vector<double>{256, 512, 768}));
        QCOMPARE(i3::curve_x(i3::CurveAxis::WallTime, steps, elapsed, 256), elapsed);
    }
};

QTEST_GUILESS_MAIN(TestCurves)
#include "test_curves.moc"
