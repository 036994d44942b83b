// SPDX-License-Identifier: GPL-3.0-or-later
// The context probe: measured points on the CPU, the contexts it sweeps, the reference's table,
// refusing a context that cannot fit in RAM instead of trying it, cancellation, and `i3lm probe`.
#include <torch/torch.h>

#include "telemetry/context_probe.h"
#include "base/error.h"
#include "test_support.h"

#include <QtTest>

namespace {

i3::ProbeOptions tiny_probe(std::vector<int64_t> contexts)
{
    i3::ProbeOptions options;
    options.model = i3::ModelConfig::preset("tiny"); // vocabulary 35,560: the logits dominate
    options.batch_size = 1;
    options.contexts = std::move(contexts);
    return options;
}

} // namespace

class TestContextProbe : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void measuresEachContextOnTheCpu()
    {
        std::vector<int64_t> reported;
        std::vector<i3::ProbeProgress> stages;
        const auto points = i3::run_context_probe(
            tiny_probe({16, 64}), [&](const i3::ProbePoint& point) { reported.push_back(point.context); }, nullptr,
            [&](const i3::ProbeProgress& progress) { stages.push_back(progress); });
        QCOMPARE(reported, (std::vector<int64_t>{16, 64}));
        // Every stage of both contexts, in order, each a quarter of its context's half of the sweep.
        using Stage = i3::ProbeStage;
        const std::vector<std::pair<Stage, double>> expected = {
            {Stage::Estimate, 0.0},      {Stage::WarmUp, 0.125},     {Stage::BuildModel, 0.25},
            {Stage::TrainingStep, 0.375}, {Stage::Estimate, 0.5},     {Stage::BuildModel, 0.75},
            {Stage::TrainingStep, 0.875}};
        QCOMPARE(stages.size(), expected.size());
        for (size_t i = 0; i < stages.size(); ++i) {
            QVERIFY(stages[i].stage == expected[i].first);
            QCOMPARE(stages[i].fraction, expected[i].second);
            QCOMPARE(stages[i].context, i < 4 ? int64_t(16) : int64_t(64));
            QCOMPARE(stages[i].context_index, i < 4 ? size_t(0) : size_t(1));
        }
        QCOMPARE(points.size(), size_t(2));
        for (const auto& point : points) {
            qInfo("context %lld: peak %.1f MiB, %.4f s", static_cast<long long>(point.context),
                  point.peak_bytes / 1048576.0, point.seconds);
            QVERIFY(!point.out_of_memory);
            QCOMPARE(point.batch_size, int64_t(1));
            QVERIFY(point.seconds > 0);
        }
        // At least the logits of 16 tokens over 35,560 chunks (2.2 MiB) are held during the step.
        QVERIFY(points[0].peak_bytes > 16 * 35560 * 4);
        // Four times the context: at least the extra logits (48 x 35,560 floats, 6.5 MiB) more.
        QVERIFY2(points[1].peak_bytes > points[0].peak_bytes + 48 * 35560 * 4,
                 qPrintable(QString("%1 then %2 bytes").arg(points[0].peak_bytes).arg(points[1].peak_bytes)));
    }

    void aContextThatCannotFitIsNotTried()
    {
        // i3-80M at a context of 4 million tokens would need far more than any RAM (its attention
        // scores alone are petabytes): the probe says so instead of letting the kernel kill it.
        auto options = tiny_probe({16, 4'000'000, 8'000'000});
        const auto points = i3::run_context_probe(options);
        QCOMPARE(points.size(), size_t(2));
        QVERIFY(!points[0].out_of_memory);
        QVERIFY(points[1].out_of_memory);
        QCOMPARE(points[1].context, int64_t(4'000'000));
        QCOMPARE(points[1].peak_bytes, int64_t(0));
        QVERIFY2(QString::fromStdString(points[1].note).contains("not tried"), points[1].note.c_str());
        // Not tried, by the estimate: it is above the limit, and the limit is 80% of some RAM.
        QVERIFY(!points[0].not_tried);
        QVERIFY(points[1].not_tried);
        QVERIFY(points[1].limit_bytes > 0);
        QVERIFY(points[1].estimated_bytes > points[1].limit_bytes);
    }

    void cancelledBeforeItStarts()
    {
        i3::CancelToken cancel;
        cancel.cancel();
        int calls = 0;
        const auto points =
            i3::run_context_probe(tiny_probe({16, 32}), [&](const i3::ProbePoint&) { ++calls; }, &cancel);
        QVERIFY(points.empty());
        QCOMPARE(calls, 0);
    }

    void badOptionsAreRefused()
    {
        QVERIFY_EXCEPTION_THROWN(i3::run_context_probe(tiny_probe({64, 16})), i3::Error);
        QVERIFY_EXCEPTION_THROWN(i3::run_context_probe(tiny_probe({0, 16})), i3::Error);
        auto options = tiny_probe({16});
        options.batch_size = 0;
        QVERIFY_EXCEPTION_THROWN(i3::run_context_probe(options), i3::Error);
        options = tiny_probe({16});
        options.device = "toaster";
        QVERIFY_EXCEPTION_THROWN(i3::run_context_probe(options), i3::Error);
        if (!torch::cuda::is_available()) {
            options.device = "cuda";
            QVERIFY_EXCEPTION_THROWN(i3::run_context_probe(options), i3::Error);
        }
        QVERIFY(i3::run_context_probe(tiny_probe({})).empty());
    }

    void doublingContexts()
    {
        using Contexts = std::vector<int64_t>;
        QCOMPARE(i3::doubling_contexts(128, 1024), (Contexts{128, 256, 512, 1024}));
        QCOMPARE(i3::doubling_contexts(128, 1000), (Contexts{128, 256, 512, 1000}));
        QCOMPARE(i3::doubling_contexts(128, 129), (Contexts{128, 129}));
        QCOMPARE(i3::doubling_contexts(128, 128), (Contexts{128}));
        QCOMPARE(i3::doubling_contexts(1, 5), (Contexts{1, 2, 4, 5}));
        QCOMPARE(i3::doubling_contexts(3, 24), (Contexts{3, 6, 12, 24}));
        QVERIFY(i3::doubling_contexts(256, 128).empty());
        QCOMPARE(i3::doubling_contexts(int64_t(1) << 61, INT64_MAX).size(), size_t(3)); // no overflow
        QVERIFY_EXCEPTION_THROWN(i3::doubling_contexts(0, 128), i3::Error);
    }

    void theReferencesFigures()
    {
        const auto& figures = i3::reference_memory_figures();
        QCOMPARE(figures.size(), size_t(8));
        auto figure = [&](int64_t batch, int64_t context) -> std::optional<double> {
            for (const auto& f : figures)
                if (f.batch_size == batch && f.context == context)
                    return f.gib;
            return -1.0;
        };
        QCOMPARE(*figure(1, 256), 0.68);
        QCOMPARE(*figure(1, 1024), 1.84);
        QCOMPARE(*figure(1, 4096), 13.3);
        QCOMPARE(*figure(1, 8192), 47.1);
        QCOMPARE(*figure(4, 256), 1.46);
        QCOMPARE(*figure(4, 1024), 6.21);
        QCOMPARE(*figure(4, 4096), 51.5);
        QVERIFY(!figure(4, 8192).has_value()); // out of memory on 141 GB
    }

    void theCommandLine()
    {
        const auto result = i3test::run_cli({"probe", "--preset", "tiny", "--contexts", "16,32"});
        QVERIFY2(result.exit_code == 0 && !result.crashed, result.err.constData());
        const QString out = QString::fromUtf8(result.out);
        QStringList rows;
        for (const QString& line : out.split('\n'))
            if (QRegularExpression(R"(^\s*\d+ \|\s+\d+\.\d \|\s+\d+\.\d+ \|)").match(line).hasMatch())
                rows << line;
        QCOMPARE(rows.size(), 2);
        QVERIFY(rows[0].trimmed().startsWith("16 |"));
        QVERIFY(rows[1].trimmed().startsWith("32 |"));
        QVERIFY(out.contains("peak MiB"));

        // The reference column is filled where the reference measured that batch and context.
        const auto at_256 = i3test::run_cli({"probe", "--preset", "tiny", "--contexts", "256"});
        QCOMPARE(at_256.exit_code, 0);
        QVERIFY2(QString::fromUtf8(at_256.out).contains(QRegularExpression(R"(256 \|.*\| 0\.68)")),
                 at_256.out.constData());

        if (!torch::cuda::is_available()) {
            const auto no_gpu = i3test::run_cli({"probe", "--preset", "tiny", "--device", "cuda"});
            QCOMPARE(no_gpu.exit_code, 1);
            QVERIFY2(no_gpu.err.contains("not available"), no_gpu.err.constData());
            QVERIFY(!no_gpu.out.contains("peak MiB"));
        }
        QCOMPARE(i3test::run_cli({"probe", "--contexts", "32,16"}).exit_code, 2);
        QCOMPARE(i3test::run_cli({"probe", "--contexts", "16,x"}).exit_code, 2);
        QCOMPARE(i3test::run_cli({"probe", "--help"}).exit_code, 0);
    }
};

QTEST_GUILESS_MAIN(TestContextProbe)
#include "test_context_probe.moc"
