// SPDX-License-Identifier: GPL-3.0-or-later
// The Model & hyperparameters panel: presets, live validation, parameter count, round trips, the
// layer-pattern editor driven by its buttons, its pattern field and the layer counts; a
// trained model to fine-tune, from a folder or the stand-in Hub (fixtures/hub_server.py), with its
// shape, vocabulary and the fine-tuning recipe, and the folders that disagree with themselves.
#include "config/fine_tuning.h"
#include "config/model_config.h"
#include "config/train_config.h"
#include "data/builtin_corpus.h"
#include "model/model_artifacts.h"

#include "engine_job.h"
#include "flops_text.h"
#include "hub_stand_in.h"
#include "layer_pattern_editor.h"
#include "model_panel.h"
#include "telemetry/memory_estimate.h"
#include "telemetry/training_flops.h"
#include "test_support.h"

#include <QtTest>
#include <QtWidgets>

namespace {

// The i3 parameter count written out from the weight shapes of i3-reference.md §3.
qint64 referenceParameterCount(qint64 vocab, qint64 d, qint64 context, qint64 dState, qint64 hybrid, qint64 attention)
{
    const qint64 layerNorms = 2 * (d + d);                         // ln1, ln2: weight and bias
    const qint64 ffn = (4 * d * d + 4 * d) + (d * 4 * d + d);      // ffn.0 and ffn.2
    const qint64 mixer = d + dState * dState + dState * d + d * dState + d; // w_mix, A, B, C, D
    const qint64 attn = (3 * d * d + 3 * d) + (d * d + d);         // qkv, out_proj
    return vocab * d + context * d + hybrid * (layerNorms + ffn + mixer) + attention * (layerNorms + ffn + attn) +
           (d + d) + (vocab * d + vocab);
}

// A preset's file as the source tree has it, read here without the engine.
QJsonObject presetFile(const char* name)
{
    QFile file(QStringLiteral(I3_PRESETS_DIR "/%1.json").arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QStringList lastValidity(const QSignalSpy& spy)
{
    return spy.isEmpty() ? QStringList{}
                         : QStringList{spy.last().at(0).toBool() ? "valid" : "invalid", spy.last().at(1).toString()};
}

void typeInto(QAbstractSpinBox* spin, const QString& text)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, text);
}

} // namespace

class TestModelPanel : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString modelFolder_; // a tiny model whose vocabulary is its own tokenizer's
    i3::ModelConfig modelConfig_;

private Q_SLOTS:
    void initTestCase();
    void fitsTheStudioWindow();
    void defaultsSuitASmallCpu();
    void aPresetBringsItsRecipe();
    void i3_80mShowsTheReferenceParameterCount();
    void headsThatDoNotDivideTheWidthAreReported();
    void zeroBatchAndContextAreInvalid();
    void configurationsRoundTrip();
    void bf16IsChosenAndNeedsCuda();
    void memoryEstimateFollowsItsFormula();
    void theLayerPatternEditorReordersAndSwitchesBlocks();
    void layerCountsAndATypedPatternFollowEachOther();
    void fineTunesAHubModelWithItsShapeAndTheRecipe();
    void fineTunesAModelFolderAndRefusesOneThatDisagrees();
};

void TestModelPanel::initTestCase()
{
    QVERIFY(dir_.isValid());
    auto texts = i3::builtin_corpus_texts();
    texts.resize(200);
    const auto tokenizer = i3::ChunkTokenizer::build(texts);
    modelConfig_ = i3::ModelConfig::preset("tiny");
    modelConfig_.vocab_size = tokenizer.vocab_size();
    modelConfig_.max_seq_len = 32;
    i3::I3Model model(modelConfig_);
    modelFolder_ = dir_.filePath("tiny-i3");
    i3::save_model_folder(modelFolder_.toStdString(), modelConfig_, model, tokenizer);
}

// The Hub repo is downloaded through the cache (progress through the job) and read; its shape
// and vocabulary fill the panel and lock, the recipe is suggested, and Start from scratch brings
// back what was there.
void TestModelPanel::fineTunesAHubModelWithItsShapeAndTheRecipe()
{
    const QString spec = dir_.filePath("spec.json");
    i3test::write_file(spec, QJsonDocument(QJsonObject{{"repos", QJsonArray{QJsonObject{
                                                                   {"type", "model"},
                                                                   {"id", "owner/tiny-i3"},
                                                                   {"folder", modelFolder_},
                                                                   {"lfs", QJsonArray{"model.safetensors", "pytorch_model.bin"}}}}}})
                                 .toJson());
    i3test::HubServer hub;
    QVERIFY(hub.start(spec));
    const QString cache = dir_.filePath("hf-cache");
    qputenv("HF_ENDPOINT", hub.endpoint().toUtf8());
    qputenv("HF_HUB_CACHE", cache.toUtf8());
    qunsetenv("HF_HUB_OFFLINE");
    qunsetenv("HF_TOKEN");

    ModelPanel panel;
    const i3::ModelConfig scratchModel = panel.modelConfig();
    const i3::TrainConfig scratchTrain = panel.trainConfig();
    QStringList messages; // the job's progress, queued to this thread in order
    connect(&panel, &ModelPanel::jobStarted, &panel, [&](EngineJob* job) {
        connect(job, &EngineJob::progress, &panel, [&messages](double, const QString& message) { messages << message; });
    });
    QSignalSpy changed(&panel, &ModelPanel::fineTuneBaseChanged);
    panel.fineTuneHubModel("owner/tiny-i3");
    QVERIFY(panel.isLoadingFineTuneBase());
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isLoadingFineTuneBase(), 120000);
    QVERIFY2(panel.fineTuneError().isEmpty(), qPrintable(panel.fineTuneError()));
    QCOMPARE(changed.count(), 1);
    QVERIFY2(messages.join('|').contains("Downloading owner/tiny-i3: model.safetensors"), qPrintable(messages.join('|')));

    const auto base = panel.fineTuneBase();
    QVERIFY(base);
    const QString commit = hub.ask("info").value("model:owner/tiny-i3").toObject().value("commit").toString();
    QCOMPARE(base->folder, cache + "/models--owner--tiny-i3/snapshots/" + commit);
    QCOMPARE(base->name, QString("owner/tiny-i3"));
    QCOMPARE(base->tokenizerFile, base->folder + "/tokenizer.json");
    for (const auto& setting : i3::ModelConfig::settings())
        QCOMPARE(setting.text(panel.modelConfig()), setting.text(modelConfig_));
    QCOMPARE(panel.vocabularySize(), qint64(modelConfig_.vocab_size));
    QVERIFY(!panel.findChild<QSpinBox*>("dModelSpin")->isEnabled());
    QVERIFY(!panel.findChild<QComboBox*>("presetCombo")->isEnabled());

    // The recipe: 1e-5 and fewer steps, said in the panel.
    const i3::TrainConfig tuned = panel.trainConfig();
    QCOMPARE(tuned.lr, i3::kFineTuningLr);
    QVERIFY(tuned.steps < scratchTrain.steps);
    QCOMPARE(tuned.steps, i3::fine_tuning_recipe(scratchTrain).steps);
    QCOMPARE(tuned.batch_size, scratchTrain.batch_size);
    const QString remark = panel.findChild<QLabel*>("fineTuneRemarkLabel")->text();
    QVERIFY2(remark.contains(QLocale().toString(i3::kFineTuningLr, 'g', 6)) && remark.contains(QLocale().toString(tuned.steps)),
             qPrintable(remark));
    QVERIFY2(panel.isValid(), qPrintable(panel.problems().join('\n')));
    // What the next session remembers is the configuration from before, not the fine-tuning one.
    QCOMPARE(panel.ownTrainConfig().lr, scratchTrain.lr);
    QCOMPARE(panel.ownModelConfig().d_model, scratchModel.d_model);

    // The analysis of the data reports another vocabulary: the model's stays, and the panel says why.
    panel.setVocabularySize(modelConfig_.vocab_size + 7);
    QCOMPARE(panel.modelConfig().vocab_size, modelConfig_.vocab_size);
    QVERIFY2(panel.findChild<QLabel*>("vocabularyLabel")->text().contains("another tokenizer"),
             qPrintable(panel.findChild<QLabel*>("vocabularyLabel")->text()));

    // A shape that is not the model's, set from elsewhere, is named plainly and stops training.
    panel.selectPreset("small");
    QVERIFY(!panel.isValid());
    const QString problems = panel.problems().join('\n');
    QVERIFY2(problems.contains("d_model is 128 here but 64 in owner/tiny-i3, the model being fine-tuned"),
             qPrintable(problems));

    panel.startFromScratch();
    QVERIFY(!panel.fineTuneBase());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(panel.trainConfig().lr, scratchTrain.lr);
    QCOMPARE(panel.trainConfig().steps, scratchTrain.steps);
    QCOMPARE(panel.modelConfig().d_model, scratchModel.d_model);
    QCOMPARE(panel.vocabularySize(), qint64(scratchModel.vocab_size));
    QVERIFY(panel.findChild<QSpinBox*>("dModelSpin")->isEnabled());
    QVERIFY(panel.isValid());
    for (const char* name : {"HF_ENDPOINT", "HF_HUB_CACHE"})
        qunsetenv(name);
}

void TestModelPanel::fineTunesAModelFolderAndRefusesOneThatDisagrees()
{
    ModelPanel panel;
    panel.fineTuneModelFolder(modelFolder_);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isLoadingFineTuneBase(), 120000);
    QVERIFY2(panel.fineTuneError().isEmpty(), qPrintable(panel.fineTuneError()));
    QVERIFY(panel.fineTuneBase());
    QCOMPARE(panel.fineTuneBase()->folder, modelFolder_);
    QCOMPARE(panel.fineTuneBase()->name, QString("tiny-i3"));

    // A folder whose tokenizer is not the one its configuration counts: refused, saying so, and the
    // model chosen before stays.
    const QString other = dir_.filePath("other-vocabulary");
    for (const QString& name : QDir(modelFolder_).entryList(QDir::Files))
        i3test::write_file(other + "/" + name, i3test::read_file(modelFolder_ + "/" + name));
    i3::ChunkTokenizer::build({"a few other texts", "with another vocabulary"}).save((other + "/tokenizer.json").toStdString());
    panel.fineTuneModelFolder(other);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isLoadingFineTuneBase(), 120000);
    const QString error = panel.fineTuneError();
    QVERIFY2(error.contains("tokenizer.json has") && error.contains("config.json says vocab_size"), qPrintable(error));
    QCOMPARE(panel.fineTuneBase()->folder, modelFolder_);

    ModelPanel fresh;
    fresh.fineTuneModelFolder(dir_.filePath("nowhere"));
    QTRY_VERIFY_WITH_TIMEOUT(!fresh.isLoadingFineTuneBase(), 120000);
    QVERIFY2(fresh.fineTuneError().contains("nowhere"), qPrintable(fresh.fineTuneError()));
    QVERIFY(!fresh.fineTuneBase());
    QVERIFY(fresh.findChild<QSpinBox*>("dModelSpin")->isEnabled());
}

// On a machine without a GPU the panel starts with the small preset and its recipe, the values
// of resources/presets/small.json, which `i3lm train --preset small` trains with too.
void TestModelPanel::defaultsSuitASmallCpu()
{
    ModelPanel panel;
    QCOMPARE(panel.presetName(), QStringLiteral("small"));
    QCOMPARE(panel.findChild<QComboBox*>("presetCombo")->currentText(), QStringLiteral("small"));
    const QJsonObject file = presetFile("small");
    const QJsonObject recipe = file.value("training").toObject();
    const i3::TrainConfig train = panel.trainConfig();
    QCOMPARE(train.steps, int64_t(recipe.value("steps").toInt()));
    QCOMPARE(train.batch_size, int64_t(recipe.value("batch_size").toInt()));
    QCOMPARE(train.lr, recipe.value("lr").toDouble());
    QCOMPARE(train.warmup_steps, int64_t(recipe.value("warmup_steps").toInt()));
    QCOMPARE(train.log_every, int64_t(recipe.value("log_every").toInt()));
    QCOMPARE(train.eval_every, int64_t(recipe.value("eval_every").toInt()));
    QCOMPARE(train.checkpoint_every, int64_t(recipe.value("checkpoint_every").toInt()));
    QCOMPARE(train.device, std::string("cpu"));
    QCOMPARE(train.eps, 1e-8); // what the recipe leaves alone is the reference's
    QVERIFY(train.lr != 3e-4 && train.batch_size != 4); // not the reference's recipe, which is too slow here
    const QJsonObject shape = file.value("model").toObject();
    const i3::ModelConfig model = panel.modelConfig();
    QCOMPARE(model.d_model, int64_t(shape.value("d_model").toInt()));
    QCOMPARE(model.n_heads, int64_t(shape.value("n_heads").toInt()));
    QCOMPARE(model.max_seq_len, int64_t(shape.value("max_seq_len").toInt()));
    QVERIFY2(panel.isValid(), qPrintable(panel.problems().join('\n')));
    QVERIFY(!panel.findChild<QLabel*>("memoryLabel")->text().isEmpty());
}

// Choosing a preset brings its recipe with its shape; what the recipe leaves alone stays.
void TestModelPanel::aPresetBringsItsRecipe()
{
    ModelPanel panel;
    auto* weightDecay = panel.findChild<QDoubleSpinBox*>("weightDecaySpin");
    weightDecay->setValue(0.05);
    panel.selectPreset("i3-80m");
    const QJsonObject published = presetFile("i3-80m").value("training").toObject();
    QCOMPARE(panel.trainConfig().lr, published.value("lr").toDouble());
    QCOMPARE(panel.trainConfig().batch_size, int64_t(published.value("batch_size").toInt()));
    QCOMPARE(panel.trainConfig().steps, int64_t(published.value("steps").toInt()));
    QCOMPARE(panel.findChild<QSpinBox*>("evalEverySpin")->value(), published.value("eval_every").toInt());
    QCOMPARE(panel.trainConfig().weight_decay, 0.05);
    auto* combo = panel.findChild<QComboBox*>("presetCombo");
    combo->setCurrentIndex(combo->findText("small"));
    const QJsonObject small = presetFile("small").value("training").toObject();
    QCOMPARE(panel.trainConfig().lr, small.value("lr").toDouble());
    QCOMPARE(panel.trainConfig().warmup_steps, int64_t(small.value("warmup_steps").toInt()));
    QCOMPARE(panel.findChild<QSpinBox*>("batchSpin")->value(), small.value("batch_size").toInt());
}

void TestModelPanel::i3_80mShowsTheReferenceParameterCount()
{
    const qint64 expected = referenceParameterCount(35560, 512, 256, 32, 10, 6);
    QCOMPARE(expected, qint64(76861160)); // the figure i3-reference.md §1 gives

    ModelPanel panel;
    panel.setVocabularySize(35560);
    auto* combo = panel.findChild<QComboBox*>("presetCombo");
    combo->setCurrentIndex(combo->findText("i3-80m"));
    QCOMPARE(panel.presetName(), QStringLiteral("i3-80m"));
    const i3::ModelConfig model = panel.modelConfig();
    QCOMPARE(model.d_model, int64_t(512));
    QCOMPARE(model.n_heads, int64_t(16));
    QCOMPARE(model.d_state, int64_t(32));
    QCOMPARE(model.hybrid_layers, int64_t(10));
    QCOMPARE(model.attn_layers, int64_t(6));
    QCOMPARE(model.max_seq_len, int64_t(256));
    QCOMPARE(model.vocab_size, int64_t(35560));
    const QString label = panel.findChild<QLabel*>("parameterLabel")->text();
    QVERIFY2(label.contains(QLocale().toString(expected)), qPrintable(label));

    // Each vocabulary entry costs 1,025 parameters: the model card's figure at 41,320.
    panel.setVocabularySize(41320);
    QVERIFY(panel.findChild<QLabel*>("parameterLabel")->text().contains(QLocale().toString(qint64(82765160))));
    QVERIFY(panel.findChild<QLabel*>("vocabularyLabel")->text().contains(QLocale().toString(41320)));

    panel.selectPreset("i3-22m"); // the vocabulary stays the tokenizer's
    QCOMPARE(panel.presetName(), QStringLiteral("i3-22m"));
    QCOMPARE(panel.modelConfig().vocab_size, int64_t(41320));
    QCOMPARE(panel.modelConfig().attn_layers, int64_t(0));
}

void TestModelPanel::headsThatDoNotDivideTheWidthAreReported()
{
    ModelPanel panel;
    panel.show();
    QSignalSpy validity(&panel, &ModelPanel::validityChanged);
    auto* width = panel.findChild<QSpinBox*>("dModelSpin");
    auto* problems = panel.findChild<QLabel*>("problemsLabel");
    QCOMPARE(panel.findChild<QSpinBox*>("headsSpin")->value(), 4);

    typeInto(width, "250"); // 250 is not a multiple of 4
    QCOMPARE(width->value(), 250);
    QVERIFY(!panel.isValid());
    QVERIFY(problems->isVisibleTo(&panel));
    QVERIFY2(problems->text().contains("heads"), qPrintable(problems->text()));
    QVERIFY(validity.count() >= 1);
    QCOMPARE(lastValidity(validity).at(0), QStringLiteral("invalid"));
    QVERIFY(lastValidity(validity).at(1).contains("250"));
    QCOMPARE(panel.presetName(), QStringLiteral("Custom"));

    typeInto(width, "384");
    QCOMPARE(width->value(), 384);
    QVERIFY2(panel.isValid(), qPrintable(panel.problems().join('\n')));
    QCOMPARE(lastValidity(validity), (QStringList{"valid", ""}));
    QVERIFY(!problems->isVisibleTo(&panel));
    QCOMPARE(panel.modelConfig().d_model, int64_t(384));
}

void TestModelPanel::zeroBatchAndContextAreInvalid()
{
    ModelPanel panel;
    QSignalSpy validity(&panel, &ModelPanel::validityChanged);
    panel.findChild<QSpinBox*>("batchSpin")->setValue(0);
    QVERIFY(!panel.isValid());
    QCOMPARE(panel.trainConfig().batch_size, int64_t(0));
    QVERIFY(panel.problems().join('\n').contains("batch"));
    QCOMPARE(lastValidity(validity).at(0), QStringLiteral("invalid"));

    panel.findChild<QSpinBox*>("batchSpin")->setValue(4);
    QVERIFY(panel.isValid());
    panel.findChild<QSpinBox*>("contextSpin")->setValue(0);
    QVERIFY(panel.problems().join('\n').contains("context"));
    QVERIFY(panel.findChild<QLabel*>("problemsLabel")->text().contains("context"));
}

void TestModelPanel::configurationsRoundTrip()
{
    i3::ModelConfig model;
    model.vocab_size = 1234;
    model.d_model = 256;
    model.n_heads = 8;
    model.d_state = 24;
    model.hybrid_layers = 3;
    model.attn_layers = 2;
    model.max_seq_len = 512;
    model.dataset_sources = {"my stories.jsonl"};
    model.unknown_keys = {{"note", "kept"}};

    i3::TrainConfig train;
    train.steps = 1234;
    train.batch_size = 8;
    train.grad_accum = 2;
    train.lr = 6e-4;
    train.warmup_steps = 50;
    train.final_lr_ratio = 0.2;
    train.weight_decay = 0.05;
    train.beta1 = 0.85;
    train.beta2 = 0.995;
    train.eps = 1e-7;
    train.grad_clip = 0.5;
    train.log_every = 5;
    train.eval_every = 50;
    train.checkpoint_every = 200;
    train.loss_window = 20;
    train.eval_windows = 8;
    train.validation_fraction = 0.1;
    train.sample_prompts = {"hi there", "user: what, now? "};
    train.sample_tokens = 30;
    train.seed = 1234567890123ull;
    train.device = "cpu";
    train.checkpoint_activations = true;

    ModelPanel panel;
    QSignalSpy changed(&panel, &ModelPanel::configurationChanged);
    panel.setModelConfig(model);
    panel.setTrainConfig(train);
    QCOMPARE(changed.count(), 2); // one per set, not one per field
    QCOMPARE(QString::fromStdString(panel.modelConfig().to_json().dump()), QString::fromStdString(model.to_json().dump()));
    QCOMPARE(QString::fromStdString(panel.trainConfig().to_json().dump()), QString::fromStdString(train.to_json().dump()));
    QCOMPARE(panel.vocabularySize(), qint64(1234));
    QCOMPARE(panel.presetName(), QStringLiteral("Custom"));
    QVERIFY2(panel.isValid(), qPrintable(panel.problems().join('\n')));

    // The text boxes read back what a user types, scientific notation included.
    typeInto(panel.findChild<QDoubleSpinBox*>("lrSpin"), "2.5e-3");
    QCOMPARE(panel.trainConfig().lr, 2.5e-3);
    auto* seed = panel.findChild<QLineEdit*>("seedEdit");
    seed->setText("99999999999999999999"); // past 2^64 - 1
    QVERIFY(panel.problems().join('\n').contains("seed"));
    seed->setText("7");
    QCOMPARE(panel.trainConfig().seed, uint64_t(7));
}

// The precision and activation checkpointing reach the training configuration; bf16 on the CPU
// is a problem stated in the panel, not a failure when training starts.
void TestModelPanel::bf16IsChosenAndNeedsCuda()
{
    ModelPanel panel;
    auto* precision = panel.findChild<QComboBox*>("precisionCombo");
    QVERIFY(precision);
    QCOMPARE(panel.trainConfig().precision, std::string("fp32"));
    precision->setCurrentIndex(precision->findData(QStringLiteral("bf16")));
    QCOMPARE(panel.trainConfig().precision, std::string("bf16"));
    QCOMPARE(panel.trainConfig().device, std::string("cpu"));
    QVERIFY(!panel.isValid());
    QVERIFY2(panel.problems().join('\n').contains("CUDA"), qPrintable(panel.problems().join('\n')));
    precision->setCurrentIndex(precision->findData(QStringLiteral("fp32")));
    QVERIFY(panel.isValid());
    panel.findChild<QCheckBox*>("checkpointActivationsBox")->setChecked(true);
    QVERIFY(panel.trainConfig().checkpoint_activations);
}

void TestModelPanel::memoryEstimateFollowsItsFormula()
{
    i3::ModelConfig model;
    model.vocab_size = 10;
    model.d_model = 4;
    model.n_heads = 2;
    model.max_seq_len = 8;
    model.d_state = 2;
    model.hybrid_layers = 1;
    model.attn_layers = 1;
    const i3::TrainingMemoryEstimate estimate = i3::estimate_training_memory(model, 3);
    const double parameters = static_cast<double>(referenceParameterCount(10, 4, 8, 2, 1, 1));
    QCOMPARE(parameters, 566.0); // worked out by hand from the shapes
    QCOMPARE(estimate.state_bytes(), 4 * parameters * 4);
    // 3*8*4*(12*2 + 2) + 2*3*2*8*8*1 + 2*3*8*10 floats
    QCOMPARE(estimate.activation_bytes, (2496.0 + 768.0 + 480.0) * 4);

    ModelPanel panel;
    auto* memory = panel.findChild<QLabel*>("memoryLabel");
    const QString before = memory->text();
    panel.findChild<QSpinBox*>("batchSpin")->setValue(64);
    QVERIFY(memory->text() != before);
    QVERIFY(!memory->toolTip().isEmpty());
}

namespace {

void click(QWidget* parent, const char* name)
{
    auto* button = parent->findChild<QAbstractButton*>(QLatin1String(name));
    QVERIFY2(button, name);
    QVERIFY2(button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

// What the panel shows for `model` (batch `batch`), as the engine counts it.
void expectFiguresOf(const ModelPanel& panel, const i3::ModelConfig& model, int64_t batch)
{
    const QString parameters = panel.findChild<QLabel*>("parameterLabel")->text();
    QVERIFY2(parameters.contains(QLocale().toString(model.parameter_count())), qPrintable(parameters));
    QVERIFY2(parameters.contains(flopsText(i3::training_flops_per_token(model))), qPrintable(parameters));
    const QString memory = panel.findChild<QLabel*>("memoryLabel")->text();
    const double bytes = i3::estimate_training_memory(model, batch).total_bytes();
    QVERIFY2(memory.contains(QLocale().formattedDataSize(static_cast<qint64>(bytes), 1)), qPrintable(memory));
}

} // namespace

// i3-80M's blocks: the first attention block moved to the front, then a hybrid block switched to
// attention. The shape, the counts, the preset's name and the live figures follow; the reference
// order comes back with one click.
void TestModelPanel::theLayerPatternEditorReordersAndSwitchesBlocks()
{
    ModelPanel panel;
    panel.resize(1260, 700);
    panel.show();
    panel.selectPreset("i3-80m");
    panel.setVocabularySize(35560);
    auto* editor = panel.findChild<LayerPatternEditor*>("layerPatternEditor");
    QVERIFY(editor);
    QCOMPARE(editor->order(), QStringLiteral("HHHHHHHHHHAAAAAA"));
    QVERIFY(!panel.findChild<QPushButton*>("referenceOrderButton")->isEnabled());
    QVERIFY(panel.findChild<QLabel*>("layerOrderLabel")->text().contains("reference's order"));

    QSignalSpy changed(&panel, &ModelPanel::configurationChanged);
    click(editor, "layerBlock10"); // the first attention block
    QCOMPARE(editor->selectedBlock(), 10);
    for (int i = 0; i < 10; ++i)
        click(editor, "moveEarlierButton");
    QVERIFY(!panel.findChild<QPushButton*>("moveEarlierButton")->isEnabled()); // at the front
    QCOMPARE(editor->selectedBlock(), 0);
    QCOMPARE(panel.modelConfig().layer_pattern, std::string("AHHHHHHHHHHAAAAA"));
    QCOMPARE(changed.count(), 10);
    QCOMPARE(panel.presetName(), QStringLiteral("Custom"));
    QVERIFY(panel.findChild<QLabel*>("layerOrderLabel")->text().contains("layer_pattern"));
    // The same blocks: the same figures as i3-80M.
    QCOMPARE(qint64(panel.modelConfig().parameter_count()), qint64(76861160));
    expectFiguresOf(panel, panel.modelConfig(), panel.trainConfig().batch_size);

    click(editor, "layerBlock3");
    click(editor, "switchKindButton");
    const i3::ModelConfig switched = panel.modelConfig();
    QCOMPARE(switched.layer_pattern, std::string("AHHAHHHHHHHAAAAA"));
    QCOMPARE(panel.findChild<QSpinBox*>("hybridLayersSpin")->value(), 9);
    QCOMPARE(panel.findChild<QSpinBox*>("attentionLayersSpin")->value(), 7);
    QCOMPARE(qint64(switched.parameter_count()), referenceParameterCount(35560, 512, 256, 32, 9, 7));
    expectFiguresOf(panel, switched, panel.trainConfig().batch_size);
    QVERIFY(panel.findChild<QToolButton*>("layerBlock3")->toolTip().contains(
        QLocale().toString(switched.block_parameter_count(i3::kAttentionBlock))));
    const QString costs = panel.findChild<QLabel*>("blockCostLabel")->text();
    QVERIFY2(costs.contains(QLocale().toString(switched.block_parameter_count(i3::kHybridBlock))) &&
                 costs.contains(flopsText(i3::block_training_flops_per_token(switched, i3::kAttentionBlock))),
             qPrintable(costs));

    click(editor, "addHybridButton"); // after the selected block 3
    QCOMPARE(editor->order(), QStringLiteral("AHHAHHHHHHHHAAAAA"));
    QCOMPARE(editor->selectedBlock(), 4);
    click(editor, "removeBlockButton");
    click(editor, "removeBlockButton");
    QCOMPARE(editor->order(), QStringLiteral("AHHAHHHHHHAAAAA"));
    QVERIFY(panel.isValid());

    click(editor, "referenceOrderButton");
    QCOMPARE(editor->order(), QStringLiteral("HHHHHHHHAAAAAAA"));
    QVERIFY(panel.modelConfig().layer_pattern.empty());
    QVERIFY(!panel.findChild<QPushButton*>("referenceOrderButton")->isEnabled());
    panel.findChild<QSpinBox*>("hybridLayersSpin")->setValue(10);
    panel.findChild<QSpinBox*>("attentionLayersSpin")->setValue(6);
    QCOMPARE(panel.presetName(), QStringLiteral("i3-80m"));
}

// Typing a pattern sets the counts; changing a count changes the pattern at the end of that
// kind; a configuration with a pattern fills the editor, and an empty pattern is a problem.
void TestModelPanel::layerCountsAndATypedPatternFollowEachOther()
{
    ModelPanel panel;
    panel.show();
    panel.selectPreset("tiny");
    auto* editor = panel.findChild<LayerPatternEditor*>("layerPatternEditor");
    auto* pattern = panel.findChild<QLineEdit*>("layerPatternEdit");
    auto* hybrid = panel.findChild<QSpinBox*>("hybridLayersSpin");
    auto* attention = panel.findChild<QSpinBox*>("attentionLayersSpin");
    QCOMPARE(pattern->text(), QStringLiteral("HHA"));
    pattern->setFocus();
    pattern->selectAll();
    QTest::keyClicks(pattern, "ahxah"); // x is refused, lower case taken as upper
    QCOMPARE(pattern->text(), QStringLiteral("AHAH"));
    QCOMPARE(editor->order(), QStringLiteral("AHAH"));
    QCOMPARE(hybrid->value(), 2);
    QCOMPARE(attention->value(), 2);
    QCOMPARE(panel.modelConfig().layer_pattern, std::string("AHAH"));

    hybrid->setValue(4);
    QCOMPARE(editor->order(), QStringLiteral("AHAHHH"));
    attention->setValue(1); // the last attention block goes
    QCOMPARE(editor->order(), QStringLiteral("AHHHH"));
    QCOMPARE(panel.modelConfig().layer_order(), std::string("AHHHH"));
    expectFiguresOf(panel, panel.modelConfig(), panel.trainConfig().batch_size);

    i3::ModelConfig stored = panel.modelConfig();
    stored.set_layer_order("HAHAA");
    panel.setModelConfig(stored);
    QCOMPARE(editor->order(), QStringLiteral("HAHAA"));
    QCOMPARE(hybrid->value(), 2);
    QCOMPARE(attention->value(), 3);
    QCOMPARE(panel.modelConfig().to_json(), stored.to_json());

    pattern->selectAll();
    QTest::keyClick(pattern, Qt::Key_Delete);
    QCOMPARE(editor->order(), QString());
    QVERIFY(!panel.isValid());
    QVERIFY2(panel.problems().join('\n').contains("at least one layer"), qPrintable(panel.problems().join('\n')));
}

void TestModelPanel::fitsTheStudioWindow()
{
    // The main window is 1280 x 800; its tabs, menu and status bar leave about 1260 x 700.
    ModelPanel panel;
    panel.findChild<QSpinBox*>("headsSpin")->setValue(5); // with the problems label showing
    QVERIFY(!panel.isValid());
    const QSize minimum = panel.minimumSizeHint();
    QVERIFY2(minimum.width() <= 1260 && minimum.height() <= 700,
             qPrintable(QStringLiteral("%1 x %2").arg(minimum.width()).arg(minimum.height())));
}

QTEST_MAIN(TestModelPanel)
#include "test_model_panel.moc"
