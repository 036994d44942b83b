// SPDX-License-Identifier: GPL-3.0-or-later
// The `i3lm` command line as a user meets it: a short training run on files, then generate, eval,
// info, convert and the tokenizer commands; every kind of bad input gives a message and a
// non-zero exit code, never a crash; the habits of command-line tools (usage on stderr with
// exit 2, '--', '-' for the standard input, --top-k and --top_k alike); the workspace shared with
// the studio.
#include "test_support.h"

#include <QtTest>

#include <csignal>
#include <sys/types.h>

namespace {

using i3test::read_file;
using i3test::stories;
using i3test::write_file;

// Copies a model folder, so one file of it can be spoiled.
QString copy_model(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    for (const QString& name : QDir(from).entryList(QDir::Files))
        QFile::copy(from + "/" + name, to + "/" + name);
    return to;
}

void expect_failure(const QStringList& args, const QString& message_part, int code = 1)
{
    const auto result = i3test::run_cli(args);
    QVERIFY2(!result.crashed, qPrintable(args.join(' ')));
    QCOMPARE(result.exit_code, code);
    QVERIFY2(QString::fromUtf8(result.err).contains(message_part, Qt::CaseInsensitive),
             qPrintable(args.join(' ') + " said: " + QString::fromUtf8(result.err)));
}

// The shared libraries that the process started by `i3lm args` (and whatever it became through
// exec) initialised, as the dynamic loader reports them (LD_DEBUG=libs); the run must succeed.
QStringList initialised_libraries(const QStringList& args)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("LD_DEBUG", "libs");
    const auto result = i3test::run_in(environment, i3test::cli(), args);
    if (result.exit_code != 0)
        return {"failed: " + QString::fromUtf8(result.err)};
    QStringList libraries;
    for (const QString& line : QString::fromUtf8(result.err).split('\n')) {
        const qsizetype at = line.indexOf("calling init: ");
        if (at >= 0)
            libraries << line.mid(at + 14).trimmed();
    }
    return libraries;
}

bool names_libtorch(const QStringList& libraries)
{
    return !libraries.filter("libtorch").isEmpty();
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString model_;

private Q_SLOTS:
    void initTestCase()
    {
        write_file(dir_.filePath("stories.txt"), stories());
        const QString run = dir_.filePath("run");
        const auto result = i3test::run_cli({"train", "--preset", "tiny", "--steps", "30", "--data",
                                             dir_.filePath("stories.txt"), "--out", run, "--eval-every", "30",
                                             "--checkpoint-every", "30", "--lr", "3e-3", "--warmup", "5"});
        QVERIFY2(result.exit_code == 0, result.err.constData());
        QVERIFY(result.out.contains("step 10/30 | loss "));
        QVERIFY(result.out.contains("step 30/30"));
        model_ = run + "/i3-model-artifacts";
    }

    void helpForEveryCommand()
    {
        for (const QStringList& args : {QStringList{"--help"}, {"train", "--help"}, {"generate", "--help"},
                                        {"eval", "--help"}, {"tokenizer", "build", "--help"},
                                        {"tokenizer", "encode", "--help"}, {"convert", "--help"}, {"info", "--help"},
                                        {"bench", "--help"}}) {
            const auto result = i3test::run_cli(args);
            QCOMPARE(result.exit_code, 0);
            QVERIFY2(result.out.contains("usage: i3"), qPrintable(args.join(' ')));
        }
        expect_failure({"train", "--stepz", "3"}, "unknown option --stepz", 2);
        expect_failure({"frobnicate"}, "unknown command", 2);
        expect_failure({"train", "--steps", "many"}, "whole number", 2);
    }

    // Without a command: the usage is a mistake's message, on stderr, with the exit code of one.
    void usageOnStderrWithoutCommand()
    {
        for (const QStringList& args : {QStringList{}, QStringList{"tokenizer"}}) {
            const auto result = i3test::run_cli(args);
            QCOMPARE(result.exit_code, 2);
            QVERIFY(result.out.isEmpty());
            QVERIFY2(result.err.startsWith("usage: i3lm "), result.err.constData());
            QVERIFY(result.err.contains("\ncommands:\n"));
        }
        const auto help = i3test::run_cli({"--help"});
        QCOMPARE(help.exit_code, 0);
        QCOMPARE(help.out, i3test::run_cli({}).err);
        QVERIFY(help.out.contains("  export-tensorboard  "));
    }

    // Options are documented with '-' and accepted with '_' too, as the reference spells them.
    void bothOptionSpellings()
    {
        const QStringList common{"--prompt", "the cat", "--seed", "3", "--length", "12"};
        const auto dashed = i3test::run_cli(QStringList{"generate", "--model-dir", model_, "--top-k", "5", "--top-p", "0.9"} + common);
        QVERIFY2(dashed.exit_code == 0, dashed.err.constData());
        const auto underscored =
            i3test::run_cli(QStringList{"generate", "--model_dir", model_, "--top_k", "5", "--top_p", "0.9"} + common);
        QCOMPARE(underscored.exit_code, 0);
        QCOMPARE(underscored.out, dashed.out);
        QCOMPARE(i3test::run_cli(QStringList{"generate", "--model=" + model_, "--top_k=5", "--top-p=0.9"} + common).out,
                 dashed.out);
        // Another top-k draws another text: the option is read, not ignored.
        QVERIFY(i3test::run_cli(QStringList{"generate", "--model", model_, "--top-k", "1", "--top-p", "0.9"} + common).out !=
                dashed.out);
        const auto help = i3test::run_cli({"generate", "--help"});
        QVERIFY(help.out.contains("  --top-k K "));
        QVERIFY(!help.out.contains("--top_k"));
        QVERIFY(i3test::run_cli({"train", "--help"}).out.contains("  --max-samples N "));
        expect_failure({"generate", "--model", model_, "--model_dir", model_, "--prompt", "x"}, "not both", 2);
    }

    // "-" reads the standard input wherever a text file is read; "--" ends the options.
    void standardInputAndDoubleDash()
    {
        const QString stories = dir_.filePath("stories.txt");
        const auto fromFile = i3test::run_cli({"eval", "--model", model_, stories});
        QCOMPARE(fromFile.exit_code, 0);
        const auto fromInput = i3test::run_cli({"eval", "--model", model_, "-"}, 600000, read_file(stories));
        QVERIFY2(fromInput.exit_code == 0, fromInput.err.constData());
        QCOMPARE(fromInput.out, fromFile.out);

        const QString tokenizer = model_ + "/tokenizer.json";
        write_file(dir_.filePath("dog.txt"), "The dog");
        const auto encoded = i3test::run_cli({"tokenizer", "encode", "--tokenizer", tokenizer, dir_.filePath("dog.txt")});
        QCOMPARE(encoded.exit_code, 0);
        QCOMPARE(i3test::run_cli({"tokenizer", "encode", "--tokenizer", tokenizer, "-"}, 600000, "The dog").out,
                 encoded.out);
        expect_failure({"eval", "--model", model_, "-"}, "the standard input: too little text", 1);

        const QStringList prompts{"generate", "--model", model_, "--seed", "2", "--length", "6", "--prompts"};
        write_file(dir_.filePath("prompts.txt"), "once\nthe dog\n");
        const auto batch = i3test::run_cli(prompts + QStringList{dir_.filePath("prompts.txt")});
        QCOMPARE(batch.exit_code, 0);
        QCOMPARE(i3test::run_cli(prompts + QStringList{"-"}, 600000, "once\nthe dog\n").out, batch.out);
        expect_failure(prompts + QStringList{"-"}, "the standard input has no prompt");

        // After "--", "--help" is a file's name, and there is no such file.
        const auto dashed = i3test::run_cli({"eval", "--model", model_, "--", "--help"});
        QCOMPARE(dashed.exit_code, 1);
        QVERIFY(!dashed.out.contains("usage:"));
        QVERIFY2(dashed.err.contains("--help"), dashed.err.constData());
        const auto many = i3test::run_cli({"tokenizer", "build", "--data", stories, "--", "--out"});
        QCOMPARE(many.exit_code, 2);
        QVERIFY2(many.err.contains("--data and --out are required"), many.err.constData());

        // A data source's format is its extension's: the standard input cannot be one.
        expect_failure({"tokenizer", "build", "--data", "-", "--out", dir_.filePath("t.json")}, "save it to a file", 2);
        expect_failure({"train", "--preset", "tiny", "--data", "-", "--out", dir_.filePath("stdin-run")}, "save it to a file", 2);
    }

    void generateIsReproducible()
    {
        const QStringList args{"generate", "--model_dir", model_, "--prompt", "Once upon", "--seed", "5",
                               "--length", "20"};
        const auto first = i3test::run_cli(args);
        QVERIFY2(first.exit_code == 0, first.err.constData());
        QVERIFY(first.out.startsWith("once u")); // "upon" ends in a lone "n", not in this small vocabulary
        QCOMPARE(i3test::run_cli(args).out, first.out);
        const auto streamed = i3test::run_cli(args + QStringList{"--stream"});
        QCOMPARE(streamed.out, first.out);
    }

    void interactiveLoopEndsAtQuit()
    {
        const auto result = i3test::run_cli({"generate", "--model_dir", model_, "--length", "5", "--seed", "1"}, 600000,
                                            "once\nthe cat\nquit\nnever read\n");
        QCOMPARE(result.exit_code, 0);
        QCOMPARE(result.out.count('\n'), 2);
        QVERIFY(result.out.startsWith("once"));
    }

    void evalInfoAndConvert()
    {
        const auto eval = i3test::run_cli({"eval", "--model_dir", model_, dir_.filePath("stories.txt")});
        QVERIFY2(eval.exit_code == 0, eval.err.constData());
        const auto words = QString::fromUtf8(eval.out).trimmed().split(' ');
        QCOMPARE(words.size(), 6);
        QCOMPARE(words[0], QString("loss"));
        QVERIFY(words[1].toDouble() > 0 && words[1].toDouble() < 6);

        const auto info = i3test::run_cli({"info", "--model_dir", model_});
        QVERIFY2(info.exit_code == 0, info.err.constData());
        QVERIFY(info.out.contains("parameters"));
        QVERIFY(i3test::run_cli({"info"}).out.contains("LibTorch"));
        // Started without OMP_WAIT_POLICY, the program sets it and starts itself again
        // (base/openmp_wait.h); a policy the user chose stays.
        QProcessEnvironment unset = QProcessEnvironment::systemEnvironment();
        unset.remove("OMP_WAIT_POLICY");
        const auto restarted = i3test::run_in(unset, i3test::cli(), {"info"});
        QVERIFY2(restarted.out.contains("(waiting: passive)"), restarted.out.constData());
        QProcessEnvironment active = unset;
        active.insert("OMP_WAIT_POLICY", "active");
        QVERIFY(i3test::run_in(active, i3test::cli(), {"info"}).out.contains("(waiting: active)"));

        const QString converted = dir_.filePath("converted.safetensors");
        const auto convert = i3test::run_cli({"convert", model_ + "/pytorch_model.bin", converted});
        QVERIFY2(convert.exit_code == 0, convert.err.constData());
        QCOMPARE(read_file(converted), read_file(model_ + "/model.safetensors"));
    }

    void tokenizerCommands()
    {
        // "the cat": "the" (a trigram), " c", "at" (what remains); each seen once, so ids follow
        // code point order: " c" 1, "at" 2, "the" 3.
        write_file(dir_.filePath("cat.txt"), "The cat");
        const QString tokenizer = dir_.filePath("cat-tokenizer.json");
        const auto build = i3test::run_cli({"tokenizer", "build", "--data", dir_.filePath("cat.txt"), "--out", tokenizer});
        QVERIFY2(build.exit_code == 0, build.err.constData());
        const auto encode = i3test::run_cli({"tokenizer", "encode", "--tokenizer", tokenizer, dir_.filePath("cat.txt")});
        QCOMPARE(encode.out, QByteArray("3 1 2\n"));

        const auto bench = i3test::run_cli({"bench", "tokenizer", dir_.filePath("stories.txt"), "--repeat", "2", "--threads", "2"});
        QVERIFY2(bench.exit_code == 0, bench.err.constData());
        for (const char* part : {"texts, ", "build: ", " MB/s (", "; by CPU time ", "vocabulary: ", "encode, 1 thread: ",
                                 "encode, 2 threads: ", "tokens: "})
            QVERIFY2(bench.out.contains(part), bench.out.constData());
        expect_failure({"bench", "tokenizer"}, "give one file", 2);
    }

    // The tokenizer commands run in `i3lm` itself, which never loads LibTorch; every other command
    // runs in the engine that `i3lm` becomes, which does.
    void tokenizerCommandsRunWithoutLibTorch()
    {
        write_file(dir_.filePath("few.jsonl"), "{\"text\": \"The cat\"}\n{\"text\": \"The dog\"}\n");
        const QString tokenizer = dir_.filePath("few-tokenizer.json");
        const QList<QStringList> commands = {
            {"tokenizer", "build", "--data", dir_.filePath("few.jsonl"), "--out", tokenizer},
            {"tokenizer", "encode", "--tokenizer", tokenizer, dir_.filePath("few.jsonl")},
            {"bench", "tokenizer", dir_.filePath("few.jsonl"), "--repeat", "1"},
        };
        for (const QStringList& command : commands) {
            const QStringList libraries = initialised_libraries(command);
            // ICU is loaded as LibTorch would be, at the start: the loader's report is there.
            QVERIFY2(!libraries.filter("libicuuc").isEmpty(), qPrintable(command.join(' ') + ": " + libraries.join(", ")));
            QVERIFY2(!names_libtorch(libraries), qPrintable(command.join(' ') + ": " + libraries.join(", ")));
        }
        for (const QStringList& command : {QStringList{"info"}, QStringList{"bench", "--help"}}) {
            const QStringList libraries = initialised_libraries(command);
            QVERIFY2(names_libtorch(libraries), qPrintable(command.join(' ') + ": " + libraries.join(", ")));
        }
    }

    // `i3lm` alone, without the engine beside it or installed: the tokenizer commands work, the
    // others say what is missing and where it was looked for.
    void missingEngineIsNamed()
    {
        const QString alone = dir_.filePath("alone/bin/i3lm");
        QDir().mkpath(dir_.filePath("alone/bin"));
        QVERIFY(QFile::copy(i3test::cli(), alone));
        write_file(dir_.filePath("dog.jsonl"), "{\"text\": \"The dog\"}\n");
        const auto build = i3test::run(alone, {"tokenizer", "build", "--data", dir_.filePath("dog.jsonl"), "--out",
                                               dir_.filePath("dog-tokenizer.json")});
        QVERIFY2(build.exit_code == 0, build.err.constData());
        const auto info = i3test::run(alone, {"info"});
        QCOMPARE(info.exit_code, 1);
        const QString said = QString::fromUtf8(info.err);
        QVERIFY2(said.contains("i3lm-engine is missing") && said.contains(dir_.filePath("alone/bin/i3lm-engine")),
                 qPrintable(said));
    }

    void badModelFolders()
    {
        expect_failure({"generate", "--model_dir", dir_.filePath("missing"), "--prompt", "x"}, "no such model folder");

        const QString truncated = copy_model(model_, dir_.filePath("truncated"));
        QFile::remove(truncated + "/pytorch_model.bin");
        const QByteArray weights = read_file(truncated + "/model.safetensors");
        write_file(truncated + "/model.safetensors", weights.left(weights.size() / 2));
        expect_failure({"generate", "--model_dir", truncated, "--prompt", "x"}, "model.safetensors");

        const QString reshaped = copy_model(model_, dir_.filePath("reshaped"));
        auto config = QString::fromUtf8(read_file(reshaped + "/config.json"));
        write_file(reshaped + "/config.json", config.replace("\"d_model\": 64", "\"d_model\": 48").toUtf8());
        expect_failure({"eval", "--model_dir", reshaped, dir_.filePath("stories.txt")}, "shape: ");

        const QString vocab = copy_model(model_, dir_.filePath("vocab"));
        config = QString::fromUtf8(read_file(vocab + "/config.json"));
        write_file(vocab + "/config.json", config.replace("\"vocab_size\": ", "\"vocab_size\": 1").toUtf8());
        expect_failure({"info", "--model_dir", vocab}, "vocab_size");

        const QString broken = copy_model(model_, dir_.filePath("broken-tokenizer"));
        write_file(broken + "/tokenizer.json", "{\"chunk_to_idx\": {\"a\": ");
        expect_failure({"generate", "--model_dir", broken, "--prompt", "x"}, "tokenizer.json");
    }

    void badTextAndOptions()
    {
        write_file(dir_.filePath("latin1.txt"), "caf\xe9 au lait");
        expect_failure({"eval", "--model_dir", model_, dir_.filePath("latin1.txt")}, "UTF-8");
        expect_failure({"tokenizer", "encode", "--tokenizer", model_ + "/tokenizer.json", dir_.filePath("latin1.txt")},
                       "UTF-8");
        write_file(dir_.filePath("empty.txt"), "\n\n  \n");
        expect_failure({"train", "--preset", "tiny", "--data", dir_.filePath("empty.txt"), "--out", dir_.filePath("e")},
                       "no text");
        write_file(dir_.filePath("short.txt"), "A short text.");
        expect_failure({"train", "--preset", "tiny", "--data", dir_.filePath("short.txt"), "--out", dir_.filePath("s")},
                       "too short");
        expect_failure({"generate", "--model_dir", model_, "--prompt", "x", "--temp", "0"}, "temperature");
        expect_failure({"generate", "--model_dir", model_, "--prompt", ""}, "empty");
        expect_failure({"train", "--resume", dir_.filePath("missing-run")}, "not a training run");
    }

    // A new run never writes into someone's folder: one holding files, or another run, is
    // refused before anything is read, and every byte in it stays as it was.
    void foreignOutputFolderIsRefusedUntouched()
    {
        const QString foreign = dir_.filePath("foreign");
        QDir().mkpath(foreign + "/checkpoints");
        write_file(foreign + "/config.json", "{\"mine\": true}\n");
        write_file(foreign + "/checkpoints/latest", "my-own-file\n");
        const QStringList before = QDir(foreign).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        expect_failure({"train", "--preset", "tiny", "--steps", "2", "--data", dir_.filePath("stories.txt"), "--out",
                        foreign},
                       "not empty");
        QCOMPARE(QDir(foreign).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
        QCOMPARE(read_file(foreign + "/config.json"), QByteArray("{\"mine\": true}\n"));
        QCOMPARE(read_file(foreign + "/checkpoints/latest"), QByteArray("my-own-file\n"));
        QCOMPARE(QDir(foreign + "/checkpoints").entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{"latest"});

        const QString run = dir_.filePath("run");
        const QByteArray runInfo = read_file(run + "/run.json");
        expect_failure({"train", "--preset", "tiny", "--steps", "2", "--out", run}, "already holds a run");
        QCOMPARE(read_file(run + "/run.json"), runInfo);
        expect_failure({"train", "--preset", "tiny", "--steps", "2", "--out", ""}, "no run folder");
    }

    // Ctrl-C stops a run after the step under way, saves a checkpoint to resume from, and the exit
    // code says a signal stopped it (128 + SIGINT), as shells expect.
    void interruptedRunExitsWith130()
    {
        const QString run = dir_.filePath("interrupted");
        QProcess train;
        i3test::end_with_this_process(train);
        train.start(i3test::cli(), {"train", "--preset", "tiny", "--steps", "100000", "--log-every", "1", "--data",
                                    dir_.filePath("stories.txt"), "--out", run});
        QVERIFY(train.waitForStarted());
        QByteArray out;
        while (!out.contains("step 3/") && train.state() == QProcess::Running)
            if (train.waitForReadyRead(60000))
                out += train.readAllStandardOutput();
        QVERIFY2(out.contains("step 3/"), out.constData());
        ::kill(static_cast<pid_t>(train.processId()), SIGINT);
        QVERIFY(train.waitForFinished(120000));
        out += train.readAllStandardOutput();
        QCOMPARE(train.exitStatus(), QProcess::NormalExit);
        QCOMPARE(train.exitCode(), 130);
        QVERIFY2(out.contains("continue with: i3lm train --resume"), out.constData());
        QVERIFY(read_file(run + "/run.json").contains("\"stopped\""));
    }

    // Every setting of the configurations' tables is an option of `train`, and a resumed run
    // refuses the ones it cannot change.
    // The workspace: $I3_WORKSPACE, else the one the studio remembered, else "i3 Studio runs" in
    // the documents folder (user-dirs.dirs, else ~/Documents); a run without --out goes there.
    void runsGoToTheWorkspace()
    {
        const QString home = dir_.filePath("home");
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"I3_WORKSPACE", "XDG_CONFIG_HOME"})
            environment.remove(name);
        environment.insert("HOME", home);
        auto workspace_line = [&] {
            const auto info = i3test::run_in(environment, i3test::cli(), {"info"});
            for (const QByteArray& line : info.out.split('\n'))
                if (line.startsWith("workspace "))
                    return QString::fromUtf8(line);
            return QString();
        };
        QCOMPARE(workspace_line(), "workspace " + home + "/Documents/i3 Studio runs (the default)");
        write_file(home + "/.config/user-dirs.dirs", "# written by xdg-user-dirs-update\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n");
        QCOMPARE(workspace_line(), "workspace " + home + "/Dokumente/i3 Studio runs (the default)");
        const QString chosen = dir_.filePath("chosen runs");
        write_file(home + "/.config/i3-studio/workspace", (chosen + "\n").toUtf8());
        QCOMPARE(workspace_line(),
                 "workspace " + chosen + " (chosen in i3-studio (" + home + "/.config/i3-studio/workspace))");
        const QString variable = dir_.filePath("variable runs");
        environment.insert("I3_WORKSPACE", variable);
        QCOMPARE(workspace_line(), "workspace " + variable + " ($I3_WORKSPACE)");

        const auto train = i3test::run_in(environment, i3test::cli(),
                                          {"train", "--preset", "tiny", "--steps", "2", "--data", dir_.filePath("stories.txt")});
        QVERIFY2(train.exit_code == 0, train.err.constData());
        const QStringList runs = QDir(variable).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(runs.size(), 1);
        QVERIFY2(runs.front().startsWith("run-"), qPrintable(runs.front()));
        QVERIFY(QFileInfo::exists(variable + "/" + runs.front() + "/run.json"));
        QVERIFY(train.out.contains(("run folder: " + variable + "/" + runs.front()).toUtf8()));
    }

    void everySettingIsAnOption()
    {
        const auto help = i3test::run_cli({"train", "--help"});
        QCOMPARE(help.exit_code, 0);
        for (const char* flag : {"d-model", "heads", "context", "hybrid-layers", "attn-layers", "d-state", "steps", "batch",
                                 "grad-accum", "lr", "warmup", "min-lr-ratio", "weight-decay", "beta1", "beta2",
                                 "adam-eps", "clip", "log-every", "eval-every", "checkpoint-every", "keep-checkpoints",
                                 "loss-window", "eval-windows", "val-fraction", "sample-prompts", "sample-tokens",
                                 "seed", "device"})
            QVERIFY2(help.out.contains("\n  --" + QByteArray(flag) + " "), flag);
        expect_failure({"train", "--resume", dir_.filePath("run"), "--lr", "0.1"}, "cannot change a run being resumed", 2);
        expect_failure({"train", "--resume", dir_.filePath("run"), "--keep-checkpoints", "9"}, "cannot change", 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
