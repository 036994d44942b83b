// SPDX-License-Identifier: GPL-3.0-or-later
// The token workbench, driven as a user would: a model folder loads, Generate runs, and what the
// chips and the alternatives table show is compared with the model's own logits softmaxed in
// double here: each chip's text and colour, a token's alternatives and their probabilities, the
// shading of the cut-off as the sliders move (the sampler's rules applied by hand), the entropy
// and the prompt's perplexity; then a branch from a picked alternative, and a second model beside
// the first on the same prompt and seed.
#include "token_reference.h"

#include "inspect/next_token_distribution.h"
#include "inspect/token_workbench.h"
#include "model/model_artifacts.h"
#include "text/chunk_tokenizer.h"

#include "token_chips.h"
#include "token_details.h"
#include "token_view.h"
#include "visible_token.h"
#include "workbench_panel.h"

#include <torch/torch.h>

#include <QtTest>
#include <QtWidgets>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace {

const char* kPrompt = "once upon a time the cat";
constexpr int kLength = 10;
constexpr int kSeed = 3;

double shownNumber(const QTableWidget* table, int row, int column)
{
    bool ok = false;
    const double value = QLocale().toDouble(table->item(row, column)->text(), &ok);
    return ok ? value : NAN;
}

// How far a probability as the workbench writes it (four decimals, three significant digits
// below 0.001) may be from the number itself.
double shownTolerance(double p) { return p >= 1e-3 ? 5e-5 : 5e-3 * p; }

// The model's probabilities after ids[0..index), most probable first.
std::vector<size_t> rankedTokens(const std::vector<double>& row)
{
    std::vector<size_t> order(row.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return row[a] > row[b]; });
    return order;
}

} // namespace

class TestWorkbenchPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void chipsShowTheModelsOwnNumbers();
    void alternativesAndTheCutOffFollowTheSliders();
    void branchFromAPickedAlternative();
    void twoModelsSideBySide();
    void saysWhatIsMissing();

private:
    void loadAndGenerate(WorkbenchPanel& panel);
    void clickChip(WorkbenchPanel& panel, int index);

    QTemporaryDir dir_;
    QString folders_[2];
    i3::ChunkTokenizer tokenizer_ = i3::ChunkTokenizer::build(
        {"once upon a time there was a cat", "the cat sat on the mat and the dog ran", "a dog and a cat were friends"});
    i3::I3Model models_[2] = {i3::I3Model(nullptr), i3::I3Model(nullptr)};
};

void TestWorkbenchPanel::initTestCase()
{
    QVERIFY(dir_.isValid());
    for (int i = 0; i < 2; ++i) {
        folders_[i] = dir_.filePath(QString("model%1").arg(i));
        models_[i] = i3test::peaked_model(tokenizer_.vocab_size(), 30 + i);
        i3::save_model_folder(folders_[i].toStdString(), models_[i]->config(), models_[i], tokenizer_);
    }
}

void TestWorkbenchPanel::loadAndGenerate(WorkbenchPanel& panel)
{
    QSignalSpy loaded(&panel, &WorkbenchPanel::modelLoaded);
    panel.loadModelFolder(folders_[0]);
    QVERIFY(loaded.wait(60000));
    QTRY_VERIFY(!panel.isLoading());
    panel.setPrompt(kPrompt);
    panel.setLength(kLength);
    panel.setSeed(kSeed);
    panel.setTemperature(1.0);
    panel.setTopK(0);
    panel.setTopP(1.0);
    QSignalSpy finished(&panel, &WorkbenchPanel::workFinished);
    QTest::mouseClick(panel.findChild<QPushButton*>("workbenchGenerateButton"), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(panel.errorText().isEmpty());
}

void TestWorkbenchPanel::clickChip(WorkbenchPanel& panel, int index)
{
    TokenChips* chips = panel.chips(WorkbenchPanel::First);
    QTest::mouseClick(chips, Qt::LeftButton, Qt::NoModifier, chips->chipRect(index).center());
    QCOMPARE(chips->selected(), index);
    QCOMPARE(panel.details()->index(), index);
}

void TestWorkbenchPanel::chipsShowTheModelsOwnNumbers()
{
    WorkbenchPanel panel;
    panel.resize(1100, 700);
    panel.show();
    loadAndGenerate(panel);

    const auto sequence = panel.sequence(WorkbenchPanel::First);
    const auto ids = sequence->ids();
    const auto prompt = tokenizer_.encode(kPrompt);
    QCOMPARE(sequence->prompt_length, prompt.size());
    QVERIFY(std::equal(prompt.begin(), prompt.end(), ids.begin()));
    QCOMPARE(int(ids.size()), int(prompt.size()) + kLength);

    TokenChips* chips = panel.chips(WorkbenchPanel::First);
    QCOMPARE(chips->chipCount(), int(ids.size()));
    const auto reference = i3test::reference_distributions(models_[0], ids);
    QString joined;
    for (int i = 0; i < chips->chipCount(); ++i) {
        // The chip is the chunk, its spaces shown; chips never overlap.
        QCOMPARE(chips->chipText(i), visibleToken(QString::fromStdString(tokenizer_.token_text(ids[size_t(i)]))));
        joined += chips->chipText(i);
        if (i > 0)
            QVERIFY(!chips->chipRect(i).intersects(chips->chipRect(i - 1)));
        if (i == 0)
            continue;
        const double p = reference[size_t(i) - 1][size_t(ids[size_t(i)])];
        QVERIFY2(std::abs(chips->chipColor(i).hsvHueF() - p / 3) < 2e-3,
                 qPrintable(QString("chip %1: hue %2, probability %3").arg(i).arg(chips->chipColor(i).hsvHueF()).arg(p)));
        const auto shown = QRegularExpression("Probability (\\S+) \\(rank").match(chips->chipToolTip(i));
        QVERIFY2(shown.hasMatch(), qPrintable(chips->chipToolTip(i)));
        QVERIFY2(std::abs(QLocale().toDouble(shown.captured(1)) - p) <= shownTolerance(p),
                 qPrintable(QString("%1, by hand %2").arg(chips->chipToolTip(i)).arg(p)));
    }
    QCOMPARE(joined, visibleToken(QString::fromStdString(tokenizer_.decode(ids))));
    QVERIFY(chips->chipToolTip(0).contains("nothing before it predicts it"));

    // exp(mean -ln p) over the prompt's tokens after the first, by hand.
    double surprise = 0;
    for (size_t t = 1; t < prompt.size(); ++t)
        surprise -= std::log(reference[t - 1][size_t(ids[t])]);
    const double perplexity = std::exp(surprise / double(prompt.size() - 1));
    QVERIFY2(panel.perplexityText(WorkbenchPanel::First).contains(QString("Prompt perplexity %L1").arg(perplexity, 0, 'f', 2)),
             qPrintable(panel.perplexityText(WorkbenchPanel::First)));
}

void TestWorkbenchPanel::alternativesAndTheCutOffFollowTheSliders()
{
    WorkbenchPanel panel;
    panel.resize(1100, 700);
    panel.show();
    loadAndGenerate(panel);
    const auto sequence = panel.sequence(WorkbenchPanel::First);
    const auto ids = sequence->ids();
    const int index = int(sequence->prompt_length) + 2;
    clickChip(panel, index);

    const auto row = i3test::reference_distributions(models_[0], ids)[size_t(index) - 1];
    const auto ranked = rankedTokens(row);
    const QTableWidget* table = panel.details()->table();
    QVERIFY(table->rowCount() >= TokenDetails::kAlternatives);
    for (int r = 0; r < TokenDetails::kAlternatives; ++r) {
        QCOMPARE(panel.details()->rowToken(r), qint64(ranked[size_t(r)]));
        QCOMPARE(table->item(r, TokenDetails::TokenColumn)->text(),
                 visibleToken(QString::fromStdString(tokenizer_.token_text(int64_t(ranked[size_t(r)])))));
        const double p = row[ranked[size_t(r)]];
        QVERIFY(std::abs(shownNumber(table, r, TokenDetails::ProbabilityColumn) - p) <= shownTolerance(p));
    }
    // Entropy of the model's distribution at that place, by hand, in bits.
    const double bits = i3test::entropy_by_hand(row) / std::log(2.0);
    QVERIFY2(panel.details()->summaryText().contains(QString("(%L1 bits)").arg(bits, 0, 'f', 3)),
             qPrintable(panel.details()->summaryText()));

    // The sliders move; the shading and the sampler's column follow, with no model run.
    const auto expectCut = [&](double temperature, int k, double p) {
        const auto cut = i3test::cut_by_hand(row, temperature, k, p);
        for (int r = 0; r < table->rowCount(); ++r) {
            const auto id = size_t(panel.details()->rowToken(r));
            QCOMPARE(panel.details()->rowInsideCut(r), cut[id] > 0);
            if (cut[id] > 0)
                QVERIFY2(std::abs(shownNumber(table, r, TokenDetails::SamplingColumn) - cut[id]) <= shownTolerance(cut[id]),
                         qPrintable(QString("row %1: %2, by hand %3").arg(r).arg(table->item(r, 3)->text()).arg(cut[id])));
            else
                QCOMPARE(table->item(r, TokenDetails::SamplingColumn)->text(), QString("cut off"));
        }
        const auto kept = std::count_if(cut.begin(), cut.end(), [](double q) { return q > 0; });
        QVERIFY2(panel.details()->summaryText().contains(QString("%1 token").arg(kept)),
                 qPrintable(panel.details()->summaryText()));
    };
    expectCut(1.0, 0, 1.0);
    panel.findChild<QSlider*>("workbenchTopK")->setValue(3);
    expectCut(1.0, 3, 1.0);
    QCOMPARE(panel.details()->distribution().kept, int64_t(3));
    panel.findChild<QSlider*>("workbenchTopK")->setValue(0);
    panel.findChild<QSlider*>("workbenchTopP")->setValue(10); // 0.5
    expectCut(1.0, 0, 0.5);
    panel.findChild<QSlider*>("workbenchTemperature")->setValue(40); // 2.0
    expectCut(2.0, 0, 0.5);
    panel.findChild<QSlider*>("workbenchTemperature")->setValue(6); // 0.3
    panel.findChild<QSlider*>("workbenchTopK")->setValue(7);
    expectCut(0.3, 7, 0.5);
}

void TestWorkbenchPanel::branchFromAPickedAlternative()
{
    WorkbenchPanel panel;
    panel.resize(1100, 700);
    panel.show();
    loadAndGenerate(panel);
    const auto plain = panel.sequence(WorkbenchPanel::First);
    const int index = int(plain->prompt_length) + 1;
    clickChip(panel, index);

    // The most probable token that is not the one in the text.
    QTableWidget* table = panel.details()->table();
    int row = 0;
    while (panel.details()->rowToken(row) == plain->tokens[size_t(index)].id)
        ++row;
    const qint64 alternative = panel.details()->rowToken(row);
    table->selectRow(row);
    QSignalSpy finished(&panel, &WorkbenchPanel::workFinished);
    QTest::mouseClick(panel.findChild<QPushButton*>("branchButton"), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);

    const auto branch = panel.sequence(WorkbenchPanel::First);
    QVERIFY(branch != plain);
    QCOMPARE(branch->tokens.size(), plain->tokens.size());
    for (int t = 0; t < index; ++t)
        QCOMPARE(branch->tokens[size_t(t)].id, plain->tokens[size_t(t)].id);
    QCOMPARE(branch->tokens[size_t(index)].id, alternative);
    QCOMPARE(branch->tokens[size_t(index)].source, i3::TokenSource::Picked);
    QCOMPARE(panel.chips(WorkbenchPanel::First)->chipText(index),
             visibleToken(QString::fromStdString(tokenizer_.token_text(alternative))));
    QVERIFY(panel.chips(WorkbenchPanel::First)->chipToolTip(index).contains("Picked by hand"));
    // The branch point stays in view, and the branch is the engine's, for the same seed.
    QCOMPARE(panel.details()->index(), index);
    i3::TokenWorkbench workbench(models_[0], tokenizer_);
    const auto expected = workbench.branch(*plain, size_t(index), alternative, panel.sampling());
    QCOMPARE(branch->ids(), expected.ids());
}

void TestWorkbenchPanel::twoModelsSideBySide()
{
    WorkbenchPanel panel;
    panel.resize(1100, 700);
    panel.show();
    QSignalSpy loaded(&panel, &WorkbenchPanel::modelLoaded);
    panel.loadModelFolder(folders_[0], WorkbenchPanel::First);
    QVERIFY(loaded.wait(60000));
    QTRY_VERIFY(!panel.isLoading());
    QVERIFY(!panel.chips(WorkbenchPanel::Second)->isVisibleTo(&panel));
    panel.loadModelFolder(folders_[1], WorkbenchPanel::Second);
    QVERIFY(loaded.wait(60000));
    QTRY_VERIFY(!panel.isLoading());
    QVERIFY(panel.chips(WorkbenchPanel::Second)->isVisibleTo(&panel));

    panel.setPrompt(kPrompt);
    panel.setLength(kLength);
    panel.setSeed(kSeed);
    QSignalSpy finished(&panel, &WorkbenchPanel::workFinished);
    panel.generate();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);

    for (const auto side : {WorkbenchPanel::First, WorkbenchPanel::Second}) {
        const auto sequence = panel.sequence(side);
        QVERIFY(sequence);
        QCOMPARE(panel.chips(side)->chipCount(), int(sequence->tokens.size()));
        // Each side's numbers are its own model's.
        const auto reference = i3test::reference_distributions(models_[side], sequence->ids());
        for (size_t t = 1; t < sequence->tokens.size(); ++t)
            QVERIFY(std::abs(*sequence->tokens[t].probability - reference[t - 1][size_t(sequence->tokens[t].id)]) < 1e-6);
        // The same prompt and seed as generating with that model alone.
        i3::GenerationOptions options;
        options.sampling = panel.sampling();
        options.max_new_tokens = kLength;
        options.seed = kSeed;
        i3::TokenWorkbench workbench(models_[side], tokenizer_);
        QCOMPARE(sequence->ids(), workbench.generate(kPrompt, options).ids());
    }
    QVERIFY(panel.sequence(WorkbenchPanel::First)->ids() != panel.sequence(WorkbenchPanel::Second)->ids());

    // A token of the second model up close: its alternatives, from its own logits.
    auto* second = panel.chips(WorkbenchPanel::Second);
    const int index = 4;
    QTest::mouseClick(second, Qt::LeftButton, Qt::NoModifier, second->chipRect(index).center());
    QCOMPARE(panel.details()->index(), index);
    QCOMPARE(panel.chips(WorkbenchPanel::First)->selected(), -1);
    const auto row = i3test::reference_distributions(models_[1], panel.sequence(WorkbenchPanel::Second)->ids())[index - 1];
    QCOMPARE(panel.details()->rowToken(0), qint64(rankedTokens(row).front()));

    QTest::mouseClick(panel.findChild<QPushButton*>("removeComparisonButton"), Qt::LeftButton);
    QVERIFY(!panel.hasModel(WorkbenchPanel::Second));
    QVERIFY(!panel.chips(WorkbenchPanel::Second)->isVisibleTo(&panel));
    QCOMPARE(panel.details()->index(), -1);
}

void TestWorkbenchPanel::saysWhatIsMissing()
{
    WorkbenchPanel panel;
    panel.generate();
    QVERIFY(panel.errorText().contains("Load a model first"));
    QVERIFY(!panel.isWorking());

    QSignalSpy loaded(&panel, &WorkbenchPanel::modelLoaded);
    panel.loadModelFolder(folders_[0]);
    QVERIFY(loaded.wait(60000));
    QTRY_VERIFY(!panel.isLoading());
    panel.setPrompt(QString());
    QSignalSpy finished(&panel, &WorkbenchPanel::workFinished);
    panel.generate();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(panel.errorText().contains("the prompt is empty"), qPrintable(panel.errorText()));
}

QTEST_MAIN(TestWorkbenchPanel)
#include "test_workbench_panel.moc"
