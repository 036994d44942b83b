// SPDX-License-Identifier: GPL-3.0-or-later
// The Inspect panel, driven as a user would: a model folder loads, a prompt is inspected, and
// what the panel shows is compared with an independent computation from the same weights: the
// colour maps' cells with the recurrence looped in double precision and with a plain softmax of
// q·k, the eigenvalue points with LAPACK, the w_mix bars with counts by hand, and the axes'
// labels with the prompt's tokens.
#include "inspection_reference.h"

#include "model/hybrid_block.h"
#include "model/model_artifacts.h"
#include "runs/run_folder.h"
#include "runs/run_schema.h"
#include "test_support.h"
#include "text/chunk_tokenizer.h"

#include "eigenvalue_plot.h"
#include "heatmap_plot.h"
#include "metric_plot.h"
#include "inspect_panel.h"

#include "custom_plot.h"

#include <torch/torch.h>

#include <QtTest>
#include <QtWidgets>

#include <complex>

namespace {

const char* kPrompt = "once upon a time";

// The largest difference between a colour map's cells and `expected` [columns, rows].
double cellDifference(const QCPColorMap& map, const torch::Tensor& expected)
{
    auto* data = map.data();
    if (data->keySize() != expected.size(0) || data->valueSize() != expected.size(1))
        return INFINITY;
    double worst = 0;
    for (int x = 0; x < data->keySize(); ++x)
        for (int y = 0; y < data->valueSize(); ++y)
            worst = std::max(worst, std::abs(data->cell(x, y) - expected[x][y].item<double>()));
    return worst;
}

QStringList tickLabels(const QCPAxis* axis)
{
    const auto ticker = axis->ticker().dynamicCast<QCPAxisTickerText>();
    return ticker ? QStringList(ticker->ticks().values()) : QStringList();
}

} // namespace

class TestInspectPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsTheModelsOwnNumbers();
    void saysWhatIsMissing();
    void showsHowTheRecurrenceChangedOverTraining();

private:
    void loadAndInspect(InspectPanel& panel);

    QTemporaryDir dir_;
    QString folder_;
    i3::I3Model model_{nullptr};
    std::vector<int64_t> ids_;
    QStringList tokens_;
};

void TestInspectPanel::initTestCase()
{
    QVERIFY(dir_.isValid());
    folder_ = dir_.filePath("model");
    const auto tokenizer = i3::ChunkTokenizer::build({"once upon a time there was a cat", "the cat sat on a mat"});
    const auto config = i3test::inspection_config(tokenizer.vocab_size());
    model_ = i3test::visible_model(config, 5);
    i3::save_model_folder(folder_.toStdString(), config, model_, tokenizer);
    ids_ = tokenizer.encode(kPrompt);
    for (const auto id : ids_)
        tokens_ << QString::fromStdString(tokenizer.token_text(id)).replace(' ', QChar(0x00B7));
    QVERIFY(ids_.size() >= 5);
}

void TestInspectPanel::loadAndInspect(InspectPanel& panel)
{
    QSignalSpy loaded(&panel, &InspectPanel::modelLoaded);
    panel.loadModelFolder(folder_);
    QVERIFY(loaded.wait(60000));
    QTRY_VERIFY(!panel.isLoading());
    panel.setPrompt(kPrompt);
    QSignalSpy finished(&panel, &InspectPanel::inspectionFinished);
    QTest::mouseClick(panel.findChild<QPushButton*>("inspectButton"), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(panel.errorText().isEmpty());
}

void TestInspectPanel::showsTheModelsOwnNumbers()
{
    InspectPanel panel;
    panel.resize(1100, 700);
    panel.show();
    loadAndInspect(panel);

    // s of the second hybrid block, the recurrence looped by hand.
    panel.selectHybridBlock(1);
    panel.selectState(InspectPanel::StateVariable::S);
    const auto states = i3test::reference_states(model_, ids_, 1);
    const double scale = states.s.abs().max().item<double>();
    QVERIFY2(cellDifference(*panel.stateMap()->colorMap(), states.s) < 1e-5 * scale,
             qPrintable(QString::number(cellDifference(*panel.stateMap()->colorMap(), states.s))));
    QCOMPARE(tickLabels(panel.stateMap()->plot()->xAxis), tokens_);
    panel.selectState(InspectPanel::StateVariable::H);
    QVERIFY(cellDifference(*panel.stateMap()->colorMap(), states.h) < 1e-4);

    // The cell under the mouse is read out.
    auto* plot = panel.stateMap()->plot();
    const QPointF cell(plot->xAxis->coordToPixel(2), plot->yAxis->coordToPixel(3));
    QMouseEvent move(QEvent::MouseMove, cell, plot->mapToGlobal(cell), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(plot, &move);
    const double shown = panel.stateMap()->colorMap()->data()->cell(2, 3);
    QVERIFY(std::abs(shown - states.h[2][3].item<double>()) < 1e-4);
    QVERIFY2(panel.stateMap()->readout().contains(QString("%L1").arg(shown, 0, 'g', 4)),
             qPrintable(panel.stateMap()->readout()));

    // A's eigenvalues against LAPACK, point by point in the panel's order.
    const auto& A = model_->layers->ptr(1)->as<i3::HybridBlockImpl>()->hybrid->A;
    const auto lapack = torch::linalg::eigvals(A.detach().to(torch::kDouble));
    const auto* points = panel.eigenvaluePlot()->points()->data().data();
    QCOMPARE(points->size(), int(lapack.size(0)));
    int outside = 0;
    for (int64_t i = 0; i < lapack.size(0); ++i) {
        const auto value = lapack[i].item<c10::complex<double>>();
        double nearest = INFINITY;
        for (auto point = points->constBegin(); point != points->constEnd(); ++point)
            nearest = std::min(nearest, std::abs(std::complex<double>(point->key, point->value) -
                                                 std::complex<double>(value.real(), value.imag())));
        QVERIFY(nearest < 1e-6);
        outside += std::abs(value) > 1 ? 1 : 0;
    }
    QVERIFY(outside > 0);
    QVERIFY2(panel.halfLifeText().contains(QString::number(outside) + " outside the unit circle"),
             qPrintable(panel.halfLifeText()));

    // w_mix's bars: every channel counted once, the largest bin as counted by hand.
    const auto w = model_->layers->ptr(1)->as<i3::HybridBlockImpl>()->hybrid->w_mix.detach().to(torch::kDouble);
    const auto* bars = panel.mixHistogram()->data().data();
    double total = 0, tallest = 0;
    for (auto bar = bars->constBegin(); bar != bars->constEnd(); ++bar) {
        total += bar->value;
        tallest = std::max(tallest, bar->value);
    }
    QCOMPARE(total, double(w.numel()));
    const double low = w.min().item<double>(), width = (w.max().item<double>() - low) / 30;
    const auto bins = ((w - low) / width).floor().clamp(0, 29).to(torch::kLong);
    QCOMPARE(tallest, torch::bincount(bins).max().item<double>());

    // The attention map of the second attention block's third head: a plain softmax of q·k.
    panel.selectAttention(1, 2);
    const auto weights = i3test::reference_attention(model_, ids_, 3);
    QVERIFY2(cellDifference(*panel.attentionMap()->colorMap(), weights[2].t()) < 1e-5,
             qPrintable(QString::number(cellDifference(*panel.attentionMap()->colorMap(), weights[2].t()))));
    QCOMPARE(tickLabels(panel.attentionMap()->plot()->xAxis), tokens_);
    QCOMPARE(tickLabels(panel.attentionMap()->plot()->yAxis), tokens_);
}

void TestInspectPanel::saysWhatIsMissing()
{
    InspectPanel panel;
    panel.inspect();
    QVERIFY(panel.errorText().contains("Load a model first"));
    QVERIFY(!panel.isInspecting());

    QSignalSpy loaded(&panel, &InspectPanel::modelLoaded);
    panel.loadModelFolder(folder_);
    QVERIFY(loaded.wait(60000));
    QTRY_VERIFY(!panel.isLoading());
    panel.setPrompt(QString());
    QSignalSpy finished(&panel, &InspectPanel::inspectionFinished);
    panel.inspect();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(panel.errorText(), QString("Type a prompt first."));
}

// A run with checkpoints at steps 5, 10 and 15: "Read the checkpoints" plots, for the chosen hybrid
// block, A's largest |λ| (against LAPACK on that checkpoint's own tensor) and w_mix's mean and range.
void TestInspectPanel::showsHowTheRecurrenceChangedOverTraining()
{
    QTemporaryDir dir;
    const QString run = dir.filePath("run");
    i3test::train_tiny_run(run.toStdString(), 15, 5);
    InspectPanel panel;
    panel.resize(1100, 700);
    panel.show();
    auto* button = panel.findChild<QPushButton*>("historyButton");
    QVERIFY(!button->isEnabled()); // nothing loaded
    QSignalSpy loaded(&panel, &InspectPanel::modelLoaded);
    panel.loadRunCheckpoint(run);
    QVERIFY(loaded.wait(60000));
    QTRY_VERIFY(!panel.isLoading());
    QVERIFY(button->isEnabled());
    QSignalSpy finished(&panel, &InspectPanel::historyFinished);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);

    auto* combo = panel.findChild<QComboBox*>("historyBlockCombo");
    auto* plot = panel.findChild<MetricPlot*>("historyPlot");
    QCOMPARE(combo->count(), 2); // the tiny preset's two hybrid blocks
    for (int choice = 0; choice < combo->count(); ++choice) {
        combo->setCurrentIndex(choice);
        const qlonglong layer = combo->currentData().toLongLong();
        const MetricColumn radius = plot->column("radius"), mean = plot->column("mix_mean");
        QCOMPARE(radius.x, (QVector<double>{5, 10, 15}));
        for (qsizetype i = 0; i < radius.x.size(); ++i) {
            const auto weights = i3::read_weights(i3::RunFolder(run.toStdString()).checkpoint_dir(int64_t(radius.x[i])) /
                                                  i3::run_files::kCheckpointWeights);
            const std::string prefix = "layers." + std::to_string(layer) + ".hybrid.";
            for (const auto& [name, tensor] : weights) {
                if (name == prefix + "A")
                    QVERIFY(std::abs(radius.y[i] - torch::linalg::eigvals(tensor.to(torch::kDouble)).abs().max().item<double>()) <
                            1e-9);
                if (name == prefix + "w_mix")
                    QVERIFY(std::abs(mean.y[i] - tensor.to(torch::kDouble).mean().item<double>()) < 1e-12);
            }
        }
    }
    // A model folder has no checkpoints.
    panel.loadModelFolder(folder_);
    QVERIFY(loaded.wait(60000));
    QTRY_VERIFY(!panel.isLoading());
    QVERIFY(!button->isEnabled());
    QCOMPARE(combo->count(), 0);
}

QTEST_MAIN(TestInspectPanel)
#include "test_inspect_panel.moc"
