// SPDX-License-Identifier: GPL-3.0-or-later
// The Model & hyperparameters panel: presets, live validation, parameter count, round trips.
#include "config/model_config.h"
#include "config/train_config.h"

#include "model_panel.h"
#include "telemetry/memory_estimate.h"

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
private Q_SLOTS:
    void fitsTheStudioWindow();
    void defaultsSuitASmallCpu();
    void i3_80mShowsTheReferenceParameterCount();
    void headsThatDoNotDivideTheWidthAreReported();
    void zeroBatchAndContextAreInvalid();
    void configurationsRoundTrip();
    void memoryEstimateFollowsItsFormula();
};

void TestModelPanel::defaultsSuitASmallCpu()
{
    ModelPanel panel;
    QCOMPARE(panel.presetName(), QStringLiteral("small"));
    QCOMPARE(panel.findChild<QComboBox*>("presetCombo")->currentText(), QStringLiteral("small"));
    const i3::TrainConfig train = panel.trainConfig();
    QCOMPARE(train.steps, int64_t(300));
    QCOMPARE(train.log_every, int64_t(10));
    QCOMPARE(train.eval_every, int64_t(100));
    QCOMPARE(train.checkpoint_every, int64_t(100));
    QCOMPARE(train.device, std::string("cpu"));
    QCOMPARE(train.lr, 3e-4);
    QCOMPARE(train.eps, 1e-8);
    const i3::ModelConfig model = panel.modelConfig();
    QCOMPARE(model.d_model, int64_t(192));
    QCOMPARE(model.n_heads, int64_t(6));
    QVERIFY2(panel.isValid(), qPrintable(panel.problems().join('\n')));
    QVERIFY(!panel.findChild<QLabel*>("memoryLabel")->text().isEmpty());
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
    QCOMPARE(panel.findChild<QSpinBox*>("headsSpin")->value(), 6);

    typeInto(width, "500"); // 500 is not a multiple of 6
    QCOMPARE(width->value(), 500);
    QVERIFY(!panel.isValid());
    QVERIFY(problems->isVisibleTo(&panel));
    QVERIFY2(problems->text().contains("heads"), qPrintable(problems->text()));
    QVERIFY(validity.count() >= 1);
    QCOMPARE(lastValidity(validity).at(0), QStringLiteral("invalid"));
    QVERIFY(lastValidity(validity).at(1).contains("500"));
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
