// SPDX-License-Identifier: GPL-3.0-or-later
// Training on Hub datasets and fine-tuning from published weights, end to end through `i3lm train`
// against the stand-in Hub (fixtures/hub_server.py): a dataset in the push_to_hub Parquet layout
// and one with top-level .jsonl files, weighted mixes, --init-from a model folder and a Hub
// model repo, the refusals of a shape or vocabulary that does not fit, and the model card.
#include "hub_stand_in.h"
#include "test_support.h"

#include "base/error.h"
#include "config/preset.h"
#include "formats/safetensors.h"
#include "training/run_creation.h"
#include "training/trainer.h"

#include <QtTest>

#include <cstdio>

namespace {

using i3test::read_file;
using i3test::write_file;

QJsonObject read_json(const QString& path) { return QJsonDocument::fromJson(read_file(path)).object(); }

// metrics.jsonl's lines of one kind ("train" or "eval").
QList<QJsonObject> metrics(const QString& run, const QString& kind)
{
    QList<QJsonObject> lines;
    for (const QByteArray& line : read_file(run + "/metrics.jsonl").split('\n'))
        if (const QJsonObject object = QJsonDocument::fromJson(line).object(); object.value("kind").toString() == kind)
            lines << object;
    return lines;
}

double first_loss(const QString& run)
{
    const auto steps = metrics(run, "train");
    return steps.isEmpty() ? -1 : steps.first().value("loss").toDouble();
}

QString loss_text(double loss)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", loss);
    return text;
}

QStringList dataset_sources(const QString& run)
{
    QStringList sources;
    for (const auto& source : read_json(run + "/config.json").value("dataset_sources").toArray())
        sources << source.toString();
    return sources;
}

} // namespace

class TestHubTraining : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    i3test::HubServer server_;
    QJsonObject info_;
    QString base_model_; // a tiny model that learned stories.txt

    QString path(const QString& name) const { return dir_.filePath(name); }
    QString commit(const QString& key) const { return info_.value(key).toObject().value("commit").toString(); }
    QString stories() const { return path("stories.txt"); }

    // i3lm with the Hub's variables pointing at the stand-in and a cache of the test's own.
    i3test::ProcessResult cli(const QStringList& args, const QString& cache)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"HF_TOKEN", "HF_HUB_OFFLINE", "XDG_CACHE_HOME"})
            environment.remove(name);
        environment.insert("HF_ENDPOINT", server_.endpoint());
        environment.insert("HF_HUB_CACHE", cache);
        environment.insert("HF_HOME", path("hf-home"));
        QProcess process;
        process.setProcessEnvironment(environment);
        i3test::end_with_this_process(process);
        process.start(i3test::cli(), args);
        i3test::ProcessResult result;
        if (!process.waitForStarted() || !process.waitForFinished(600000))
            return result;
        result.exit_code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    // A tiny run of `steps` steps that logs every step and evaluates at the end.
    QStringList tiny_run(const QString& out, int steps) const
    {
        return {"train", "--preset", "tiny", "--steps", QString::number(steps), "--out", out, "--log-every", "1",
                "--eval-every", QString::number(steps), "--checkpoint-every", QString::number(steps)};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        QString story;
        for (int i = 0; i < 120; ++i)
            story += "Once upon a time there was a little cat. The cat liked to play in the sun.\n\n";
        write_file(stories(), story.toUtf8());
        const auto base = i3test::run_cli({"train", "--preset", "tiny", "--steps", "150", "--lr", "3e-3", "--warmup",
                                           "10", "--data", stories(), "--out", path("base-run"), "--eval-every", "150",
                                           "--checkpoint-every", "150"});
        QVERIFY2(base.exit_code == 0, base.err.constData());
        base_model_ = path("base-run/i3-model-artifacts");

        const QString parquet = path("repos/ds");
        write_file(parquet + "/README.md", "# A dataset in the push_to_hub layout\n");
        write_file(parquet + "/data/train-00000-of-00001.parquet",
                   read_file(QDir(i3test::fixtures_dir()).filePath("parquet/long_text.parquet")));
        const QString lines = path("repos/lines");
        QByteArray train, test;
        for (int i = 0; i < 40; ++i) {
            train += "{\"content\": \"the cat sat on the mat, line " + QByteArray::number(i) + "\"}\n";
            test += "{\"content\": \"a dog ran in the park, line " + QByteArray::number(i) + "\"}\n";
        }
        write_file(lines + "/train.jsonl", train);
        write_file(lines + "/test.jsonl", test);
        const QString model = path("repos/base");
        for (const QString& name : QDir(base_model_).entryList(QDir::Files))
            write_file(model + "/" + name, read_file(base_model_ + "/" + name));

        const QJsonArray repos{
            QJsonObject{{"type", "dataset"}, {"id", "owner/ds"}, {"folder", parquet},
                        {"lfs", QJsonArray{"data/train-00000-of-00001.parquet"}}},
            QJsonObject{{"type", "dataset"}, {"id", "owner/lines"}, {"folder", lines}},
            QJsonObject{{"type", "model"}, {"id", "owner/base"}, {"folder", model},
                        {"lfs", QJsonArray{"model.safetensors", "pytorch_model.bin"}}},
        };
        write_file(path("spec.json"), QJsonDocument(QJsonObject{{"repos", repos}}).toJson());
        QVERIFY(server_.start(path("spec.json")));
        info_ = server_.ask("info");
        QCOMPARE(commit("dataset:owner/ds").size(), 40);
    }

    void init() { server_.reset(); }

    void trainsOnAParquetHubDataset()
    {
        const QString cache = path("cache-ds");
        const QString run = path("run-ds");
        const auto trained = cli(tiny_run(run, 3) << "--data" << "hf:owner/ds", cache);
        QVERIFY2(trained.exit_code == 0, trained.err.constData());
        QVERIFY2(trained.err.contains("data/train-00000-of-00001.parquet"), trained.err.constData());
        const QString file = cache + "/datasets--owner--ds/snapshots/" + commit("dataset:owner/ds") +
                             "/data/train-00000-of-00001.parquet";
        QCOMPARE(read_file(file), read_file(QDir(i3test::fixtures_dir()).filePath("parquet/long_text.parquet")));
        const QString source = "hf:owner/ds@" + commit("dataset:owner/ds") + " (split train)";
        QCOMPARE(dataset_sources(run), QStringList{source});
        QCOMPARE(dataset_sources(run + "/i3-model-artifacts"), QStringList{source});

        // The texts read are the Parquet file's: the vocabulary equals one built from the file itself.
        const auto built = i3test::run_cli({"tokenizer", "build", "--data",
                                            QDir(i3test::fixtures_dir()).filePath("parquet/long_text.parquet"), "--out",
                                            path("long_text_tokenizer.json")});
        QVERIFY2(built.exit_code == 0, built.err.constData());
        QCOMPARE(read_json(run + "/tokenizer.json"), read_json(path("long_text_tokenizer.json")));

        // Again with the same cache: the file list is asked for, the file is not downloaded again.
        server_.reset();
        const auto again = cli(tiny_run(path("run-ds-again"), 3) << "--data" << "hf:owner/ds", cache);
        QVERIFY2(again.exit_code == 0, again.err.constData());
        QCOMPARE(server_.ask("stats").value("body_gets").toInt(), 0);
        // The same facts give the same model card.
        QCOMPARE(read_file(path("run-ds-again/i3-model-artifacts/README.md")), read_file(run + "/i3-model-artifacts/README.md"));
    }

    void modelCardSaysWhatWasTrained()
    {
        const QString run = path("run-ds");
        const QString card = QString::fromUtf8(read_file(run + "/i3-model-artifacts/README.md"));
        QVERIFY2(card.startsWith("---\nlibrary_name: pytorch\n"), qPrintable(card));
        QVERIFY2(card.contains("tags:\n- i3\n"), qPrintable(card));
        QVERIFY2(card.contains("datasets:\n- \"owner/ds\"\n---\n"), qPrintable(card));
        qint64 parameters = 0;
        for (const auto& [name, tensor] : i3::read_safetensors((run + "/i3-model-artifacts/model.safetensors").toStdString()))
            parameters += tensor.numel();
        QVERIFY2(card.contains(QString("| parameters | %1 |").arg(parameters)), qPrintable(card));
        const QJsonObject config = read_json(run + "/config.json");
        QVERIFY(card.contains(QString("| vocabulary (chunk tokenizer) | %1 |").arg(config.value("vocab_size").toInt())));
        QVERIFY(card.contains("2 RWKV-Mamba hybrid blocks followed by 1 full-attention blocks"));
        QVERIFY(card.contains("- `hf:owner/ds@" + commit("dataset:owner/ds") + " (split train)`"));
        QVERIFY(card.contains("| optimizer steps | 3 |"));
        const auto steps = metrics(run, "train");
        QCOMPARE(steps.size(), 3);
        const double mean = (steps[0].value("loss").toDouble() + steps[1].value("loss").toDouble() +
                             steps[2].value("loss").toDouble()) / 3;
        QVERIFY2(card.contains("| final training loss (mean of the last 3 steps) | " + loss_text(mean) + " |"), qPrintable(card));
        const auto evaluations = metrics(run, "eval");
        QCOMPARE(evaluations.size(), 1);
        QVERIFY2(card.contains("| final validation loss | " + loss_text(evaluations[0].value("val_loss").toDouble()) + " |"),
                 qPrintable(card));
    }

    void jsonlLayoutAnotherSplitAndColumn()
    {
        const QString cache = path("cache-lines");
        const QString run = path("run-lines");
        const auto trained =
            cli(tiny_run(run, 1) << "--data" << "hf:owner/lines" << "--hf-split" << "test" << "--text-field" << "content",
                cache);
        QVERIFY2(trained.exit_code == 0, trained.err.constData());
        QVERIFY(QFileInfo::exists(cache + "/datasets--owner--lines/snapshots/" + commit("dataset:owner/lines") + "/test.jsonl"));
        QVERIFY(!QFileInfo::exists(cache + "/datasets--owner--lines/snapshots/" + commit("dataset:owner/lines") + "/train.jsonl"));
        QCOMPARE(dataset_sources(run), QStringList{"hf:owner/lines@" + commit("dataset:owner/lines") + " (split test)"});
        const QJsonObject vocabulary = read_json(run + "/tokenizer.json").value("chunk_to_idx").toObject();
        QVERIFY(vocabulary.contains("dog")); // "a dog ran": the test split's texts
        QVERIFY(!vocabulary.contains("mat"));

        const auto missing = cli(tiny_run(path("run-none"), 1) << "--data" << "hf:owner/lines" << "--hf-split" << "valid",
                                 cache);
        QCOMPARE(missing.exit_code, 1);
        QVERIFY2(missing.err.contains("no files for split \"valid\"") &&
                     missing.err.contains("the repo has test.jsonl, train.jsonl"),
                 missing.err.constData());
        QVERIFY(!QFileInfo::exists(path("run-none")));
    }

    void weightedMixOfHubAndLocalSources()
    {
        const QString run = path("run-mix");
        const auto trained = cli(tiny_run(run, 1) << "--text-field" << "content" << "--data" << "hf:owner/lines:0.5"
                                                  << path("mix.jsonl") + ":0.5",
                                 path("cache-mix"));
        QVERIFY2(trained.exit_code == 1 && trained.err.contains("mix.jsonl"), trained.err.constData());
        QByteArray texts;
        for (int i = 0; i < 40; ++i)
            texts += "{\"content\": \"a bird flew over the hill, line " + QByteArray::number(i) + "\"}\n";
        write_file(path("mix.jsonl"), texts);
        const auto mixed = cli(tiny_run(run, 1) << "--text-field" << "content" << "--data" << "hf:owner/lines:0.5"
                                                << path("mix.jsonl") + ":0.5",
                               path("cache-mix"));
        QVERIFY2(mixed.exit_code == 0, mixed.err.constData());
        QCOMPARE(dataset_sources(run), (QStringList{"hf:owner/lines@" + commit("dataset:owner/lines") +
                                                        " (split train, weight 0.5)",
                                                    path("mix.jsonl") + " (weight 0.5)"}));
        // 40 and 40 texts with equal shares: 80 texts, 40 of each.
        QVERIFY2(mixed.out.contains("data: 80 texts from 2 source(s)"), mixed.out.constData());
    }

    void fineTunesFromAFolderAndFromAHubRepo()
    {
        const auto scratch = i3test::run_cli(tiny_run(path("run-scratch"), 1) << "--data" << stories());
        QVERIFY2(scratch.exit_code == 0, scratch.err.constData());
        const QStringList recipe{"--data", stories(), "--lr", "1e-5"};
        const auto folder = i3test::run_cli(tiny_run(path("run-tuned"), 1) << recipe << "--init-from" << base_model_);
        QVERIFY2(folder.exit_code == 0, folder.err.constData());
        const double from_scratch = first_loss(path("run-scratch"));
        const double tuned = first_loss(path("run-tuned"));
        QVERIFY2(from_scratch > 0 && tuned > 0 && tuned < 0.3 * from_scratch,
                 qPrintable(QString("fine-tuned %1, from scratch %2").arg(tuned).arg(from_scratch)));
        QCOMPARE(read_json(path("run-tuned/tokenizer.json")), read_json(base_model_ + "/tokenizer.json"));
        QCOMPARE(read_json(path("run-tuned/run.json")).value("init_from").toString(), QFileInfo(base_model_).absoluteFilePath());
        QCOMPARE(read_json(path("run-tuned/run.json")).value("completed_steps").toInt(), 1);
        QVERIFY(!read_json(path("run-scratch/run.json")).contains("init_from"));
        const QByteArray tuned_card = read_file(path("run-tuned/i3-model-artifacts/README.md"));
        QVERIFY2(tuned_card.contains("Fine-tuned from `" + QFileInfo(base_model_).absoluteFilePath().toUtf8() + "`"),
                 tuned_card.constData());

        const QString cache = path("cache-model");
        const auto hub = cli(tiny_run(path("run-tuned-hub"), 1) << recipe << "--init-from" << "owner/base", cache);
        QVERIFY2(hub.exit_code == 0, hub.err.constData());
        QCOMPARE(first_loss(path("run-tuned-hub")), tuned); // the same weights, data and seed
        const QString snapshot = cache + "/models--owner--base/snapshots/" + commit("model:owner/base");
        QCOMPARE(read_json(path("run-tuned-hub/run.json")).value("init_from").toString(), snapshot);
        const QByteArray hub_card = read_file(path("run-tuned-hub/i3-model-artifacts/README.md"));
        QVERIFY2(hub_card.contains("base_model: \"owner/base\"\n") && hub_card.contains("Fine-tuned from `owner/base`"),
                 hub_card.constData());
    }

    void shapeAndVocabularyThatDoNotFitAreRefused()
    {
        const auto shape = i3test::run_cli(tiny_run(path("run-shape"), 1)
                                           << "--data" << stories() << "--init-from" << base_model_ << "--d-model" << "32");
        QCOMPARE(shape.exit_code, 2);
        QVERIFY2(shape.err.contains("--d-model 32 conflicts with the model in") && shape.err.contains("d_model 64"),
                 shape.err.constData());
        QVERIFY(!QFileInfo::exists(path("run-shape")));
        const auto same = i3test::run_cli(tiny_run(path("run-same"), 1)
                                          << "--data" << stories() << "--init-from" << base_model_ << "--d-model" << "64");
        QVERIFY2(same.exit_code == 0, same.err.constData());

        const auto tokenizer = i3test::run_cli(tiny_run(path("run-tokenizer"), 1)
                                               << "--data" << stories() << "--init-from" << base_model_ << "--tokenizer"
                                               << base_model_ + "/tokenizer.json");
        QCOMPARE(tokenizer.exit_code, 2);
        QVERIFY2(tokenizer.err.contains("keeps its own tokenizer"), tokenizer.err.constData());

        // A folder whose tokenizer is not the one its weights were trained with.
        const QString other = path("other-vocabulary");
        for (const QString& name : QDir(base_model_).entryList(QDir::Files))
            write_file(other + "/" + name, read_file(base_model_ + "/" + name));
        const auto built = i3test::run_cli({"tokenizer", "build", "--data",
                                            QDir(i3test::fixtures_dir()).filePath("parquet/long_text.parquet"), "--out",
                                            other + "/tokenizer.json"});
        QVERIFY2(built.exit_code == 0, built.err.constData());
        const auto vocabulary = i3test::run_cli(tiny_run(path("run-vocabulary"), 1)
                                                << "--data" << stories() << "--init-from" << other);
        QCOMPARE(vocabulary.exit_code, 1);
        QVERIFY2(vocabulary.err.contains("tokenizer.json has") && vocabulary.err.contains("config.json says vocab_size"),
                 vocabulary.err.constData());
        QVERIFY(!QFileInfo::exists(path("run-vocabulary")));
    }

    // The studio's path: a RunSpec whose model is not the fine-tuned one's is refused by create_run.
    void runSpecWithAnotherShapeIsRefused()
    {
        i3::RunSpec spec;
        spec.model = i3::load_preset("tiny").model;
        spec.model.n_heads = 2;
        spec.training = i3::load_preset("tiny").training;
        spec.data.builtin_corpus = false;
        spec.data.sources = {i3::DataSource(stories().toStdString())};
        spec.folder = path("run-spec").toStdString();
        spec.init_from = base_model_.toStdString();
        try {
            i3::create_run(spec);
            QFAIL("a RunSpec with another shape was accepted");
        } catch (const i3::Error& error) {
            const std::string message = error.what();
            QVERIFY2(message.find("do not match the model being fine-tuned") != std::string::npos &&
                         message.find("n_heads is 2 here but 4 in the model") != std::string::npos,
                     message.c_str());
        }
        QVERIFY(!QFileInfo::exists(path("run-spec")));
    }
};

QTEST_GUILESS_MAIN(TestHubTraining)
#include "test_hub_training.moc"
