// SPDX-License-Identifier: GPL-3.0-or-later
// The battery of bad inputs and faults, against the real `i3lm`: damaged and hostile files made
// here (truncations at every byte, lying headers, nesting bombs, a zip bomb, devices given as
// files), impossible sizes, non-finite flags, signals during evaluation samples, generation and
// checkpoint writes, kill -9, a full disk (a small tmpfs, when this runs as root), two trainers on
// one folder and a standard output that cannot be written. Each case checks the exit code, the
// message's key words and, where something was saved, that it did not change.
#include "test_support.h"

#include "base/error.h"
#include "formats/pytorch_bin.h"
#include "formats/safetensors.h"
#include "config/model_config.h"
#include "text/chunk_tokenizer.h"

#include <QtTest>

#include <torch/torch.h>

#include <csignal>
#include <map>
#include <sys/types.h>
#include <unistd.h>

namespace {

using i3test::ProcessResult;

using i3test::read_file;
using i3test::stories;
using i3test::write_file;

// Every file under `folder` (its relative path) with its bytes: "nothing saved changed" compares two.
std::map<QString, QByteArray> snapshot(const QString& folder)
{
    std::map<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (QFileInfo(path).fileName() != ".lock") // who trained it last, not what was saved
            files[QDir(folder).relativeFilePath(path)] = read_file(path);
    }
    return files;
}

QString copy_folder(const QString& from, const QString& to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + "/" + QDir(from).relativeFilePath(path);
        QDir().mkpath(QFileInfo(target).path());
        QFile::copy(path, target);
    }
    return to;
}

// Counts the cases, for the summary line at the end: runs of the real i3lm, and damaged files
// read in-process.
int g_cases = 0;
int g_prefixes = 0;

void expect(const ProcessResult& result, int code, const QStringList& words, const QString& what)
{
    ++g_cases;
    const QString said = QString::fromUtf8(result.err);
    QVERIFY2(!result.crashed, qPrintable(what + " crashed; it said: " + said));
    QVERIFY2(result.exit_code == code,
             qPrintable(what + ": exit code " + QString::number(result.exit_code) + ", expected " +
                        QString::number(code) + "; it said: " + said));
    for (const QString& word : words)
        QVERIFY2(said.contains(word, Qt::CaseInsensitive), qPrintable(what + ": no \"" + word + "\" in: " + said));
}

void expect_cli(const QStringList& args, int code, const QStringList& words)
{
    expect(i3test::run_cli(args), code, words, args.join(' '));
}

// JSON nested `depth` levels deep inside an object, as a hostile file would be.
QByteArray nesting_bomb(int depth)
{
    return "{\"a\": " + QByteArray(depth, '[') + QByteArray(depth, ']') + "}";
}

// A small tmpfs at `folder` for as long as this lives, where the tests may mount one (as root).
class Tmpfs {
public:
    Tmpfs(const QString& folder, const QString& size) : folder_(folder)
    {
        QDir().mkpath(folder);
        mounted_ = ::geteuid() == 0 &&
                   i3test::run("mount", {"-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder}).exit_code == 0;
    }
    ~Tmpfs()
    {
        if (mounted_)
            i3test::run("umount", {folder_});
    }
    bool mounted() const { return mounted_; }

private:
    QString folder_;
    bool mounted_ = false;
};

// A started `i3lm` whose output is read as it comes, for the cases that signal it midway.
class LiveCli {
public:
    explicit LiveCli(const QStringList& args)
    {
        i3test::end_with_this_process(process_);
        process_.start(i3test::cli(), args);
        process_.waitForStarted();
    }
    ~LiveCli()
    {
        if (process_.state() != QProcess::NotRunning) {
            process_.kill();
            process_.waitForFinished();
        }
    }

    // Waits until stdout or stderr holds `text` (or the process ends); true when it does.
    bool waitFor(const QByteArray& text)
    {
        while (!out_.contains(text) && !err_.contains(text) && process_.state() == QProcess::Running) {
            process_.waitForReadyRead(1000);
            readAll();
        }
        readAll();
        return out_.contains(text) || err_.contains(text);
    }
    // Only while it runs: kill(0, ...) would signal this whole process group, test runner and all.
    void signal(int number)
    {
        const auto pid = static_cast<pid_t>(process_.processId());
        QVERIFY2(pid > 0 && process_.state() == QProcess::Running, "the process ended before it could be signalled");
        ::kill(pid, number);
    }
    void write(const QByteArray& bytes) { process_.write(bytes); }
    ProcessResult finish()
    {
        process_.waitForFinished(600000);
        readAll();
        ProcessResult result;
        result.crashed = process_.exitStatus() == QProcess::CrashExit;
        result.exit_code = process_.exitCode();
        result.out = out_;
        result.err = err_;
        return result;
    }
    QProcess& process() { return process_; }

private:
    void readAll()
    {
        out_ += process_.readAllStandardOutput();
        err_ += process_.readAllStandardError();
    }
    QProcess process_;
    QByteArray out_, err_;
};

} // namespace

class TestFaults : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString stories_;
    QString run_;   // a finished run with checkpoints at steps 2 and 4
    QString model_; // its exported model folder

    QString path(const QString& name) const { return dir_.filePath(name); }

    QStringList tinyTraining(const QString& out, int steps) const
    {
        return {"train", "--preset", "tiny", "--steps", QString::number(steps), "--data", stories_, "--out", out};
    }

    QString modelWith(const QString& name, const QString& file, const QByteArray& bytes)
    {
        const QString folder = copy_folder(model_, path(name));
        write_file(folder + "/" + file, bytes);
        return folder;
    }

private Q_SLOTS:
    void initTestCase()
    {
        stories_ = path("stories.txt");
        write_file(stories_, stories());
        run_ = path("run");
        const auto trained = i3test::run_cli(tinyTraining(run_, 4) + QStringList{"--checkpoint-every", "2",
                                                                                "--keep-checkpoints", "0"});
        QVERIFY2(trained.exit_code == 0, trained.err.constData());
        model_ = run_ + "/i3-model-artifacts";
    }

    // ---- damaged and hostile files ----

    // Every prefix of each small file the engine reads is refused with an error naming the file;
    // none crashes (in-process: a process per byte would take minutes).
    void truncationsAtEveryByteAreErrors()
    {
        const std::string dir = path("cut").toStdString();
        QDir().mkpath(path("cut"));
        const i3::NamedTensors tensors = {{"a", torch::arange(6, torch::kFloat).reshape({2, 3})},
                                          {"b", torch::ones({4}, torch::kFloat)}};
        i3::write_safetensors(dir + "/small.safetensors", tensors);
        i3::write_pytorch_bin(dir + "/small.bin", tensors);
        const std::map<QString, std::function<void(const std::string&)>> readers = {
            {"small.safetensors", [](const std::string& file) { i3::read_safetensors(file); }},
            {"small.bin", [](const std::string& file) { i3::read_pytorch_bin(file); }},
            {"tokenizer.json", [](const std::string& file) { i3::ChunkTokenizer::load(file); }},
            {"config.json", [](const std::string& file) { i3::read_model_config(file); }},
        };
        for (const auto& [name, reader] : readers) {
            const QString source = name.startsWith("small") ? path("cut/" + name) : model_ + "/" + name;
            const QByteArray whole = read_file(source);
            QVERIFY(!whole.isEmpty());
            const std::string cut = dir + "/cut-" + name.toStdString();
            int refused = 0;
            for (int length = 0; length < whole.size(); ++length) {
                write_file(QString::fromStdString(cut), whole.left(length));
                try {
                    reader(cut);
                } catch (const i3::Error& error) {
                    QVERIFY2(QString(error.what()).contains(QString::fromStdString(cut)) ||
                                 QString(error.what()).contains("cut-" + name),
                             error.what());
                    ++refused;
                }
            }
            // A JSON file cut after its closing brace but before the newline is still whole.
            QVERIFY2(refused >= whole.size() - 1, qPrintable(name + ": " + QString::number(refused) + " of " +
                                                             QString::number(whole.size()) + " prefixes refused"));
            g_prefixes += whole.size();
        }
    }

    // Through the command line: a model folder whose safetensors file is cut short falls back to
    // the pytorch_model.bin beside it and says so; with both damaged, both are named.
    void damagedWeightsFallBackToTheIntactFile()
    {
        const QByteArray weights = read_file(model_ + "/model.safetensors");
        for (const int length : {0, 7, 8, 100, int(weights.size() / 2), int(weights.size() - 1)}) {
            const QString folder = modelWith("cut-weights", "model.safetensors", weights.left(length));
            const auto result =
                i3test::run_cli({"generate", "--model_dir", folder, "--prompt", "once", "--length", "3", "--seed", "1"});
            expect(result, 0, {"model.safetensors", "using pytorch_model.bin"}, "safetensors cut at " + QString::number(length));
        }
        const QString both = modelWith("both-damaged", "model.safetensors", weights.left(50));
        write_file(both + "/pytorch_model.bin", "PK\x03\x04 not really");
        expect_cli({"generate", "--model_dir", both, "--prompt", "once"}, 1,
                   {"no readable weights", "model.safetensors", "pytorch_model.bin"});
    }

    void nestingBombsAreRefused()
    {
        const QByteArray bomb = nesting_bomb(100000);
        expect_cli({"generate", "--model_dir", modelWith("deep-config", "config.json", bomb), "--prompt", "a"}, 1,
                   {"config.json", "nested more than"});
        expect_cli({"generate", "--model_dir", modelWith("deep-tokenizer", "tokenizer.json", bomb), "--prompt", "a"}, 1,
                   {"tokenizer.json", "nested more than"});
        QByteArray header = nesting_bomb(100000);
        QByteArray safetensors(8, '\0');
        qToLittleEndian<quint64>(quint64(header.size()), safetensors.data());
        expect_cli({"generate", "--model_dir",
                    modelWith("deep-header", "model.safetensors", safetensors + header), "--prompt", "a"},
                   0, {"nests JSON more than", "using pytorch_model.bin"});
        write_file(path("deep.jsonl"), "{\"text\": \"fine\"}\n" + bomb + "\n");
        expect_cli(tinyTraining(path("deep-run"), 2) + QStringList{"--data", path("deep.jsonl")}, 1,
                   {"deep.jsonl", "line 2", "nested more than"});
        QVERIFY(!QFileInfo::exists(path("deep-run")));
    }

    // Headers that claim more than the file holds.
    void lyingHeadersAreRefused()
    {
        QByteArray huge(8, '\0');
        qToLittleEndian<quint64>(quint64(1) << 60, huge.data());
        QByteArray lying = QByteArray(R"({"w": {"dtype": "F32", "shape": [1000000000], "data_offsets": [0, 4000000000]}})");
        QByteArray lengthed(8, '\0');
        qToLittleEndian<quint64>(quint64(lying.size()), lengthed.data());
        const QString folder = copy_folder(model_, path("lying"));
        for (const QByteArray& bytes : {huge + "{}", lengthed + lying}) {
            write_file(folder + "/model.safetensors", bytes);
            QFile::remove(folder + "/pytorch_model.bin");
            expect_cli({"generate", "--model_dir", folder, "--prompt", "a"}, 1, {"model.safetensors"});
        }
    }

    // A 64 MiB record deflated to a few hundred KiB: refused before anything is unpacked.
    void zipBombIsRefusedBeforeUnpacking()
    {
        const QString bomb = path("bomb.bin");
        const auto made = i3test::run(i3test::python(),
                                      {"-c", "import sys, zipfile\n"
                                             "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n"
                                             "    z.writestr('archive/data.pkl', b'\\x80\\x02}q\\x00.')\n"
                                             "    z.writestr('archive/data/0', bytes(64 << 20))\n",
                                       bomb});
        QVERIFY2(made.exit_code == 0, made.err.constData());
        QVERIFY(QFileInfo(bomb).size() < 1 << 20);
        expect_cli({"convert", bomb, path("bomb.safetensors")}, 1, {"bomb.bin", "compressed", "not written by"});
        QVERIFY(!QFileInfo::exists(path("bomb.safetensors")));
    }

    void foldersAndDevicesGivenAsFiles()
    {
        expect_cli({"tokenizer", "encode", "--tokenizer", model_ + "/tokenizer.json", dir_.path()}, 1, {"is a folder"});
        expect_cli({"eval", "--model_dir", model_, dir_.path()}, 1, {"is a folder"});
        QVERIFY(QFile::link("/dev/zero", path("zero.txt")));
        expect_cli(tinyTraining(path("zero-run"), 2) + QStringList{"--data", path("zero.txt")}, 1,
                   {"zero.txt", "not a regular file"});
        expect_cli({"tokenizer", "encode", "--tokenizer", "/dev/zero", stories_}, 1, {"/dev/zero", "not a regular file"});
        QVERIFY(QFile::link("/dev/zero", path("zero.parquet")));
        expect_cli({"tokenizer", "build", "--data", path("zero.parquet"), "--out", path("zero-tokenizer.json")}, 1,
                   {"zero.parquet", "not a regular file"});
    }

    void nonFiniteWeightsAreReported()
    {
        const QString folder = copy_folder(model_, path("nan-model"));
        i3::NamedTensors tensors = i3::read_safetensors((folder + "/model.safetensors").toStdString());
        tensors.front().second.view(-1)[0] = std::numeric_limits<float>::quiet_NaN();
        i3::write_safetensors((folder + "/model.safetensors").toStdString(), tensors);
        expect_cli({"generate", "--model_dir", folder, "--prompt", "once", "--length", "2"}, 0, {"NaN or infinite"});
    }

    // ---- sizes and settings ----

    void impossibleSizesAreRefusedBeforeAllocating()
    {
        expect_cli(tinyTraining(path("wide"), 2) + QStringList{"--d-model", "1000000000"}, 2, {"d_model must be between"});
        expect_cli(tinyTraining(path("layers"), 2) + QStringList{"--hybrid-layers", "1000000000"}, 2, {"hybrid layers"});
        expect_cli(tinyTraining(path("vast"), 2) + QStringList{"--d-model", "65536", "--hybrid-layers", "4096"}, 1,
                   {"needs about", "of memory is available"});
        expect_cli(tinyTraining(path("batch"), 2) + QStringList{"--batch", "16000000"}, 1, {"batch 16000000", "needs about"});
        QVERIFY(!QFileInfo::exists(path("vast")));
        QVERIFY(!QFileInfo::exists(path("batch")));
        // A model folder whose config.json asks for a model far beyond the machine.
        QByteArray config = read_file(model_ + "/config.json");
        config.replace("\"d_model\": 64", "\"d_model\": 65536").replace("\"conv_layers\": 2", "\"conv_layers\": 4096");
        expect_cli({"generate", "--model_dir", modelWith("vast-config", "config.json", config), "--prompt", "a"}, 1,
                   {"needs about"});
    }

    void settingsThatCannotRoundTripAreRefused()
    {
        for (const QString& flag : {"--clip", "--lr", "--weight-decay"})
            for (const QString& value : {"inf", "nan", "-inf"})
                expect_cli(tinyTraining(path("nonfinite"), 2) + QStringList{flag, value}, 2, {"finite"});
        expect_cli(tinyTraining(path("shape"), 2) + QStringList{"--d-model", "7", "--heads", "2"}, 2, {"divisible"});
        for (const QStringList& command :
             {tinyTraining(path("samples"), 2), QStringList{"tokenizer", "build", "--data", stories_, "--out", path("t.json")}})
            expect_cli(command + QStringList{"--max-samples", "-1"}, 2, {"--max-samples must be positive"});
        QVERIFY(!QFileInfo::exists(path("nonfinite")));
    }

    // ---- output that cannot be written ----

    void fullStandardOutputIsAnError()
    {
        const QList<QStringList> commands = {
            {"tokenizer", "encode", "--tokenizer", model_ + "/tokenizer.json", stories_},
            {"info"},
            {"generate", "--model_dir", model_, "--prompt", "once", "--length", "4"},
            {"generate", "--model_dir", model_, "--prompt", "once", "--length", "4", "--stream"},
        };
        for (const QStringList& args : commands) {
            QProcess process;
            i3test::end_with_this_process(process);
            process.setStandardOutputFile("/dev/full");
            process.start(i3test::cli(), args);
            QVERIFY(process.waitForFinished(600000));
            ProcessResult result;
            result.exit_code = process.exitCode();
            result.crashed = process.exitStatus() == QProcess::CrashExit;
            result.err = process.readAllStandardError();
            expect(result, 1, {"could not write the output"}, args.join(' ') + " > /dev/full");
        }
    }

    // ---- signals ----

    // SIGTERM during an evaluation's sample (ten million tokens: hours if it ran on) stops it, saves
    // the step, and exits 143; the run resumes from there.
    void signalStopsALongEvaluationSample()
    {
        const QString run = path("long-sample");
        LiveCli train(tinyTraining(run, 1000) + QStringList{"--eval-every", "2", "--sample-tokens", "10000000",
                                                           "--log-every", "1", "--sample-prompts", "once"});
        QVERIFY(train.waitFor("eval at step 2"));
        train.signal(SIGTERM);
        expect(train.finish(), 143, {}, "SIGTERM during a sample");
        QVERIFY(QFileInfo::exists(run + "/checkpoints/step-0000002/model.safetensors"));
        QVERIFY(read_file(run + "/run.json").contains("\"stopped\""));
        expect_cli({"train", "--resume", run, "--steps", "2"}, 0, {});
        QVERIFY(QFileInfo::exists(run + "/i3-model-artifacts/model.safetensors"));
    }

    // Generation stops within a token of Ctrl-C, keeps what it made, and exits 130.
    void interruptStopsGeneration()
    {
        LiveCli generate({"generate", "--model_dir", model_, "--prompt", "once", "--length", "100000000", "--stream"});
        QVERIFY(generate.waitFor("once"));
        generate.signal(SIGINT);
        const ProcessResult result = generate.finish();
        expect(result, 130, {"new tokens"}, "Ctrl-C during generation");
        QVERIFY(result.out.startsWith("once"));
    }

    // A second Ctrl-C ends the process at once, even where the first one is still being honoured
    // (the interactive loop, waiting for input, ends only when the line is read).
    void secondInterruptStopsAtOnce()
    {
        LiveCli generate({"generate", "--model_dir", model_});
        QVERIFY(generate.waitFor("> "));
        generate.signal(SIGINT);
        QVERIFY(generate.waitFor("press Ctrl-C again"));
        generate.signal(SIGINT);
        const ProcessResult result = generate.finish();
        ++g_cases;
        QVERIFY(result.crashed); // ended by the signal itself
        QCOMPARE(generate.process().exitCode(), SIGINT);
    }

    // kill -9 at checkpoints: whichever moment it lands, the run resumes, and its final weights
    // equal those of a run that was never interrupted.
    void killAtCheckpointWritesLosesNothing()
    {
        const QStringList recipe = {"--checkpoint-every", "1", "--eval-every", "3", "--log-every", "1", "--seed", "7"};
        // Long enough that no session ends on its own before its kill arrives.
        const int steps = 60;
        const QString straight = path("straight");
        expect_cli(tinyTraining(straight, steps) + recipe, 0, {});
        const QString killed = path("killed");
        for (int round = 1; round <= 3; ++round) {
            const QStringList args =
                round == 1 ? tinyTraining(killed, steps) + recipe : QStringList{"train", "--resume", killed};
            LiveCli train(args);
            // After the n-th checkpoint line of this session: mid-way through the next one's save.
            QVERIFY(train.waitFor("checkpoint: "));
            train.signal(SIGKILL);
            train.finish();
        }
        expect_cli({"train", "--resume", killed}, 0, {});
        QCOMPARE(read_file(killed + "/i3-model-artifacts/model.safetensors"),
                 read_file(straight + "/i3-model-artifacts/model.safetensors"));
    }

    // ---- runs ----

    void runKilledBeforeItsFirstCheckpointStartsAgain()
    {
        const QString run = path("early");
        LiveCli train(tinyTraining(run, 100000) + QStringList{"--checkpoint-every", "100000", "--log-every", "1"});
        QVERIFY(train.waitFor("step 2/"));
        train.signal(SIGKILL);
        train.finish();
        expect_cli({"train", "--resume", run, "--steps", "4"}, 0, {"before its first checkpoint", "from step 0"});
        QVERIFY(QFileInfo::exists(run + "/i3-model-artifacts/model.safetensors"));
    }

    void damagedLatestCheckpointFallsBackToTheOneBefore()
    {
        const QString run = copy_folder(run_, path("damaged-latest"));
        write_file(run + "/checkpoints/step-0000004/model.safetensors", "garbage");
        expect_cli({"train", "--resume", run, "--steps", "5"}, 0, {"step-0000004 is damaged", "resuming from step-0000002"});
        // Both damaged: a clear refusal, and nothing else is touched.
        const QString both = copy_folder(run_, path("damaged-both"));
        write_file(both + "/checkpoints/step-0000004/optimizer.pt", "garbage");
        write_file(both + "/checkpoints/step-0000002/trainer_state.json", "{");
        const auto before = snapshot(both);
        expect_cli({"train", "--resume", both, "--steps", "5"}, 1, {"no checkpoint", "could be loaded", "optimizer.pt"});
        QVERIFY(snapshot(both) == before);
    }

    // A metrics line cut by a crash is dropped on resume, and the steps after the checkpoint
    // resumed from are not logged twice.
    void tornMetricsLineIsRepairedOnResume()
    {
        const QString run = copy_folder(run_, path("torn"));
        write_file(run + "/checkpoints/latest", "step-0000002\n");
        QFile metrics(run + "/metrics.jsonl");
        QVERIFY(metrics.open(QIODevice::Append));
        metrics.write("{\"kind\": \"train\", \"step\": 5, \"lo");
        metrics.close();
        expect_cli({"train", "--resume", run, "--steps", "4"}, 0, {});
        QList<qint64> steps;
        for (const QByteArray& line : read_file(run + "/metrics.jsonl").split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonDocument json = QJsonDocument::fromJson(line);
            QVERIFY2(json.isObject(), line.constData());
            if (json["kind"] == "train")
                steps.append(json["step"].toInteger());
        }
        // The run logs every 10 steps and at its last: step 4 once, not once per session.
        QCOMPARE(steps, (QList<qint64>{4}));
    }

    void twoTrainersOnOneFolder()
    {
        const QString run = path("shared");
        LiveCli first(tinyTraining(run, 100000) + QStringList{"--log-every", "1"});
        QVERIFY(first.waitFor("step 1/"));
        const QString pid = QString::number(first.process().processId());
        expect_cli({"train", "--resume", run}, 1, {"is being trained by process " + pid});
        expect_cli(tinyTraining(run, 2), 1, {"already holds a run"});
        first.signal(SIGINT);
        expect(first.finish(), 130, {}, "the first trainer");
        expect_cli({"train", "--resume", run, "--steps", "1"}, 0, {}); // the lock went with the process
    }

    // A tmpfs of 3 MiB fills during a checkpoint: a clear message, the previous checkpoint and
    // run.json consistent, no torn metrics line, and the run resumes once there is room.
    void fullDiskDuringACheckpoint()
    {
        const QString mount = path("small-disk");
        const Tmpfs disk(mount, "3m");
        if (!disk.mounted())
            QSKIP("mounting a tmpfs needs root and a machine that allows it; the full-disk case is skipped");
        const QString run = mount + "/run";
        expect_cli(tinyTraining(run, 40) + QStringList{"--checkpoint-every", "2", "--keep-checkpoints", "0",
                                                       "--eval-every", "1000", "--log-every", "1"},
                   1, {"could not save checkpoint", "No space left on device", "the last checkpoint is intact"});
        const QByteArray latest = read_file(run + "/checkpoints/latest").trimmed();
        QVERIFY(!latest.isEmpty());
        QVERIFY(QFileInfo::exists(run + "/checkpoints/" + latest + "/trainer_state.json"));
        QVERIFY(read_file(run + "/run.json").contains("\"failed\""));
        QVERIFY(read_file(run + "/metrics.jsonl").endsWith('\n'));
        const QString moved = copy_folder(run, path("room-again"));
        expect_cli({"train", "--resume", moved, "--steps", "6"}, 0, {});
    }

    // A read-only filesystem (a tmpfs remounted read-only: root ignores file permissions, so a
    // chmod would prove nothing here): every write is refused by name, and the run saved there
    // is left as it was.
    void readOnlyFolders()
    {
        const QString mount = path("read-only");
        const Tmpfs disk(mount, "8m");
        if (!disk.mounted())
            QSKIP("mounting a tmpfs needs root and a machine that allows it; the read-only case is skipped");
        const QString run = copy_folder(run_, mount + "/run");
        QCOMPARE(i3test::run("mount", {"-o", "remount,ro", mount}).exit_code, 0);
        const auto before = snapshot(run);
        expect_cli(tinyTraining(mount + "/new-run", 2), 1, {"new-run", "Read-only file system"});
        expect_cli({"tokenizer", "build", "--data", stories_, "--out", mount + "/t.json"}, 1, {"t.json", "Read-only"});
        expect_cli({"train", "--resume", run, "--steps", "6"}, 1, {"run/.lock", "Read-only file system"});
        expect_cli({"convert", model_ + "/model.safetensors", mount + "/w.bin"}, 1, {"w.bin", "Read-only"});
        QVERIFY(snapshot(run) == before);
    }

    void evaluationShowsProgress()
    {
        const auto result = i3test::run_cli({"eval", "--model_dir", model_, stories_});
        expect(result, 0, {"evaluating:", "windows (100%)"}, "eval");
        QVERIFY(result.out.startsWith("loss "));
    }

    void cleanupTestCase()
    {
        qInfo("%d bad-input and fault cases through i3lm, %d damaged files read in-process", g_cases, g_prefixes);
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "test_faults.moc"
