// SPDX-License-Identifier: GPL-3.0-or-later
#include "test_support.h"

#include "base/error.h"
#include "data/builtin_corpus.h"
#include "text/chunk_tokenizer.h"
#include "training/trainer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>

namespace i3test {

std::string error_of(const std::function<void()>& action)
{
    try {
        action();
    } catch (const i3::Error& error) {
        return error.what();
    }
    return {};
}

void end_with_this_process(QProcess& process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

QString python() { return QStringLiteral(I3_PYTHON); }
QString fixtures_dir() { return QStringLiteral(I3_FIXTURES_DIR); }
QString cli() { return QStringLiteral(I3_CLI_PATH); }
QString studio() { return QStringLiteral(I3_STUDIO_PATH); }

QByteArray stories()
{
    QByteArray text;
    const char* parts[] = {"Once upon a time there was a little cat.", "The cat liked to play in the sun.",
                           "One day the cat met a dog.", "They became friends and played all day."};
    for (int i = 0; i < 120; ++i)
        text += QByteArray(parts[i % 4]) + ' ' + parts[(i + 1) % 4] + "\n\n";
    return text;
}

void write_file(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    file.write(bytes);
}

QByteArray read_file(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ProcessResult run(const QString& program, const QStringList& args, int timeout_ms,
                  const QByteArray& standard_input)
{
    return run_in(QProcessEnvironment::systemEnvironment(), program, args, standard_input, timeout_ms);
}

ProcessResult run_in(const QProcessEnvironment& environment, const QString& program, const QStringList& args,
                     const QByteArray& standard_input, int timeout_ms)
{
    QProcess process;
    end_with_this_process(process);
    process.setProcessEnvironment(environment);
    process.start(program, args);
    ProcessResult result;
    if (!process.waitForStarted()) {
        result.err = ("could not start " + program).toUtf8();
        return result;
    }
    if (!standard_input.isEmpty())
        process.write(standard_input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeout_ms)) {
        process.kill();
        process.waitForFinished();
        result.crashed = true;
    }
    result.crashed = result.crashed || process.exitStatus() == QProcess::CrashExit;
    result.exit_code = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

ProcessResult run_python(const QString& script, const QStringList& args, int timeout_ms)
{
    return run(python(), QStringList{QDir(fixtures_dir()).filePath(script)} + args, timeout_ms);
}

ProcessResult run_cli(const QStringList& args, int timeout_ms, const QByteArray& standard_input)
{
    return run(cli(), args, timeout_ms, standard_input);
}

void train_tiny_run(const std::string& folder, int64_t steps, int64_t checkpoint_every)
{
    auto model = i3::ModelConfig::preset("tiny");
    i3::TrainConfig config;
    config.steps = steps;
    config.batch_size = 2;
    config.lr = 1e-2;
    config.warmup_steps = 1;
    config.log_every = checkpoint_every;
    config.eval_every = steps;
    config.checkpoint_every = checkpoint_every;
    config.keep_checkpoints = i3::kKeepAllCheckpoints;
    config.sample_tokens = 0;
    config.device = "cpu";
    std::vector<std::string> texts = i3::builtin_corpus_texts();
    texts.resize(200);
    auto tokenizer = i3::ChunkTokenizer::build(texts);
    model.vocab_size = tokenizer.vocab_size();
    i3::Trainer trainer(folder, model, config,
                        i3::prepare_training_data(texts, tokenizer, {"test"}, config, model.max_seq_len));
    trainer.run([](const i3::TrainEvent&) {});
}

} // namespace i3test
