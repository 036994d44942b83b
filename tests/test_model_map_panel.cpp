// SPDX-License-Identifier: GPL-3.0-or-later
// The Model map panel on a run folder written by a short real training, driven as a user would
// (clicking blocks, picking a tensor and a step), and what it shows compared with independent
// computations: the boxes' parameters with a count of a real model's tensors by name, their
// FLOPs with the formula worked out by hand per block, the bars' update-to-weight ratios and
// the plots' curves and histograms with weights.jsonl parsed here as plain JSON; then the file
// grows by a record, half of it first, and the panel follows.
#include "model_map_panel.h"

#include "block_map.h"
#include "metric_plot.h"
#include "custom_plot.h"

#include "config/model_config.h"
#include "runs/run_folder.h"
#include "training/trainer.h"

#include <QtTest>
#include <QtWidgets>

#include <torch/torch.h>

#include <cmath>
#include <fstream>

namespace {

std::vector<std::string> rhyme_texts()
{
    std::vector<std::string> texts;
    const char* lines[] = {"the cat sat on the mat. ", "the dog ran to the park. ", "a bird sang in the tree. "};
    for (int i = 0; i < 120; ++i)
        texts.push_back(std::string(lines[i % 3]) + lines[(i / 3) % 3]);
    return texts;
}

// The block index of a state-dict name, from the name alone: 0 the embedding, 1 + i for
// layers.i, the last for ln_f and head.
int blockOfName(const std::string& name, int layers)
{
    if (name.rfind("embed.", 0) == 0 || name.rfind("pos_embed.", 0) == 0)
        return 0;
    if (name.rfind("layers.", 0) == 0)
        return 1 + std::stoi(name.substr(7));
    return layers + 1;
}

std::vector<nlohmann::json> fileRecords(const QString& run)
{
    std::ifstream in(i3::RunFolder(run.toStdString()).weights_file());
    std::vector<nlohmann::json> records;
    for (std::string line; std::getline(in, line);)
        records.push_back(nlohmann::json::parse(line));
    return records;
}

const nlohmann::json& fileTensor(const nlohmann::json& record, const std::string& name)
{
    for (const auto& tensor : record["tensors"])
        if (tensor["name"] == name)
            return tensor;
    qFatal("no tensor %s", name.c_str());
}

} // namespace

class TestModelMapPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void boxesShowTheModelsBlocks();
    void barsShowEachBlocksUpdateRatio();
    void clickingABlockShowsItsTensors();
    void followsAGrowingFile();
    void saysWhatIsMissing();

private:
    QTemporaryDir dir_;
    QString run_;
    i3::ModelConfig shape_;
};

void TestModelMapPanel::initTestCase()
{
    run_ = dir_.filePath("run");
    shape_ = i3::ModelConfig::preset("tiny");
    shape_.max_seq_len = 16;
    i3::TrainConfig config;
    config.steps = 6;
    config.batch_size = 2;
    config.lr = 3e-3;
    config.warmup_steps = 1;
    config.log_every = 1;
    config.eval_every = 100;
    config.checkpoint_every = 100;
    config.eval_windows = 2;
    config.sample_tokens = 0;
    config.weights_every = 2;
    const auto texts = rhyme_texts();
    i3::Trainer trainer(run_.toStdString(), shape_, config,
                        i3::prepare_training_data(texts, i3::ChunkTokenizer::build(texts), {"rhymes"}, config,
                                                  shape_.max_seq_len));
    trainer.run({});
    shape_ = i3::RunFolder(run_.toStdString()).read_info().model; // the vocabulary is the tokenizer's
    QCOMPARE(fileRecords(run_).size(), size_t(3));
}

void TestModelMapPanel::boxesShowTheModelsBlocks()
{
    ModelMapPanel panel;
    panel.showRun(run_);
    const auto& boxes = panel.blockMap()->blocks();
    const int layers = int(shape_.n_layers());
    QCOMPARE(int(boxes.size()), layers + 2);

    const i3::I3Model model(shape_);
    std::vector<qint64> counted(boxes.size(), 0);
    qint64 total = 0;
    for (const auto& item : model->named_parameters()) {
        counted[size_t(blockOfName(item.key(), layers))] += item.value().numel();
        total += item.value().numel();
    }
    const double d = double(shape_.d_model), n = double(shape_.d_state), v = double(shape_.vocab_size),
                 t = double(shape_.max_seq_len);
    const double hybrid = 6 * (n * n + 2 * n * d + 8 * d * d);
    const double attention = 6 * (4 * d * d + 8 * d * d) + 6 * t * d;
    const double head = 6 * v * d;
    const double flops = shape_.hybrid_layers * hybrid + shape_.attn_layers * attention + head;
    for (size_t i = 0; i < boxes.size(); ++i) {
        QCOMPARE(boxes[i].parameters, counted[i]);
        QVERIFY(std::abs(boxes[i].parameterShare - double(counted[i]) / double(total)) < 1e-12);
        const double expected = i == 0 ? 0 : i == boxes.size() - 1 ? head
                              : int(i) <= shape_.hybrid_layers   ? hybrid
                                                                 : attention;
        QCOMPARE(boxes[i].flopsPerToken, expected);
        QVERIFY(std::abs(boxes[i].flopsShare - expected / flops) < 1e-12);
    }
    QCOMPARE(boxes[0].name, QString("embedding"));
    QCOMPARE(boxes[1].name, QString("hybrid 0"));
    QCOMPARE(boxes[size_t(layers)].name, QString("attention %1").arg(layers - 1));
    QCOMPARE(boxes.back().name, QString("head"));
    // What a box says: the name, then its parameters and share.
    const QStringList texts = panel.blockMap()->boxTexts(1);
    QCOMPARE(texts[0], QString("hybrid 0"));
    QCOMPARE(texts[2], QLocale().toString(double(counted[1]) / double(total) * 100, 'f', 1) + " %");
    QVERIFY(texts[1].endsWith(" k") || texts[1].endsWith(" M"));
}

void TestModelMapPanel::barsShowEachBlocksUpdateRatio()
{
    ModelMapPanel panel;
    panel.showRun(run_);
    const auto records = fileRecords(run_);
    QCOMPARE(panel.records().size(), records.size());
    QCOMPARE(panel.shownStep(), qint64(6)); // the latest
    const auto& latest = records.back();
    const int layers = int(shape_.n_layers());
    std::vector<double> updates(size_t(layers + 2), 0), weights(size_t(layers + 2), 0);
    for (const auto& tensor : latest["tensors"]) {
        const size_t block = size_t(blockOfName(tensor["name"], layers));
        updates[block] += std::pow(tensor["update_norm"].get<double>(), 2);
        weights[block] += std::pow(tensor["weight_norm"].get<double>(), 2);
    }
    const auto& boxes = panel.blockMap()->blocks();
    for (size_t i = 0; i < boxes.size(); ++i) {
        const double expected = std::sqrt(updates[i]) / std::sqrt(weights[i]);
        QVERIFY2(std::abs(boxes[i].updateRatio - expected) <= 1e-12 * expected, qPrintable(boxes[i].name));
        QVERIFY(boxes[i].updateRatio > 0);
    }
    QCOMPARE(BlockMap::barFraction(1e-3), 0.6);
    QCOMPARE(BlockMap::barFraction(1e-7), 0.0);
    QCOMPARE(BlockMap::barFraction(std::nan("")), 0.0);
}

void TestModelMapPanel::clickingABlockShowsItsTensors()
{
    ModelMapPanel panel;
    panel.resize(1280, 760);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.showRun(run_);
    const int attention = int(shape_.hybrid_layers) + 1; // the first attention block's box
    QTest::mouseClick(panel.blockMap(), Qt::LeftButton, {}, panel.blockMap()->boxRect(attention).center());
    QCOMPARE(panel.selectedBlock(), attention);
    const std::string prefix = "layers." + std::to_string(attention - 1) + ".";
    auto* table = panel.tensorTable();
    QCOMPARE(table->rowCount(), 12); // ln1, ln2 (weight, bias), ffn.0, ffn.2, qkv, out_proj (weight, bias)
    QCOMPARE(panel.selectedTensor(), QString::fromStdString(prefix + "ffn.0.weight")); // the largest first

    // A tensor picked in the table: its row's numbers and its curves, against the file.
    const std::string name = prefix + "attn.qkv.weight";
    const auto rows = table->findItems(QString::fromStdString(name), Qt::MatchExactly);
    QCOMPARE(rows.size(), 1);
    const int row = rows.front()->row();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(table->item(row, 1)).center());
    QCOMPARE(panel.selectedTensor(), QString::fromStdString(name));
    const auto records = fileRecords(run_);
    const auto& latest = fileTensor(records.back(), name);
    QCOMPARE(table->item(row, ModelMapPanel::ShapeColumn)->text(),
             QString("%1 × %2").arg(3 * shape_.d_model).arg(shape_.d_model));
    QCOMPARE(table->item(row, ModelMapPanel::WeightNormColumn)->text(),
             QLocale().toString(latest["weight_norm"].get<double>(), 'g', 4));
    QCOMPARE(table->item(row, ModelMapPanel::RatioColumn)->text(),
             QLocale().toString(latest["update_norm"].get<double>() / latest["weight_norm"].get<double>(), 'e', 2));

    const auto weightCurve = panel.normPlot()->column(ModelMapPanel::weightNormSeries());
    const auto gradCurve = panel.normPlot()->column(ModelMapPanel::gradNormSeries());
    const auto ratioCurve = panel.ratioPlot()->column(ModelMapPanel::tensorRatioSeries());
    QCOMPARE(weightCurve.x, (QVector<double>{2, 4, 6}));
    for (int i = 0; i < 3; ++i) {
        const auto& tensor = fileTensor(records[size_t(i)], name);
        QCOMPARE(weightCurve.y[i], tensor["weight_norm"].get<double>());
        QCOMPARE(gradCurve.y[i], tensor["grad_norm"].get<double>());
        QCOMPARE(ratioCurve.y[i], tensor["update_norm"].get<double>() / tensor["weight_norm"].get<double>());
    }
    QCOMPARE(panel.ratioPlot()->pointCount(ModelMapPanel::blockRatioSeries()), 3);

    // The histograms of an earlier step, chosen in the step box.
    auto* steps = panel.findChild<QComboBox*>("modelMapStepCombo");
    const int index = steps->findText("2");
    QVERIFY(index > 0);
    steps->setCurrentIndex(index);
    Q_EMIT steps->activated(index);
    QCOMPARE(panel.shownStep(), qint64(2));
    const auto& early = fileTensor(records.front(), name);
    for (const auto& [bars, key] : {std::pair{panel.weightBars(), "weights"}, std::pair{panel.gradBars(), "grads"}}) {
        const auto& histogram = early[key];
        const auto counts = histogram["counts"].get<std::vector<int64_t>>();
        QCOMPARE(bars->data()->size(), int(counts.size()));
        const double low = histogram["low"].get<double>(), high = histogram["high"].get<double>();
        const double width = (high - low) / double(counts.size());
        int64_t sum = 0;
        for (int bin = 0; bin < int(counts.size()); ++bin) {
            const auto point = bars->data()->at(bin);
            QVERIFY(std::abs(point->key - (low + (bin + 0.5) * width)) < 1e-12);
            QCOMPARE(point->value, double(counts[size_t(bin)]));
            sum += counts[size_t(bin)];
        }
        QCOMPARE(sum, int64_t(3 * shape_.d_model * shape_.d_model));
    }
    QVERIFY(panel.findChild<QGroupBox*>("modelMapWeightBox")->title().contains("step 2"));
    // With the longest names shown, the panel still fits beside the run browser at 1280 px.
    QVERIFY2(panel.minimumSizeHint().width() <= 960, qPrintable(QString::number(panel.minimumSizeHint().width())));
}

void TestModelMapPanel::followsAGrowingFile()
{
    QTemporaryDir copyDir;
    const QString run = copyDir.filePath("run");
    QDir().mkpath(run);
    for (const char* file : {"run.json", "weights.jsonl"})
        QVERIFY(QFile::copy(QDir(run_).filePath(file), QDir(run).filePath(file)));
    ModelMapPanel panel;
    panel.showRun(run);
    QCOMPARE(panel.records().size(), size_t(3));
    auto record = fileRecords(run).back();
    record["step"] = 8;
    for (auto& tensor : record["tensors"])
        tensor["update_norm"] = tensor["weight_norm"].get<double>() * 0.5;
    const std::string line = record.dump() + "\n";
    const std::string path = i3::RunFolder(run.toStdString()).weights_file().string();
    {
        std::ofstream out(path, std::ios::app);
        out << line.substr(0, line.size() / 2);
    }
    panel.poll();
    QCOMPARE(panel.records().size(), size_t(3)); // half a line waits
    QCOMPARE(panel.shownStep(), qint64(6));
    {
        std::ofstream out(path, std::ios::app);
        out << line.substr(line.size() / 2);
    }
    panel.poll();
    QCOMPARE(panel.records().size(), size_t(4));
    QCOMPARE(panel.shownStep(), qint64(8)); // the latest, followed
    for (const auto& box : panel.blockMap()->blocks())
        QVERIFY(std::abs(box.updateRatio - 0.5) < 1e-12);
    QCOMPARE(panel.normPlot()->pointCount(ModelMapPanel::weightNormSeries()), 4);
}

void TestModelMapPanel::saysWhatIsMissing()
{
    ModelMapPanel panel;
    QVERIFY(panel.blockMap()->blocks().empty());
    QVERIFY(!panel.noteText().isEmpty());
    // A run that records nothing: the boxes, and a note saying why there are no bars.
    QTemporaryDir copyDir;
    const QString run = copyDir.filePath("run");
    QDir().mkpath(run);
    QVERIFY(QFile::copy(QDir(run_).filePath("run.json"), QDir(run).filePath("run.json")));
    panel.showRun(run);
    QCOMPARE(int(panel.blockMap()->blocks().size()), int(shape_.n_layers()) + 2);
    QCOMPARE(panel.shownStep(), qint64(-1));
    QVERIFY(panel.noteText().contains("every 2 steps"));
    QCOMPARE(panel.tensorTable()->rowCount(), 0);
    panel.showRun(dir_.filePath("nothing here"));
    QVERIFY(panel.blockMap()->blocks().empty());
    QVERIFY(panel.findChild<QLabel*>("modelMapRunLabel")->text().contains("nothing here"));
}

QTEST_MAIN(TestModelMapPanel)
#include "test_model_map_panel.moc"
