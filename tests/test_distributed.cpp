// SPDX-License-Identifier: GPL-3.0-or-later
// Data-parallel training on CPU ranks through Gloo, as a user meets it from the command line,
// and its parts on their own:
//   - the sampler's share: each rank reads exactly its rows of the windows one process draws;
//   - the gradient averager: the ranks' gradients become their mean, checked in double precision
//     against each rank's own, with several buckets and with checkpointed activations;
//   - 2 ranks at batch 2 give one process's losses at batch 4 over 30 steps, and rank 0 alone
//     writes the run folder (run.json says how many ranks and which backend);
//   - a run stopped on 2 ranks continues exactly on one;
//   - a rank killed mid-run, or one that hangs, makes the other stop within the timeout with a
//     message, and the last checkpoint stays loadable;
//   - a port in use, an unreachable master and ranks started differently are said plainly;
//   - the benchmark on 2 ranks says their tokens/s against one process's.
// Every wait is for a state (a line printed, a process ended), bounded by a generous timeout.
#include "test_support.h"

#include "data/batch_sampler.h"
#include "distributed/gradient_averager.h"
#include "distributed/rank_group.h"
#include "model/i3_model.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <torch/torch.h>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

namespace {

using i3test::read_file;
using i3test::stories;
using i3test::write_file;

constexpr int kProcessTimeoutMs = 600000;

// A TCP port listening on 127.0.0.1 while the object lives (port 0: the system chooses).
class Listener {
public:
    Listener()
    {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&address), size) == 0 && ::listen(fd_, 4) == 0 &&
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size) == 0)
            port_ = ntohs(address.sin_port);
    }
    ~Listener() { ::close(fd_); }
    int port() const { return port_; }

private:
    int fd_ = -1;
    int port_ = 0;
};

// A port nothing listens on (a moment ago the system gave it out, and it is closed again).
int closed_port() { return Listener().port(); }

struct TrainLine {
    int step = 0;
    double loss = 0;
    double grad_norm = 0;
    bool has_rank_speeds = false;
};

QVector<TrainLine> train_lines(const QString& run)
{
    QVector<TrainLine> lines;
    for (const QByteArray& text : read_file(run + "/metrics.jsonl").split('\n')) {
        const QJsonObject line = QJsonDocument::fromJson(text).object();
        if (line.value("kind").toString() != "train")
            continue;
        lines.push_back({line.value("step").toInt(), line.value("loss").toDouble(), line.value("grad_norm").toDouble(),
                         line.value("rank_tokens_per_s").toArray().size() == 2});
    }
    return lines;
}

QJsonObject run_info(const QString& run) { return QJsonDocument::fromJson(read_file(run + "/run.json")).object(); }

// Each step's loss and gradient norm equal within float rounding (the ranks sum in another order).
void expect_same_steps(const QVector<TrainLine>& ours, const QVector<TrainLine>& reference)
{
    QCOMPARE(ours.size(), reference.size());
    for (int i = 0; i < ours.size(); ++i) {
        QCOMPARE(ours[i].step, reference[i].step);
        QVERIFY2(std::abs(ours[i].loss - reference[i].loss) <= 1e-5 * std::abs(reference[i].loss),
                 qPrintable(QString("step %1: loss %2, alone %3").arg(ours[i].step).arg(ours[i].loss, 0, 'g', 10).arg(reference[i].loss, 0, 'g', 10)));
        QVERIFY2(std::abs(ours[i].grad_norm - reference[i].grad_norm) <= 1e-4 * std::abs(reference[i].grad_norm),
                 qPrintable(QString("step %1: gradient norm %2, alone %3").arg(ours[i].step).arg(ours[i].grad_norm).arg(reference[i].grad_norm)));
    }
}

// A rank of this machine's launcher, found among its children by RANK in their environment.
qint64 child_rank_pid(qint64 launcher, int rank)
{
    const QString children = QString::fromLatin1(read_file(QString("/proc/%1/task/%1/children").arg(launcher)));
    for (const QString& pid : children.split(' ', Qt::SkipEmptyParts))
        for (const QByteArray& variable : read_file("/proc/" + pid + "/environ").split('\0'))
            if (variable == "RANK=" + QByteArray::number(rank))
                return pid.toLongLong();
    return -1;
}

// Whether the stopped process `pid` holds a SIGINT it has not taken yet.
bool interrupt_waits(qint64 pid)
{
    for (const QByteArray& line : read_file(QString("/proc/%1/status").arg(pid)).split('\n'))
        if (line.startsWith("SigPnd:") || line.startsWith("ShdPnd:"))
            if (line.mid(7).trimmed().toULongLong(nullptr, 16) & (1ull << (SIGINT - 1)))
                return true;
    return false;
}

// The launcher of 2 ranks, once rank 0 has printed a line holding `wanted`.
struct TwoRanks {
    std::unique_ptr<QProcess> launcher = std::make_unique<QProcess>();
    QByteArray out; // what rank 0 printed until then
    qint64 rank(int r) const { return child_rank_pid(launcher->processId(), r); }
};

TwoRanks start_two_ranks(const QStringList& args, const QByteArray& wanted)
{
    TwoRanks ranks;
    QProcess& launcher = *ranks.launcher;
    i3test::end_with_this_process(launcher);
    launcher.start(i3test::cli(), QStringList(args) << "--nproc-per-node" << "2");
    if (!launcher.waitForStarted())
        return ranks;
    while (!ranks.out.contains(wanted) && launcher.state() == QProcess::Running)
        if (launcher.waitForReadyRead(60000))
            ranks.out += launcher.readAllStandardOutput();
    return ranks;
}

// Sends rank 1 `signal` once rank 0 has printed `line`, waits for the launcher to end and gives
// what it and its ranks said on the standard error; the launcher must fail.
void signal_rank_one(const QStringList& args, const QByteArray& line, int signal, QByteArray& err)
{
    const TwoRanks ranks = start_two_ranks(args, line);
    QProcess& launcher = *ranks.launcher;
    QVERIFY2(ranks.out.contains(line), ranks.out.constData());
    const qint64 victim = ranks.rank(1);
    QVERIFY(victim > 0);
    ::kill(static_cast<pid_t>(victim), signal);
    QVERIFY(launcher.waitForFinished(kProcessTimeoutMs));
    err = launcher.readAllStandardError();
    QCOMPARE(launcher.exitCode(), 1);
}

QProcessEnvironment rank_environment(int rank, int port)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("RANK", QString::number(rank));
    environment.insert("WORLD_SIZE", "2");
    environment.insert("MASTER_ADDR", "127.0.0.1");
    environment.insert("MASTER_PORT", QString::number(port));
    return environment;
}

// Two ranks' parts of one computation on threads of this process, each with its own group.
template <class Work>
void on_two_ranks(const Work& work)
{
    const int port = closed_port();
    std::string failures[2];
    auto rank = [&](int r) {
        try {
            i3::RankPlace place;
            place.rank = r;
            place.world_size = 2;
            place.master_port = port;
            const auto group = i3::RankGroup::connect(place, c10::Device(c10::kCPU), {{"test", 1}},
                                                      std::chrono::seconds(120));
            work(r, group);
        } catch (const std::exception& error) {
            failures[r] = error.what();
        }
    };
    std::thread other(rank, 1);
    rank(0);
    other.join();
    QVERIFY2(failures[0].empty(), failures[0].c_str());
    QVERIFY2(failures[1].empty(), failures[1].c_str());
}

i3::ModelConfig small_model()
{
    i3::ModelConfig config = i3::ModelConfig::preset("tiny");
    config.vocab_size = 97;
    config.max_seq_len = 16;
    return config;
}

// Inputs and targets of one rank's batch, different for each rank.
std::pair<at::Tensor, at::Tensor> batch_of_rank(int rank, int64_t vocab, int64_t context)
{
    const at::Tensor tokens = torch::arange(3 * (context + 1), torch::kLong).reshape({3, context + 1}) * (7 + rank) % vocab;
    return {tokens.narrow(1, 0, context), tokens.narrow(1, 1, context)};
}

} // namespace

class TestDistributed : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString data_;
    QString alone_; // one process at batch 4: what the ranks must reproduce

    QStringList run_args(const QString& out, int batch, int steps = 30) const
    {
        return {"train",      "--preset", "tiny",       "--data",        data_,       "--steps",
                QString::number(steps),   "--batch",    QString::number(batch), "--log-every", "1",
                "--eval-every", "15",     "--checkpoint-every", "15", "--sample-tokens", "5", "--out", out};
    }

private Q_SLOTS:
    void initTestCase()
    {
        data_ = dir_.filePath("stories.txt");
        write_file(data_, stories());
        alone_ = dir_.filePath("alone");
        const auto result = i3test::run_cli(run_args(alone_, 4), kProcessTimeoutMs);
        QVERIFY2(result.exit_code == 0, result.err.constData());
        QCOMPARE(train_lines(alone_).size(), 30);
    }

    // Each rank's rows are exactly its share of the windows one process draws at ranks x batch:
    // the starts that process's random numbers give, read here by a plain loop.
    void eachRankReadsItsShareOfTheWindows()
    {
        const int64_t context = 5, batch = 2, ranks = 3, count = 200;
        std::vector<int32_t> ids(count);
        for (int64_t i = 0; i < count; ++i)
            ids[static_cast<size_t>(i)] = static_cast<int32_t>((i * 37) % 101);
        i3::TokenCorpus corpus(101);
        corpus.append(ids);
        std::vector<std::unique_ptr<i3::BatchSampler>> samplers;
        for (int r = 0; r < ranks; ++r)
            samplers.push_back(std::make_unique<i3::BatchSampler>(corpus, context, batch, 9, c10::Device(c10::kCPU),
                                                                  i3::SamplerShare{r, static_cast<int>(ranks)}));
        std::mt19937_64 rng(9);
        for (int step = 0; step < 4; ++step) {
            for (int r = 0; r < ranks; ++r) {
                const i3::Batch rows = samplers[static_cast<size_t>(r)]->next();
                QCOMPARE(rows.inputs.size(0), batch);
                // Rank r's draws come after the lower ranks' in this batch.
                std::mt19937_64 drawn = rng;
                for (int64_t skip = 0; skip < r * batch; ++skip)
                    i3::uniform_below(drawn, static_cast<uint64_t>(count - context - 1));
                for (int64_t row = 0; row < batch; ++row) {
                    const auto start = static_cast<int64_t>(i3::uniform_below(drawn, static_cast<uint64_t>(count - context - 1)));
                    for (int64_t t = 0; t < context; ++t) {
                        QCOMPARE(rows.inputs[row][t].item<int64_t>(), static_cast<int64_t>(ids[static_cast<size_t>(start + t)]));
                        QCOMPARE(rows.targets[row][t].item<int64_t>(), static_cast<int64_t>(ids[static_cast<size_t>(start + t + 1)]));
                    }
                }
            }
            for (int64_t skip = 0; skip < ranks * batch; ++skip)
                i3::uniform_below(rng, static_cast<uint64_t>(count - context - 1));
            // One random state for every rank: a checkpoint's serves any number of ranks.
            for (const auto& sampler : samplers)
                QCOMPARE(sampler->state(), samplers.front()->state());
        }
        QVERIFY(!i3test::error_of([&] { i3::BatchSampler(corpus, context, batch, 9, c10::Device(c10::kCPU), {3, 3}); }).empty());
    }

    // After the backward pass the gradients are the mean of the two ranks' own, in every bucket
    // (the buckets made small), with activations kept or recomputed; rank 0's weights reach rank 1.
    void gradientsBecomeTheRanksMean()
    {
        for (const bool checkpointed : {false, true}) {
            const i3::ModelConfig config = small_model();
            // Each rank's own gradients, in double precision, from the same weights.
            torch::manual_seed(3);
            i3::I3Model reference(config);
            reference->set_activation_checkpointing(checkpointed);
            std::vector<at::Tensor> expected;
            for (int r = 0; r < 2; ++r) {
                reference->zero_grad();
                const auto [inputs, targets] = batch_of_rank(r, config.vocab_size, config.max_seq_len);
                reference->loss(inputs, targets).backward();
                const auto params = reference->parameters();
                for (size_t i = 0; i < params.size(); ++i) {
                    const at::Tensor grad = params[i].grad().to(torch::kDouble) / 2;
                    if (r == 0)
                        expected.push_back(grad);
                    else
                        expected[i] += grad;
                }
            }
            const auto weights = reference->parameters();
            size_t buckets = 0;
            on_two_ranks([&](int r, const std::shared_ptr<i3::RankGroup>& group) {
                i3::I3Model model(config); // on rank 1, other random weights until rank 0's arrive
                model->set_activation_checkpointing(checkpointed);
                if (r == 0) {
                    const torch::NoGradGuard no_grad;
                    for (size_t i = 0; i < weights.size(); ++i)
                        model->parameters()[i].copy_(weights[i]);
                }
                i3::GradientAverager averager(model->parameters(), group, /*bucket_bytes=*/16 << 10);
                averager.broadcast_parameters();
                const auto [inputs, targets] = batch_of_rank(r, config.vocab_size, config.max_seq_len);
                averager.expect_gradients();
                model->loss(inputs, targets).backward();
                averager.finish();
                const auto params = model->parameters();
                for (size_t i = 0; i < params.size(); ++i) {
                    if (!params[i].equal(weights[i]))
                        throw std::runtime_error("rank " + std::to_string(r) + " lacks rank 0's weights");
                    const double error = (params[i].grad().to(torch::kDouble) - expected[i]).abs().max().item<double>();
                    if (error > 1e-6 * (1 + expected[i].abs().max().item<double>()))
                        throw std::runtime_error("parameter " + std::to_string(i) + " on rank " + std::to_string(r) +
                                                 ": off by " + std::to_string(error));
                }
                if (r == 0)
                    buckets = averager.bucket_count();
            });
            QVERIFY2(buckets > 3, "the test needs several buckets");
        }
    }

    // 2 ranks at batch 2 train as one process at batch 4 with the same seed; rank 0 alone
    // writes the folder, and run.json says on what it trained.
    void twoRanksTrainAsOneProcess()
    {
        const QString run = dir_.filePath("two");
        const auto result = i3test::run_cli(run_args(run, 2) << "--nproc-per-node" << "2", kProcessTimeoutMs);
        QVERIFY2(result.exit_code == 0, result.err.constData());
        const auto lines = train_lines(run);
        expect_same_steps(lines, train_lines(alone_));
        QVERIFY(std::all_of(lines.begin(), lines.end(), [](const TrainLine& line) { return line.has_rank_speeds; }));
        QVERIFY(result.out.contains("sequences per step on 2 ranks (gloo, 2 per rank)"));
        QCOMPARE(result.out.count("step 30/30"), 1); // one rank prints
        QCOMPARE(read_file(run + "/samples.jsonl"), read_file(alone_ + "/samples.jsonl"));
        const QJsonObject info = run_info(run);
        QCOMPARE(info.value("world_size").toInt(), 2);
        QCOMPARE(info.value("backend").toString(), QString("gloo"));
        QCOMPARE(info.value("training").toObject().value("batch_size").toInt(), 2);
        QCOMPARE(info.value("status").toString(), QString("finished"));
        QCOMPARE(run_info(alone_).value("world_size").toInt(), 1);
        QVERIFY(!run_info(alone_).contains("backend"));
    }

    // Stopped with Ctrl-C on 2 ranks (both stop after the same step, rank 0 saves), the run
    // continues on one process at batch 4 exactly as the uninterrupted one went.
    void twoRankRunContinuesOnOne()
    {
        const QString run = dir_.filePath("stopped");
        const TwoRanks ranks = start_two_ranks(run_args(run, 2), "step 5/");
        QProcess& launcher = *ranks.launcher;
        QVERIFY2(ranks.out.contains("step 5/"), ranks.out.constData());
        // Both ranks held still while Ctrl-C reaches them, so that they stop well before the
        // end however fast they train.
        const qint64 first = ranks.rank(0), second = ranks.rank(1);
        QVERIFY(first > 0 && second > 0);
        ::kill(static_cast<pid_t>(first), SIGSTOP);
        ::kill(static_cast<pid_t>(second), SIGSTOP);
        ::kill(static_cast<pid_t>(launcher.processId()), SIGINT);
        QTRY_VERIFY_WITH_TIMEOUT(interrupt_waits(first) && interrupt_waits(second), 60000);
        ::kill(static_cast<pid_t>(first), SIGCONT);
        ::kill(static_cast<pid_t>(second), SIGCONT);
        QVERIFY(launcher.waitForFinished(kProcessTimeoutMs));
        const QByteArray all = ranks.out + launcher.readAllStandardOutput();
        QCOMPARE(launcher.exitCode(), 130);
        QVERIFY2(all.contains("continue with: i3lm train --resume"), all.constData());
        const int stopped_at = train_lines(run).size();
        QVERIFY2(stopped_at >= 5 && stopped_at < 30, qPrintable(QString::number(stopped_at)));

        const auto resumed = i3test::run_cli({"train", "--resume", run}, kProcessTimeoutMs);
        QVERIFY2(resumed.exit_code == 0, resumed.err.constData());
        QVERIFY2(resumed.err.contains("on 1 rank(s) each takes batch 4"), resumed.err.constData());
        expect_same_steps(train_lines(run), train_lines(alone_));
        QCOMPARE(run_info(run).value("world_size").toInt(), 1);
        QCOMPARE(run_info(run).value("training").toObject().value("batch_size").toInt(), 4);
        // 4 sequences per micro-batch cannot be shared by 3 ranks.
        const auto refused = i3test::run_cli({"train", "--resume", run, "--steps", "40", "--nproc-per-node", "3"});
        QVERIFY2(refused.err.contains("3 ranks cannot share evenly"), refused.err.constData());
    }

    // A rank killed mid-run: the other notices at its next collective and stops with a message;
    // the launcher says which rank ended how; the last checkpoint loads.
    void killedRankStopsTheOther()
    {
        const QString run = dir_.filePath("killed");
        QByteArray err;
        signal_rank_one(run_args(run, 2, 100000) << "--rank-timeout" << "60", "checkpoint:", SIGKILL, err);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(err.contains("(rank 0 of 2): error: another rank is gone"), err.constData());
        QVERIFY2(err.contains("rank 1 ended with signal 9"), err.constData());
        QVERIFY2(err.contains("rank 0 ended with exit code 1"), err.constData());
        QCOMPARE(run_info(run).value("status").toString(), QString("failed"));
        const QString latest = QString::fromUtf8(read_file(run + "/checkpoints/latest")).trimmed();
        QVERIFY(latest.startsWith("step-"));
        const int saved = latest.mid(5).toInt();
        const auto resumed = i3test::run_cli({"train", "--resume", run, "--steps", QString::number(saved + 2)});
        QVERIFY2(resumed.exit_code == 0, resumed.err.constData());
        QVERIFY2(resumed.out.contains(QString("resuming after step %1").arg(saved).toUtf8()), resumed.out.constData());
    }

    // A rank that hangs (stopped by SIGSTOP): the other gives up after --rank-timeout and says
    // so; the launcher then ends the hanging one.
    void hangingRankTimesOut()
    {
        QByteArray err;
        signal_rank_one(run_args(dir_.filePath("hung"), 2, 100000) << "--rank-timeout" << "20", "step 3/", SIGSTOP, err);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(err.contains("(rank 0 of 2): error: no answer from the other ranks within 20 s"), err.constData());
        QVERIFY2(err.contains("rank 1 did not stop within 20 s of the failure and was ended"), err.constData());
    }

    // bench train --nproc-per-node: one process, then 2 ranks, and their ratio.
    void benchmarkSaysTheScalingEfficiency()
    {
        const auto result = i3test::run_cli({"bench", "train", "--preset", "tiny", "--device", "cpu", "--batch", "2",
                                             "--steps", "2", "--nproc-per-node", "2", "--json"},
                                            kProcessTimeoutMs);
        QVERIFY2(result.exit_code == 0, result.err.constData());
        const QJsonObject figures = QJsonDocument::fromJson(result.out.trimmed()).object();
        QCOMPARE(figures.value("ranks").toInt(), 2);
        QCOMPARE(figures.value("backend").toString(), QString("gloo"));
        QCOMPARE(figures.value("cuda_graph").toBool(), false);
        const double together = figures.value("tokens_per_second").toDouble();
        const double alone = figures.value("one_process_tokens_per_second").toDouble();
        QVERIFY(together > 0 && alone > 0);
        // Every step: 2 ranks x batch 2 x context 64 tokens.
        QCOMPARE(std::round(together * figures.value("step_seconds").toDouble()), 256.0);
        QVERIFY(std::abs(figures.value("scaling_efficiency").toDouble() - together / (2 * alone)) < 1e-12);
    }

    void startingProblemsAreSaidPlainly()
    {
        const Listener taken;
        QVERIFY(taken.port() > 0);
        const auto in_use = i3test::run_cli(run_args(dir_.filePath("in-use"), 2) << "--nproc-per-node" << "2"
                                                                                 << "--master-port" << QString::number(taken.port()));
        QCOMPARE(in_use.exit_code, 1);
        QVERIFY2(in_use.err.contains(QString("port %1 is in use on this machine").arg(taken.port()).toUtf8()), in_use.err.constData());
        QVERIFY(!QFileInfo::exists(dir_.filePath("in-use")));

        const int nobody = closed_port();
        const auto unreachable =
            i3test::run_in(rank_environment(1, nobody), i3test::cli(),
                           run_args(dir_.filePath("unreachable"), 2) << "--rank-timeout" << "2");
        QCOMPARE(unreachable.exit_code, 1);
        QVERIFY2(unreachable.err.contains(QString("no answer from the master at 127.0.0.1:%1 within 2 s").arg(nobody).toUtf8()),
                 unreachable.err.constData());

        // Two ranks started by hand, with different batches: each says what differs.
        const int port = closed_port();
        QProcess first;
        i3test::end_with_this_process(first);
        first.setProcessEnvironment(rank_environment(0, port));
        first.start(i3test::cli(), run_args(dir_.filePath("mismatched"), 2) << "--rank-timeout" << "120");
        QVERIFY(first.waitForStarted());
        const auto second = i3test::run_in(rank_environment(1, port), i3test::cli(),
                                           run_args(dir_.filePath("mismatched"), 3) << "--rank-timeout" << "120");
        QVERIFY(first.waitForFinished(kProcessTimeoutMs));
        const QByteArray first_err = first.readAllStandardError();
        for (const QByteArray& err : {first_err, second.err}) {
            QVERIFY2(err.contains("rank 1 was started differently from rank 0"), err.constData());
            QVERIFY2(err.contains("\"--batch\",\"2\"") && err.contains("\"--batch\",\"3\""), err.constData());
        }
        QCOMPARE(first.exitCode(), 1);
        QCOMPARE(second.exit_code, 1);
        QVERIFY(!QFileInfo::exists(dir_.filePath("mismatched")));
    }
};

QTEST_GUILESS_MAIN(TestDistributed)
#include "test_distributed.moc"
