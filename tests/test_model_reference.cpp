// SPDX-License-Identifier: GPL-3.0-or-later
// The whole model against Python's PyTorch running an independent implementation of the
// reference (fixtures/i3_reference_model.py): logits, greedy generation past the window, eval
// loss, and files crossing in both directions; for the reference's order of blocks and for a
// layer pattern of another (attention first, interleaved).
#include "model/model_artifacts.h"
#include "generation/generator.h"
#include "formats/safetensors.h"
#include "test_support.h"

#include <QtTest>

#include <torch/torch.h>

#include <fstream>

namespace {

torch::Tensor read_f32(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    return torch::from_blob(const_cast<char*>(bytes.data()), {bytes.size() / 4}, torch::kFloat).clone();
}

QStringList id_strings(const std::vector<int64_t>& ids)
{
    QStringList strings;
    for (const int64_t id : ids)
        strings << QString::number(id);
    return strings;
}

} // namespace

class TestModelReference : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString reference_;
    QString patterned_; // the blocks in the order kPattern

    static constexpr const char* kPattern = "AHHA";

    // Each model-level test runs on both folders.
    void both_folders()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("reference order") << reference_;
        QTest::newRow("layer pattern AHHA") << patterned_;
    }

private Q_SLOTS:
    void initTestCase()
    {
        reference_ = dir_.filePath("reference");
        patterned_ = dir_.filePath("patterned");
        for (const auto& args : {QStringList{"make", reference_}, QStringList{"make", patterned_, kPattern}}) {
            const auto made = i3test::run_python("reference_model_tool.py", args);
            QVERIFY2(made.exit_code == 0, made.err.constData());
        }
    }

    void logitsMatchPyTorch_data() { both_folders(); }
    void logitsMatchPyTorch()
    {
        QFETCH(QString, folder);
        auto loaded = i3::load_model_folder(folder.toStdString());
        // config.json says d_state 64; the weights (of the first hybrid block) say 6, and win.
        QCOMPARE(loaded.config.d_state, int64_t(6));
        QCOMPARE(loaded.notes.size(), size_t(1));
        QVERIFY(QString::fromStdString(loaded.notes[0]).contains("d_state 64"));
        QCOMPARE(loaded.config.layer_order(), std::string(folder == patterned_ ? kPattern : "HHAA"));

        const auto json = nlohmann::json::parse(std::ifstream((folder + "/inputs.json").toStdString()));
        std::vector<torch::Tensor> rows;
        for (const auto& row : json.get<std::vector<std::vector<int64_t>>>())
            rows.push_back(torch::tensor(row));
        torch::NoGradGuard no_grad;
        const auto logits = loaded.model->forward(torch::stack(rows)).reshape({-1});
        const auto expected = read_f32(folder + "/logits.f32");
        QCOMPARE(logits.numel(), expected.numel());
        const double error = ((logits - expected).abs().max() / expected.abs().max()).item<double>();
        QVERIFY2(error < 1e-5, qPrintable(QString("relative error %1").arg(error)));
    }

    void wrappedBestCheckpointLoads()
    {
        // No config.json beside it: the wrapper's own config is used.
        auto loaded = i3::load_model_folder((reference_ + "/best").toStdString());
        auto plain = i3::load_model_folder(reference_.toStdString());
        QCOMPARE(loaded.config.vocab_size, plain.config.vocab_size);
        const auto a = i3::model_state_dict(loaded.model);
        const auto b = i3::model_state_dict(plain.model);
        for (size_t i = 0; i < a.size(); ++i)
            QVERIFY(torch::equal(a[i].second, b[i].second));
    }

    void ourFilesLoadInPyTorch_data() { both_folders(); }
    void ourFilesLoadInPyTorch()
    {
        QFETCH(QString, folder);
        auto loaded = i3::load_model_folder(folder.toStdString());
        const QString ours = folder + "-ours";
        i3::save_model_folder(ours.toStdString(), loaded.config, loaded.model, loaded.tokenizer);
        // Only a model in another order than the reference's says which in config.json.
        const auto written = nlohmann::json::parse(i3test::read_file(ours + "/config.json").toStdString());
        QCOMPARE(written.contains("layer_pattern"), folder == patterned_);
        const auto checked = i3test::run_python("reference_model_tool.py", {"check", ours, folder});
        QVERIFY2(checked.exit_code == 0, checked.err.constData());
        // And our safetensors holds the same numbers as our .bin.
        const auto from_safetensors = i3::read_safetensors((ours + "/model.safetensors").toStdString());
        const auto reloaded = i3::load_model_folder(ours.toStdString());
        QCOMPARE(reloaded.weights_file.filename().string(), std::string("model.safetensors"));
        QCOMPARE(from_safetensors.size(), i3::model_state_dict(loaded.model).size());
    }

    void greedyGenerationMatchesTheReferenceLoop_data() { both_folders(); }
    void greedyGenerationMatchesTheReferenceLoop()
    {
        QFETCH(QString, folder);
        auto loaded = i3::load_model_folder(folder.toStdString());
        const std::string prompt = "once upon a time, the cat";
        const auto prompt_ids = loaded.tokenizer.encode(prompt);
        const int new_tokens = 40; // the window is 16: most of these are past it
        const auto python = i3test::run_python("reference_model_tool.py",
                                               QStringList{"greedy", folder, QString::number(new_tokens)} +
                                                   id_strings(prompt_ids));
        QVERIFY2(python.exit_code == 0, python.err.constData());
        const QList<QByteArray> lines = python.out.split('\n');
        i3::GenerationOptions options;
        options.sampling.top_k = 1;
        options.max_new_tokens = new_tokens;
        const auto ours = i3::Generator(loaded.model, loaded.tokenizer).generate(prompt, options);
        QCOMPARE(id_strings(ours.new_ids).join(' '), QString::fromUtf8(lines[0]));

        const auto cli = i3test::run_cli({"generate", "--model_dir", folder, "--top_k", "1", "--length",
                                          QString::number(new_tokens), "--prompt", QString::fromStdString(prompt)});
        QVERIFY2(cli.exit_code == 0, cli.err.constData());
        QCOMPARE(QString::fromUtf8(cli.out), QString::fromUtf8(lines[1]) + "\n");
        QVERIFY(cli.err.contains("tokens/s"));
    }

    void evalMatchesPyTorch_data() { both_folders(); }
    void evalMatchesPyTorch()
    {
        QFETCH(QString, folder);
        auto loaded = i3::load_model_folder(folder.toStdString());
        const QString text_file = dir_.filePath("eval.txt");
        QFile file(text_file);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("The hat and the cat were on a mat. Once upon a time you ate it, and then it rained.\n"
                   "Ceci est un été. The end.");
        file.close();
        std::ifstream in(text_file.toStdString());
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto ids = loaded.tokenizer.encode(text);
        const auto python = i3test::run_python("reference_model_tool.py", QStringList{"eval", folder} + id_strings(ids));
        QVERIFY2(python.exit_code == 0, python.err.constData());
        const auto expected = QString::fromUtf8(python.out).split(' ');
        const auto cli = i3test::run_cli({"eval", "--model_dir", folder, text_file});
        QVERIFY2(cli.exit_code == 0, cli.err.constData());
        const auto ours = QString::fromUtf8(cli.out).trimmed().split(' '); // loss X ppl Y tokens N
        QCOMPARE(ours.size(), 6);
        QVERIFY(std::abs(ours[1].toDouble() - expected[0].toDouble()) < 1e-4);
        QVERIFY(std::abs(ours[3].toDouble() - std::exp(ours[1].toDouble())) < 1e-3 * ours[3].toDouble());
        QCOMPARE(ours[5].toInt(), expected[1].trimmed().toInt());
    }
};

QTEST_GUILESS_MAIN(TestModelReference)
#include "test_model_reference.moc"
