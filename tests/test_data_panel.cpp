// SPDX-License-Identifier: GPL-3.0-or-later
// The Data panel: its counts against the engine's own pieces used directly, files, errors.
#include "data/builtin_corpus.h"
#include "text/chunk_tokenizer.h"
#include "data/text_sources.h"

#include "data_panel.h"

#include <QtTest>
#include <QtWidgets>

#include <algorithm>

namespace {

constexpr int kAnalysisTimeoutMs = 120000;

// What the panel should report, worked out here from the tokenizer alone: every non-blank
// text encoded, unknown ids counted.
struct Expected {
    qint64 tokens = 0;
    qint64 unknown = 0;
};

Expected encodeAll(const i3::ChunkTokenizer& tokenizer, const std::vector<std::string>& texts)
{
    Expected expected;
    for (const std::string& text : texts) {
        if (QString::fromStdString(text).trimmed().isEmpty())
            continue;
        for (const int64_t id : tokenizer.encode(text)) {
            ++expected.tokens;
            expected.unknown += id == tokenizer.unk_idx() ? 1 : 0;
        }
    }
    return expected;
}

QString labelText(const DataPanel& panel, const char* name)
{
    auto* label = panel.findChild<QLabel*>(name);
    return label ? label->text() : QString();
}

void clickAnalyse(DataPanel& panel)
{
    auto* button = panel.findChild<QPushButton*>("analyseButton");
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

} // namespace

class TestDataPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fitsTheStudioWindow();
    void builtinCorpusCounts();
    void jsonlFileCounts();
    void loadedTokenizerCountsUnknowns();
    void missingFileShowsErrorAndRecovers();
    void emptySelectionSaysSo();
    void cancelStopsCleanly();
};

void TestDataPanel::builtinCorpusCounts()
{
    std::vector<std::string> texts = i3::builtin_corpus_texts();
    texts.resize(300);
    const i3::CorpusStats stats = i3::corpus_stats(texts);
    const i3::ChunkTokenizer tokenizer = i3::ChunkTokenizer::build(texts);
    const Expected expected = encodeAll(tokenizer, texts);
    QVERIFY(expected.tokens > 10000);
    QCOMPARE(expected.unknown, qint64(0)); // every chunk of these texts is in their own vocabulary

    DataPanel panel;
    panel.show();
    QVERIFY(panel.findChild<QCheckBox*>("builtinCheck")->isChecked());
    panel.findChild<QSpinBox*>("maxTextsSpin")->setValue(300);
    panel.findChild<QDoubleSpinBox*>("validationSpin")->setValue(10); // percent
    QSignalSpy analysed(&panel, &DataPanel::analysed);
    QSignalSpy started(&panel, &DataPanel::jobStarted);
    clickAnalyse(panel);
    QCOMPARE(started.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), kAnalysisTimeoutMs);
    QVERIFY2(!panel.findChild<QLabel*>("errorLabel")->isVisibleTo(&panel),
             qPrintable(labelText(panel, "errorLabel")));

    QCOMPARE(analysed.count(), 1);
    QCOMPARE(analysed.at(0).at(0).toLongLong(), qint64(tokenizer.vocab_size()));
    QCOMPARE(analysed.at(0).at(1).toLongLong(), expected.tokens);
    const auto summary = panel.lastSummary();
    QVERIFY(summary);
    QCOMPARE(summary->texts, qint64(300));
    QCOMPARE(summary->characters, static_cast<qint64>(stats.characters));
    QCOMPARE(summary->bytes, static_cast<qint64>(stats.bytes));
    QCOMPARE(summary->tokens, expected.tokens);
    QCOMPARE(summary->vocabularySize, qint64(tokenizer.vocab_size()));
    QCOMPARE(summary->unknownTokens, qint64(0));
    QCOMPARE(summary->unknownRate, 0.0);
    const auto heldOut = static_cast<qint64>(static_cast<double>(expected.tokens) * 0.10);
    QCOMPARE(summary->validationTokens, heldOut);
    QCOMPARE(summary->trainTokens, expected.tokens - heldOut);

    const QLocale locale;
    QCOMPARE(labelText(panel, "textsValue"), locale.toString(300));
    QVERIFY(labelText(panel, "charactersValue").startsWith(locale.toString(static_cast<qint64>(stats.characters))));
    QCOMPARE(labelText(panel, "tokensValue"), locale.toString(expected.tokens));
    QVERIFY(labelText(panel, "vocabularyValue").contains(locale.toString(qint64(tokenizer.vocab_size()))));
    QVERIFY(labelText(panel, "unknownRateValue").startsWith(locale.toString(0.0, 'f', 2)));
    QVERIFY(labelText(panel, "splitValue").contains(locale.toString(expected.tokens - heldOut)));

    // Moving the split afterwards is arithmetic: no new analysis, the counts follow.
    panel.findChild<QDoubleSpinBox*>("validationSpin")->setValue(20);
    QCOMPARE(panel.lastSummary()->validationTokens, static_cast<qint64>(static_cast<double>(expected.tokens) * 0.20));
    QVERIFY(!panel.isAnalysing());

    auto* preview = panel.findChild<QListWidget*>("previewList");
    QCOMPARE(preview->count(), DataJob::kPreviewTexts);
    const QString first = QString::fromStdString(texts[0]);
    QVERIFY(first.size() > DataJob::kPreviewCharacters); // so the cut is exercised
    QVERIFY(preview->item(0)->text().startsWith(first.left(DataJob::kPreviewCharacters)));
    QCOMPARE(preview->item(0)->text().size(), DataJob::kPreviewCharacters + 1); // and an ellipsis

    // The built tokenizer can be saved and reads back as the same vocabulary.
    QVERIFY(panel.findChild<QPushButton*>("saveTokenizerButton")->isVisibleTo(&panel));
    QTemporaryDir dir;
    const QString saved = dir.filePath("tokenizer.json");
    QVERIFY(panel.saveTokenizer(saved));
    const i3::ChunkTokenizer reloaded = i3::ChunkTokenizer::load(saved.toStdString());
    QCOMPARE(reloaded.vocab_size(), tokenizer.vocab_size());
    QVERIFY(reloaded.encode(texts[7]) == tokenizer.encode(texts[7]));
}

void TestDataPanel::jsonlFileCounts()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("three.jsonl");
    // The second text is raw UTF-8, the third escaped as Python's json.dump writes it.
    writeFile(path, "{\"text\": \"Hello world\"}\n"
                    "{\"id\": 2, \"text\": \"Caf\xC3\xA9 au lait\"}\n"
                    "\n"
                    "{\"text\": \"a na\\u00efve cat\"}\n");
    // Counted by hand: "Hello world" 11, "Café au lait" 12, "a naïve cat" 11 characters;
    // "é" and "ï" take two bytes each.
    const qint64 characters = 11 + 12 + 11;
    const qint64 bytes = 11 + 13 + 12;

    DataPanel panel;
    DataChoice choice;
    choice.builtinCorpus = false;
    choice.files = QStringList{path};
    choice.validationFraction = 0;
    panel.setChoice(choice);
    QCOMPARE(panel.choice(), choice);
    clickAnalyse(panel);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), kAnalysisTimeoutMs);

    const auto summary = panel.lastSummary();
    QVERIFY2(summary, qPrintable(labelText(panel, "errorLabel")));
    QCOMPARE(summary->texts, qint64(3));
    QCOMPARE(summary->characters, characters);
    QCOMPARE(summary->bytes, bytes);
    QCOMPARE(summary->unknownRate, 0.0);
    QCOMPARE(summary->validationTokens, qint64(0));
    QCOMPARE(summary->trainTokens, summary->tokens);
    const std::vector<std::string> texts{"Hello world", "Caf\xC3\xA9 au lait", "a na\xC3\xAFve cat"};
    QCOMPARE(summary->tokens, encodeAll(i3::ChunkTokenizer::build(texts), texts).tokens);

    auto* preview = panel.findChild<QListWidget*>("previewList");
    QCOMPARE(preview->count(), 3);
    QCOMPARE(preview->item(1)->text(), QStringLiteral("Caf\u00E9 au lait"));
    QCOMPARE(preview->item(2)->text(), QStringLiteral("a na\u00EFve cat"));

    // Chunks worked out by hand (reference §5): "hello world" -> he llo " w" or ld; "café au lait"
    // -> ca fé " au" " l" ai t; "a naïve cat" -> "a " naï ve " c" at. Each occurs once, so they
    // rank by code points, " au" first; all three texts are 8 to 15 characters long.
    QCOMPARE(summary->topChunks.size(), DataJob::kTopChunks);
    QCOMPARE(summary->topChunks.at(0), (QPair<QString, qint64>(QStringLiteral(" au"), 1)));
    QCOMPARE(summary->topChunks.at(3), (QPair<QString, qint64>(QStringLiteral(" w"), 1)));
    QVERIFY2(labelText(panel, "topChunksValue").startsWith(QStringLiteral("\u201C\u2423au\u201D 1 \u00B7 ")),
             qPrintable(labelText(panel, "topChunksValue")));
    QCOMPARE(summary->textLengths.value(3), qint64(3));
    QCOMPARE(labelText(panel, "textLengthsValue"), QStringLiteral("8\u201315: 3"));
    QVERIFY(!summary->tokensReused);

    // The same data again: the token store has it, nothing is encoded.
    clickAnalyse(panel);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), kAnalysisTimeoutMs);
    QVERIFY(panel.lastSummary()->tokensReused);
    QCOMPARE(panel.lastSummary()->tokens, summary->tokens);
    QCOMPARE(labelText(panel, "tokenStoreValue"), QStringLiteral("reused from the token cache"));
}

void TestDataPanel::loadedTokenizerCountsUnknowns()
{
    // A vocabulary from three short texts meets the built-in stories: many chunks are unknown.
    QTemporaryDir dir;
    const std::vector<std::string> small{"once upon a time", "user: hello", "the cat sat"};
    const i3::ChunkTokenizer tokenizer = i3::ChunkTokenizer::build(small);
    const QString tokenizerPath = dir.filePath("tokenizer.json");
    tokenizer.save(tokenizerPath.toStdString());
    std::vector<std::string> texts = i3::builtin_corpus_texts();
    texts.resize(40);
    const Expected expected = encodeAll(tokenizer, texts);
    QVERIFY(expected.unknown > 0);

    DataPanel panel;
    DataChoice choice;
    choice.maxTexts = 40;
    choice.tokenizerFile = tokenizerPath;
    panel.setChoice(choice);
    QVERIFY(panel.findChild<QRadioButton*>("loadTokenizerRadio")->isChecked());
    clickAnalyse(panel);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), kAnalysisTimeoutMs);
    const auto summary = panel.lastSummary();
    QVERIFY2(summary, qPrintable(labelText(panel, "errorLabel")));
    QCOMPARE(summary->vocabularySize, qint64(tokenizer.vocab_size()));
    QCOMPARE(summary->tokens, expected.tokens);
    QCOMPARE(summary->unknownTokens, expected.unknown);
    QCOMPARE(summary->unknownRate, static_cast<double>(expected.unknown) / static_cast<double>(expected.tokens));
    QVERIFY(!summary->tokenizerBuilt);
    QVERIFY(!panel.findChild<QPushButton*>("saveTokenizerButton")->isVisibleTo(&panel));
    QVERIFY(labelText(panel, "tokenizerSourceValue").contains(tokenizerPath));
}

void TestDataPanel::missingFileShowsErrorAndRecovers()
{
    QTemporaryDir dir;
    DataPanel panel;
    panel.show();
    DataChoice choice;
    choice.builtinCorpus = false;
    choice.files = QStringList{dir.filePath("missing.jsonl")};
    panel.setChoice(choice);
    clickAnalyse(panel);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), kAnalysisTimeoutMs);

    auto* error = panel.findChild<QLabel*>("errorLabel");
    QVERIFY(error->isVisibleTo(&panel));
    QVERIFY2(error->text().contains("missing.jsonl"), qPrintable(error->text()));
    QVERIFY(!panel.lastSummary());
    QCOMPARE(labelText(panel, "textsValue"), QStringLiteral("–"));

    // Still usable: the built-in corpus analyses and the error goes away.
    choice.builtinCorpus = true;
    choice.files.clear();
    choice.maxTexts = 20;
    panel.setChoice(choice);
    clickAnalyse(panel);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), kAnalysisTimeoutMs);
    QVERIFY(panel.lastSummary());
    QCOMPARE(panel.lastSummary()->texts, qint64(20));
    QVERIFY(!error->isVisibleTo(&panel));
}

void TestDataPanel::emptySelectionSaysSo()
{
    DataPanel panel;
    panel.show();
    QSignalSpy started(&panel, &DataPanel::jobStarted);
    panel.findChild<QCheckBox*>("builtinCheck")->setChecked(false);
    QVERIFY(panel.choice().files.isEmpty());
    clickAnalyse(panel);
    QCOMPARE(started.count(), 0);
    QVERIFY(!panel.isAnalysing());
    auto* error = panel.findChild<QLabel*>("errorLabel");
    QVERIFY(error->isVisibleTo(&panel));
    QVERIFY2(error->text().contains("built-in corpus") && error->text().contains("file"), qPrintable(error->text()));
    QVERIFY(panel.findChild<QPushButton*>("analyseButton")->isEnabled());
}

void TestDataPanel::cancelStopsCleanly()
{
    DataPanel panel;
    panel.show();
    QSignalSpy analysed(&panel, &DataPanel::analysed);
    clickAnalyse(panel); // the whole built-in corpus: long enough to be stopped
    auto* cancel = panel.findChild<QPushButton*>("cancelAnalysisButton");
    QVERIFY(cancel->isVisibleTo(&panel));
    QVERIFY(!panel.findChild<QPushButton*>("analyseButton")->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), kAnalysisTimeoutMs);
    QCOMPARE(analysed.count(), 0);
    QVERIFY(!panel.lastSummary());
    QVERIFY(!panel.findChild<QLabel*>("errorLabel")->isVisibleTo(&panel));
    QVERIFY(panel.findChild<QPushButton*>("analyseButton")->isEnabled());

    // A panel closed mid-analysis stops its job and joins the thread.
    auto* closing = new DataPanel;
    closing->analyse();
    QVERIFY(closing->isAnalysing());
    delete closing;
}

void TestDataPanel::fitsTheStudioWindow()
{
    // The main window is 1280 x 800; its tabs, menu and status bar leave about 1260 x 700.
    DataPanel panel;
    panel.resize(1260, 700);
    panel.show();
    panel.findChild<QSpinBox*>("maxTextsSpin")->setValue(100);
    panel.analyse();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), kAnalysisTimeoutMs);
    QVERIFY(panel.lastSummary());
    const QSize minimum = panel.minimumSizeHint();
    QVERIFY2(minimum.width() <= 1260 && minimum.height() <= 700,
             qPrintable(QStringLiteral("%1 x %2").arg(minimum.width()).arg(minimum.height())));
}

QTEST_MAIN(TestDataPanel)
#include "test_data_panel.moc"
