// SPDX-License-Identifier: GPL-3.0-or-later
// Training: the loss falls, the run folder is complete, resume continues exactly, gradient
// accumulation equals a larger batch, bad data is refused, old checkpoints are pruned, a new
// run reuses data prepared for it, and a model in another layer order trains, saves and resumes.
#include "base/error.h"
#include "model/model_artifacts.h"
#include "training/run_creation.h"
#include "training/trainer.h"

#include <QtTest>

#include <torch/torch.h>

#include <fstream>

namespace {

std::vector<std::string> rhyme_texts()
{
    std::vector<std::string> texts;
    const char* lines[] = {"the cat sat on the mat. ", "the dog ran to the park. ", "a bird sang in the tree. ",
                           "once upon a time there was a frog. "};
    for (int i = 0; i < 200; ++i)
        texts.push_back(std::string(lines[i % 4]) + lines[(i / 4) % 4]);
    return texts;
}

void write_text(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
}

QByteArray read_bytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

i3::ModelConfig tiny()
{
    auto config = i3::ModelConfig::preset("tiny");
    config.max_seq_len = 32;
    return config;
}

i3::TrainConfig quick(int64_t steps)
{
    i3::TrainConfig config;
    config.steps = steps;
    config.batch_size = 4;
    config.lr = 3e-3;
    config.warmup_steps = 5;
    config.log_every = 1;
    config.eval_every = 10;
    config.checkpoint_every = 10;
    config.eval_windows = 4;
    config.sample_tokens = 8;
    config.validation_fraction = 0.1;
    config.seed = 9;
    return config;
}

i3::TrainingData data_for(const i3::TrainConfig& config, int64_t context)
{
    const auto texts = rhyme_texts();
    return i3::prepare_training_data(texts, i3::ChunkTokenizer::build(texts), {"rhymes"}, config, context);
}

// Step losses by step number.
std::map<int64_t, double> train(const QString& folder, const i3::TrainConfig& config, i3::CancelToken* cancel = nullptr,
                                 int64_t cancel_after = -1, const i3::ModelConfig& model = tiny())
{
    std::map<int64_t, double> losses;
    i3::Trainer trainer(folder.toStdString(), model, config, data_for(config, model.max_seq_len));
    trainer.run(
        [&](const i3::TrainEvent& event) {
            if (event.kind == i3::TrainEvent::Kind::Step) {
                losses[event.step] = event.loss;
                if (event.step == cancel_after)
                    cancel->cancel();
            }
        },
        cancel);
    return losses;
}

} // namespace

class TestTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lossFallsAndTheRunFolderIsComplete()
    {
        QTemporaryDir dir;
        const QString run = dir.filePath("run");
        int samples = 0, evaluations = 0;
        std::map<int64_t, double> losses;
        const auto config = quick(60);
        i3::Trainer trainer(run.toStdString(), tiny(), config, data_for(config, tiny().max_seq_len));
        trainer.run([&](const i3::TrainEvent& event) {
            if (event.kind == i3::TrainEvent::Kind::Step)
                losses[event.step] = event.loss;
            samples += event.kind == i3::TrainEvent::Kind::Sample;
            evaluations += event.kind == i3::TrainEvent::Kind::Evaluation;
        });
        QCOMPARE(losses.size(), size_t(60));
        const double first = losses.begin()->second;
        double last = 0;
        for (int64_t step = 51; step <= 60; ++step)
            last += losses[step] / 10;
        qInfo("loss %.3f -> %.3f", first, last);
        QVERIFY2(last < first - 1.5, qPrintable(QString("loss %1 -> %2").arg(first).arg(last)));
        QCOMPARE(evaluations, 6);
        QCOMPARE(samples, 18);

        const QDir folder(run);
        for (const char* file : {"run.json", "config.json", "tokenizer.json", "metrics.jsonl", "samples.jsonl",
                                 "tokens/000.tokens", "checkpoints/latest",
                                 "checkpoints/step-0000060/model.safetensors", "checkpoints/step-0000060/optimizer.pt",
                                 "checkpoints/best/trainer_state.json", "i3-model-artifacts/config.json",
                                 "i3-model-artifacts/pytorch_model.bin", "i3-model-artifacts/model.safetensors",
                                 "i3-model-artifacts/tokenizer.json"})
            QVERIFY2(folder.exists(file), file);
        std::ifstream metrics(folder.filePath("metrics.jsonl").toStdString());
        int train_lines = 0, eval_lines = 0;
        for (std::string line; std::getline(metrics, line);) {
            const auto json = nlohmann::json::parse(line);
            train_lines += json.at("kind") == "train";
            eval_lines += json.at("kind") == "eval";
        }
        QCOMPARE(train_lines, 60);
        QCOMPARE(eval_lines, 6);
        const auto info = nlohmann::json::parse(std::ifstream(folder.filePath("run.json").toStdString()));
        QCOMPARE(info.at("status").get<std::string>(), std::string("finished"));

        const auto loaded = i3::load_model_folder(folder.filePath("i3-model-artifacts").toStdString());
        QCOMPARE(loaded.config.max_seq_len, int64_t(32));
        QVERIFY(loaded.notes.empty());
    }

    void resumeContinuesExactly()
    {
        QTemporaryDir dir;
        const auto config = quick(20);
        const auto whole = train(dir.filePath("whole"), config);

        i3::CancelToken cancel;
        const auto before = train(dir.filePath("split"), config, &cancel, 10);
        QCOMPARE(before.size(), size_t(10));
        std::map<int64_t, double> after;
        auto resumed = i3::Trainer::resume(dir.filePath("split").toStdString());
        QCOMPARE(resumed->completed_steps(), int64_t(10));
        resumed->run([&](const i3::TrainEvent& event) {
            if (event.kind == i3::TrainEvent::Kind::Step)
                after[event.step] = event.loss;
        });
        QCOMPARE(after.size(), size_t(10));
        for (int64_t step = 11; step <= 20; ++step)
            QVERIFY2(std::abs(after[step] - whole.at(step)) <= 1e-6 * std::abs(whole.at(step)),
                     qPrintable(QString("step %1: %2 vs %3").arg(step).arg(after[step]).arg(whole.at(step))));
    }

    // Attention first, interleaved: the run's files say so, the artifacts load in that order, and
    // resuming continues exactly.
    void aLayerPatternTrainsSavesAndResumes()
    {
        QTemporaryDir dir;
        i3::ModelConfig model = tiny();
        model.set_layer_order("AHAH");
        const auto config = quick(20);
        const auto whole = train(dir.filePath("whole"), config, nullptr, -1, model);
        QCOMPARE(whole.size(), size_t(20));
        QVERIFY2(whole.at(20) < whole.at(1) - 0.5, qPrintable(QString("%1 -> %2").arg(whole.at(1)).arg(whole.at(20))));

        const QDir folder(dir.filePath("whole"));
        const auto info = nlohmann::json::parse(std::ifstream(folder.filePath("run.json").toStdString()));
        QCOMPARE(info.at("model").at("layer_pattern").get<std::string>(), std::string("AHAH"));
        QCOMPARE(info.at("model").at("conv_layers").get<int>(), 2);
        auto loaded = i3::load_model_folder(folder.filePath("i3-model-artifacts").toStdString());
        QCOMPARE(loaded.config.layer_order(), std::string("AHAH"));
        const auto names = loaded.model->named_parameters();
        for (const char* name : {"layers.0.attn.qkv.weight", "layers.1.hybrid.A", "layers.2.attn.out_proj.bias",
                                 "layers.3.hybrid.w_mix"})
            QVERIFY2(names.contains(name), name);
        QVERIFY(!names.contains("layers.0.hybrid.A"));

        i3::CancelToken cancel;
        const auto before = train(dir.filePath("split"), config, &cancel, 10, model);
        QCOMPARE(before.size(), size_t(10));
        std::map<int64_t, double> after;
        auto resumed = i3::Trainer::resume(dir.filePath("split").toStdString());
        resumed->run([&](const i3::TrainEvent& event) {
            if (event.kind == i3::TrainEvent::Kind::Step)
                after[event.step] = event.loss;
        });
        QCOMPARE(after.size(), size_t(10));
        for (int64_t step = 11; step <= 20; ++step)
            QVERIFY2(std::abs(after[step] - whole.at(step)) <= 1e-6 * std::abs(whole.at(step)),
                     qPrintable(QString("step %1: %2 vs %3").arg(step).arg(after[step]).arg(whole.at(step))));
    }

    void accumulationEqualsALargerBatch()
    {
        // Two micro-batches of 2 draw the same 4 windows as one batch of 4, so the first step's
        // loss and accumulated gradient (seen through its norm) must be the same. (The weights
        // after the step can differ by 2 lr where a gradient is near zero: Adam's first step is
        // lr times its sign.)
        QTemporaryDir dir;
        auto big = quick(1);
        auto accumulated = quick(1);
        accumulated.batch_size = 2;
        accumulated.grad_accum = 2;
        auto first_step = [&](const QString& folder, const i3::TrainConfig& config) {
            std::pair<double, double> loss_and_norm;
            i3::Trainer trainer(folder.toStdString(), tiny(), config, data_for(config, tiny().max_seq_len));
            trainer.run([&](const i3::TrainEvent& event) {
                if (event.kind == i3::TrainEvent::Kind::Step)
                    loss_and_norm = {event.loss, event.grad_norm};
            });
            return loss_and_norm;
        };
        const auto [big_loss, big_norm] = first_step(dir.filePath("big"), big);
        const auto [accumulated_loss, accumulated_norm] = first_step(dir.filePath("accumulated"), accumulated);
        QVERIFY(std::abs(big_loss - accumulated_loss) < 1e-5 * big_loss);
        QVERIFY(std::abs(big_norm - accumulated_norm) < 1e-4 * big_norm);
        QVERIFY(big_norm > 0);
    }

    void badDataIsRefused()
    {
        const auto config = quick(5);
        const auto tokenizer = i3::ChunkTokenizer::build({"hello there"});
        QVERIFY_EXCEPTION_THROWN(i3::prepare_training_data({}, tokenizer, {}, config, 32), i3::Error);
        QVERIFY_EXCEPTION_THROWN(i3::prepare_training_data({"   ", "\n"}, tokenizer, {}, config, 32), i3::Error);
        QVERIFY_EXCEPTION_THROWN(i3::prepare_training_data({"hello there"}, tokenizer, {}, config, 32), i3::Error);
        QTemporaryDir dir;
        auto bad = config;
        bad.lr = -1;
        QVERIFY_EXCEPTION_THROWN(i3::Trainer(dir.path().toStdString(), tiny(), bad, data_for(config, 32)), i3::Error);
        QVERIFY_EXCEPTION_THROWN(i3::Trainer::resume(dir.filePath("nothing").toStdString()), i3::Error);
    }

    // Periodic checkpoints are pruned to the newest keep_checkpoints; the best stays apart, and
    // the run resumes from the newest.
    void checkpointRetentionKeepsTheNewestAndTheBest()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath("kept");
        auto config = quick(50);
        config.keep_checkpoints = 2;
        train(folder, config);
        auto entries = [&] {
            return QDir(folder + "/checkpoints").entryList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name);
        };
        QCOMPARE(entries(), (QStringList{"best", "latest", "step-0000040", "step-0000050"}));
        QCOMPARE(QString::fromStdString(i3::RunFolder(folder.toStdString()).latest_checkpoint()->filename().string()),
                 QStringLiteral("step-0000050"));

        auto resumed = i3::Trainer::resume(folder.toStdString(), 70);
        QCOMPARE(resumed->completed_steps(), int64_t(50));
        resumed->run({});
        QCOMPARE(entries(), (QStringList{"best", "latest", "step-0000060", "step-0000070"}));
    }

    // create_run checks the folder before it reads anything, and reuses data prepared from the
    // same DataSpec instead of building the tokenizer and encoding again.
    void createRunReusesPreparedData()
    {
        QTemporaryDir dir;
        i3::DataSpec data;
        data.max_texts = 120;
        std::vector<i3::PreparationPhase> phases;
        const i3::PreparationProgress record = [&](i3::PreparationPhase phase, double) { phases.push_back(phase); };
        const auto prepared = i3::prepare_data(data, record);
        QVERIFY(std::count(phases.begin(), phases.end(), i3::PreparationPhase::BuildingTokenizer) > 0);
        QCOMPARE(prepared->stats.texts, size_t(120));

        i3::RunSpec spec;
        spec.data = data;
        spec.model = tiny();
        spec.training = quick(2);
        spec.prepared = prepared;

        QDir().mkpath(dir.filePath("occupied"));
        write_text(dir.filePath("occupied/notes.txt"), "mine");
        spec.folder = dir.filePath("occupied").toStdString();
        phases.clear();
        QVERIFY_EXCEPTION_THROWN(i3::create_run(spec, {record, {}}), i3::Error);
        QVERIFY(phases.empty());

        spec.folder = dir.filePath("reused").toStdString();
        i3::create_run(spec, {record, {}})->run({});
        QCOMPARE(phases, std::vector<i3::PreparationPhase>{i3::PreparationPhase::CreatingFolder});
        const QString saved = dir.filePath("analysed-tokenizer.json");
        prepared->tokenizer.save(saved.toStdString());
        QCOMPARE(read_bytes(dir.filePath("reused/tokenizer.json")), read_bytes(saved));

        // Other data: prepared afresh.
        spec.data.max_texts = 100;
        spec.folder = dir.filePath("fresh").toStdString();
        phases.clear();
        i3::create_run(spec, {record, {}});
        QVERIFY(std::count(phases.begin(), phases.end(), i3::PreparationPhase::BuildingTokenizer) > 0);

        // The same file names, but a file that changed since: prepared afresh too.
        const QString texts = dir.filePath("texts.txt");
        QByteArray rhymes;
        for (const auto& text : rhyme_texts())
            rhymes += QByteArray::fromStdString(text) + "\n\n";
        write_text(texts, rhymes);
        i3::DataSpec fromFile;
        fromFile.builtin_corpus = false;
        fromFile.sources = {i3::DataSource(texts.toStdString())};
        spec.data = fromFile;
        spec.prepared = i3::prepare_data(fromFile);
        write_text(texts, rhymes + "a new text at the end.\n");
        spec.folder = dir.filePath("changed").toStdString();
        phases.clear();
        i3::create_run(spec, {record, {}});
        QVERIFY(std::count(phases.begin(), phases.end(), i3::PreparationPhase::ReadingTexts) > 0);
    }
};

QTEST_GUILESS_MAIN(TestTraining)
#include "test_training.moc"
