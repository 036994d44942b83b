// SPDX-License-Identifier: GPL-3.0-or-later
// The Data panel: its counts against the engine's own pieces used directly, files, errors; a
// Hugging Face dataset looked up, previewed, analysed and cancelled against the stand-in Hub
// (fixtures/hub_server.py), offline from the cache, and its bad inputs.
#include "data/builtin_corpus.h"
#include "data/data_source.h"
#include "text/chunk_tokenizer.h"
#include "data/text_sources.h"

#include "data_panel.h"
#include "hub_dataset_box.h"
#include "hub_stand_in.h"
#include "test_support.h"

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

QString parquetFixture(const QString& name) { return QDir(i3test::fixtures_dir()).filePath("parquet/" + name); }

// What the engine reads from a fixture's text column, as the panel lists texts.
QStringList fixtureTexts(const QString& name, const std::string& column = "text")
{
    i3::TextReadOptions options;
    options.text_field = column;
    QStringList texts;
    for (const std::string& text : i3::read_texts(parquetFixture(name).toStdString(), options))
        texts << QString::fromStdString(text);
    return texts;
}

QStringList comboTexts(const DataPanel& panel, const char* name)
{
    QStringList texts;
    const auto* combo = panel.findChild<QComboBox*>(name);
    for (int i = 0; combo && i < combo->count(); ++i)
        texts << combo->itemText(i);
    return texts;
}

QStringList listTexts(const DataPanel& panel, const char* name)
{
    QStringList texts;
    const auto* list = panel.findChild<QListWidget*>(name);
    for (int i = 0; list && i < list->count(); ++i)
        texts << list->item(i)->text();
    return texts;
}

// Types `repo` into the Hub field as a user would and presses Look up; waits for the answer.
void lookUp(DataPanel& panel, const QString& repo)
{
    auto* box = panel.findChild<HubDatasetBox*>();
    QVERIFY(box);
    box->setChecked(true);
    auto* edit = panel.findChild<QLineEdit*>("hubDatasetEdit");
    edit->selectAll();
    QTest::keyClicks(edit, repo);
    QTest::mouseClick(panel.findChild<QPushButton*>("hubLookUpButton"), Qt::LeftButton);
    QVERIFY(box->isLookingUp());
    QTRY_VERIFY_WITH_TIMEOUT(!box->isLookingUp(), kAnalysisTimeoutMs);
}

// The size of the blob that is still downloading in `repoFolder`; -1 while there is none.
qint64 incompleteBlobSize(const QString& repoFolder)
{
    const QFileInfoList blobs = QDir(repoFolder + "/blobs").entryInfoList({"*.incomplete"}, QDir::Files);
    return blobs.isEmpty() ? -1 : blobs.first().size();
}

} // namespace

class TestDataPanel : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    i3test::HubServer hub_;
    QJsonObject info_;

    // Points the Hub's variables at the stand-in, with a cache of the test's own; returns it.
    QString useStandInHub(const QString& cacheName);
    QString commit(const QString& repo) const
    {
        return info_.value("dataset:" + repo).toObject().value("commit").toString();
    }

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void fitsTheStudioWindow();
    void builtinCorpusCounts();
    void jsonlFileCounts();
    void loadedTokenizerCountsUnknowns();
    void missingFileShowsErrorAndRecovers();
    void emptySelectionSaysSo();
    void cancelStopsCleanly();
    void hubDatasetIsLookedUpAndAnalysedAsTheCommandLineReadsIt();
    void cachedHubDatasetNeedsNoRequestOffline();
    void badHubDatasetsSaySo();
    void hubDownloadCancelsMidFileAndResumes();
};

// The stand-in Hub's datasets, made of the pyarrow fixtures: "stories" in the push_to_hub layout
// (a train split of two files, a validation split) with a second config, one without a text
// column, and one whose only file the cancel test catches mid-download.
void TestDataPanel::initTestCase()
{
    QVERIFY(dir_.isValid());
    const QString stories = dir_.filePath("repos/stories");
    i3test::write_file(stories + "/README.md", "# Stories\n");
    i3test::write_file(stories + "/data/train-00000-of-00002.parquet", i3test::read_file(parquetFixture("columns.parquet")));
    i3test::write_file(stories + "/data/train-00001-of-00002.parquet", i3test::read_file(parquetFixture("row_groups.parquet")));
    i3test::write_file(stories + "/data/validation-00000-of-00001.parquet",
                       i3test::read_file(parquetFixture("hub_style.parquet")));
    i3test::write_file(stories + "/en/train/0000.parquet", i3test::read_file(parquetFixture("required.parquet")));
    const QString noText = dir_.filePath("repos/no-text");
    i3test::write_file(noText + "/data/train-00000-of-00001.parquet", i3test::read_file(parquetFixture("refuse_binary.parquet")));
    const QString held = dir_.filePath("repos/held");
    i3test::write_file(held + "/data/train-00000-of-00001.parquet", i3test::read_file(parquetFixture("long_text.parquet")));

    const auto repo = [](const QString& id, const QString& folder) {
        return QJsonObject{{"type", "dataset"}, {"id", id}, {"folder", folder},
                           {"lfs", QJsonArray{"data/train-00000-of-00002.parquet", "data/train-00000-of-00001.parquet"}}};
    };
    const QString spec = dir_.filePath("spec.json");
    i3test::write_file(spec, QJsonDocument(QJsonObject{{"repos", QJsonArray{repo("owner/stories", stories),
                                                                           repo("owner/no-text", noText),
                                                                           repo("owner/held", held)}}})
                                 .toJson());
    QVERIFY(hub_.start(spec));
    info_ = hub_.ask("info");
}

QString TestDataPanel::useStandInHub(const QString& cacheName)
{
    const QString cache = dir_.filePath(cacheName);
    qputenv("HF_ENDPOINT", hub_.endpoint().toUtf8());
    qputenv("HF_HUB_CACHE", cache.toUtf8());
    hub_.reset();
    return cache;
}

void TestDataPanel::cleanup()
{
    for (const char* name : {"HF_ENDPOINT", "HF_HUB_CACHE", "HF_HUB_OFFLINE", "HF_TOKEN"})
        qunsetenv(name);
}

void TestDataPanel::hubDatasetIsLookedUpAndAnalysedAsTheCommandLineReadsIt()
{
    const QString cache = useStandInHub("cache-lookup");
    DataPanel panel;
    panel.show();
    QVERIFY(!panel.findChild<QLabel*>("hubNote")); // the old "not there yet" note
    auto* box = panel.findChild<HubDatasetBox*>();
    QVERIFY(box && !box->isChecked());
    QVERIFY(panel.choice().hub.isEmpty());
    QStringList messages; // every job's progress, queued to this thread in order
    connect(&panel, &DataPanel::jobStarted, &panel, [&](EngineJob* job) {
        connect(job, &EngineJob::progress, &panel, [&messages](double, const QString& message) { messages << message; });
    });

    lookUp(panel, "owner/stories");
    QVERIFY2(box->errorText().isEmpty(), qPrintable(box->errorText()));
    QCOMPARE(comboTexts(panel, "hubConfigCombo"), (QStringList{"default", "en"}));
    QCOMPARE(comboTexts(panel, "hubSplitCombo"), (QStringList{"train", "validation"}));
    QCOMPARE(comboTexts(panel, "hubColumnCombo"), (QStringList{"text", "title"}));
    QCOMPARE(listTexts(panel, "hubRowsList"), fixtureTexts("columns.parquet"));
    const QString status = labelText(panel, "hubStatusLabel");
    QVERIFY2(status.contains(commit("owner/stories").left(10)) &&
                 status.contains("Files in split “train”: 2, 1 of them in the cache.") &&
                 status.contains("The first file was downloaded") && status.contains("The others are downloaded"),
             qPrintable(status));
    QVERIFY2(labelText(panel, "hubCacheLabel").contains(QDir::toNativeSeparators(cache + "/datasets--owner--stories")),
             qPrintable(labelText(panel, "hubCacheLabel")));
    QVERIFY(messages.join('|').contains("Downloading owner/stories: data/train-00000-of-00002.parquet (file 1 of 1)"));

    // The choice is the source that --data hf:owner/stories --hf-split train --text-field text makes.
    const HubDatasetChoice chosen = panel.choice().hub;
    QCOMPARE(chosen.repo, QString("owner/stories"));
    QCOMPARE(chosen.config, QString());
    QCOMPARE(chosen.split, QString("train"));
    QCOMPARE(chosen.textField, QString("text"));
    const i3::DataSource commandLine = i3::parse_data_source("hf:owner/stories");
    QVERIFY(panel.choice().toSpec().sources.back() == commandLine);

    // Analysed, the split's second file is downloaded with its progress, and both are read.
    panel.findChild<QCheckBox*>("builtinCheck")->setChecked(false);
    messages.clear();
    clickAnalyse(panel);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), kAnalysisTimeoutMs);
    QVERIFY2(panel.lastSummary(), qPrintable(labelText(panel, "errorLabel")));
    QCOMPARE(panel.lastSummary()->texts, qint64(fixtureTexts("columns.parquet").size() + fixtureTexts("row_groups.parquet").size()));
    QVERIFY2(messages.join('|').contains("Downloading owner/stories: data/train-00001-of-00002.parquet (file 2 of 2)"),
             qPrintable(messages.join('|')));
    QVERIFY2(messages.join('|').contains("data/train-00000-of-00002.parquet (file 1 of 2), ") &&
                 messages.join('|').contains("already in the cache"),
             qPrintable(messages.join('|')));
    QVERIFY2(labelText(panel, "hubStatusLabel").contains("2, 2 of them in the cache.") &&
                 !labelText(panel, "hubStatusLabel").contains("The others"),
             qPrintable(labelText(panel, "hubStatusLabel")));

    // Analysed again: the cache has both files, so only the file list is asked for.
    hub_.reset();
    clickAnalyse(panel);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), kAnalysisTimeoutMs);
    QVERIFY(panel.lastSummary());
    const QJsonObject stats = hub_.ask("stats");
    QCOMPARE(stats.value("body_gets").toInt(), 0);
    QCOMPARE(stats.value("requests").toArray().size(), 1);

    // Another split from its picker: its first rows and columns.
    auto* split = panel.findChild<QComboBox*>("hubSplitCombo");
    QTest::keyClick(split, Qt::Key_Down);
    QVERIFY(box->isLookingUp());
    QTRY_VERIFY_WITH_TIMEOUT(!box->isLookingUp(), kAnalysisTimeoutMs);
    QVERIFY2(box->errorText().isEmpty(), qPrintable(box->errorText()));
    QCOMPARE(panel.choice().hub.split, QString("validation"));
    QCOMPARE(comboTexts(panel, "hubColumnCombo"), QStringList{"text"});
    QCOMPARE(listTexts(panel, "hubRowsList"), fixtureTexts("hub_style.parquet"));
    QVERIFY(panel.findChild<QLabel*>("staleLabel")->isVisibleTo(&panel)); // the analysis was of train

    // Another config: its own layout.
    auto* config = panel.findChild<QComboBox*>("hubConfigCombo");
    QTest::keyClick(config, Qt::Key_Down);
    QTRY_VERIFY_WITH_TIMEOUT(!box->isLookingUp(), kAnalysisTimeoutMs);
    QCOMPARE(panel.choice().hub.config, QString("en"));
    QCOMPARE(panel.choice().hub.split, QString("train")); // en has no validation split
    QCOMPARE(listTexts(panel, "hubRowsList"), fixtureTexts("required.parquet"));
}

// Once the cache holds a dataset, HF_HUB_OFFLINE=1 looks it up and analyses it with no request.
void TestDataPanel::cachedHubDatasetNeedsNoRequestOffline()
{
    useStandInHub("cache-offline");
    DataChoice choice;
    choice.builtinCorpus = false;
    choice.hub = {"owner/stories", QString(), "validation", "text"};
    {
        DataPanel online;
        online.setChoice(choice);
        online.analyse();
        QTRY_VERIFY_WITH_TIMEOUT(!online.isAnalysing(), kAnalysisTimeoutMs);
        QVERIFY2(online.lastSummary(), qPrintable(labelText(online, "errorLabel")));
    }
    qputenv("HF_HUB_OFFLINE", "1");
    hub_.reset();
    DataPanel panel;
    panel.setChoice(choice);
    QCOMPARE(panel.choice(), choice);
    auto* box = panel.findChild<HubDatasetBox*>();
    QVERIFY(box->isChecked());
    box->lookUp();
    QTRY_VERIFY_WITH_TIMEOUT(!box->isLookingUp(), kAnalysisTimeoutMs);
    QVERIFY2(box->errorText().isEmpty(), qPrintable(box->errorText()));
    QVERIFY2(labelText(panel, "hubStatusLabel").contains("Offline"), qPrintable(labelText(panel, "hubStatusLabel")));
    QCOMPARE(listTexts(panel, "hubRowsList"), fixtureTexts("hub_style.parquet"));
    panel.analyse();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), kAnalysisTimeoutMs);
    QVERIFY2(panel.lastSummary(), qPrintable(labelText(panel, "errorLabel")));
    QCOMPARE(panel.lastSummary()->texts, qint64(fixtureTexts("hub_style.parquet").size()));
    QCOMPARE(hub_.ask("stats").value("requests").toArray().size(), 0);

    // Offline, a dataset the cache lacks: said plainly, and nothing asked of the Hub either.
    lookUp(panel, "owner/held");
    QVERIFY2(box->errorText().contains("owner/held") && box->errorText().contains("cache"), qPrintable(box->errorText()));
    QCOMPARE(hub_.ask("stats").value("requests").toArray().size(), 0);
}

void TestDataPanel::badHubDatasetsSaySo()
{
    useStandInHub("cache-errors");
    DataPanel panel;
    panel.show();
    auto* box = panel.findChild<HubDatasetBox*>();
    lookUp(panel, "owner/absent");
    QVERIFY2(box->errorText().contains("there is no dataset owner/absent"), qPrintable(box->errorText()));
    QVERIFY(!box->lastPreview());
    lookUp(panel, "owner/no-text");
    QVERIFY2(box->errorText().contains("no text column") && box->errorText().contains("\"text\" (binary)"),
             qPrintable(box->errorText()));
    lookUp(panel, "owner--x/y");
    QVERIFY2(box->errorText().contains("not a Hub repo id"), qPrintable(box->errorText()));

    // The analysis of a repo that is not there says the same.
    DataChoice absent;
    absent.builtinCorpus = false;
    absent.hub.repo = "owner/absent";
    panel.setChoice(absent);
    panel.analyse();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isAnalysing(), kAnalysisTimeoutMs);
    QVERIFY(!panel.lastSummary());
    QVERIFY2(labelText(panel, "errorLabel").contains("owner/absent"), qPrintable(labelText(panel, "errorLabel")));

    // No network: where nothing listens.
    qputenv("HF_ENDPOINT", "http://127.0.0.1:1");
    lookUp(panel, "owner/stories");
    QVERIFY2(box->errorText().contains("cannot reach http://127.0.0.1:1") && box->errorText().contains("HF_HUB_OFFLINE"),
             qPrintable(box->errorText()));
}

void TestDataPanel::hubDownloadCancelsMidFileAndResumes()
{
    const QString cache = useStandInHub("cache-cancel");
    const QString file = "data/train-00000-of-00001.parquet";
    hub_.arm(R"({"hold": {"data/train-00000-of-00001.parquet": 1000}})");
    DataPanel panel;
    panel.show();
    auto* box = panel.findChild<HubDatasetBox*>();
    box->setChecked(true);
    QTest::keyClicks(panel.findChild<QLineEdit*>("hubDatasetEdit"), "owner/held");
    QTest::mouseClick(panel.findChild<QPushButton*>("hubLookUpButton"), Qt::LeftButton);
    // The first 1000 bytes are in the cache's blob; the stand-in holds back the rest.
    const QString repoFolder = cache + "/datasets--owner--held";
    QTRY_COMPARE_WITH_TIMEOUT(incompleteBlobSize(repoFolder), qint64(1000), kAnalysisTimeoutMs);
    auto* cancel = panel.findChild<QPushButton*>("hubCancelButton");
    QVERIFY(cancel->isVisibleTo(&panel));
    QVERIFY(panel.findChild<QProgressBar*>("hubProgress")->isVisibleTo(&panel));
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!box->isLookingUp(), kAnalysisTimeoutMs);
    QVERIFY2(box->errorText().isEmpty(), qPrintable(box->errorText()));
    QVERIFY(!box->lastPreview());
    QVERIFY(!cancel->isVisibleTo(&panel));
    QVERIFY(!QFileInfo::exists(repoFolder + "/snapshots/" + commit("owner/held") + "/" + file));
    QCOMPARE(incompleteBlobSize(repoFolder), qint64(1000)); // kept, to be resumed

    // Looked up again, the download resumes where it stopped.
    hub_.reset(); // lets the held answer go (its client is gone)
    box->lookUp();
    QTRY_VERIFY_WITH_TIMEOUT(!box->isLookingUp(), kAnalysisTimeoutMs);
    QVERIFY2(box->errorText().isEmpty(), qPrintable(box->errorText()));
    QCOMPARE(listTexts(panel, "hubRowsList").size(), fixtureTexts("long_text.parquet").size());
    QCOMPARE(hub_.ask("stats").value("ranges").toArray(), QJsonArray{"bytes=1000-"});
    QVERIFY(QFileInfo::exists(repoFolder + "/snapshots/" + commit("owner/held") + "/" + file));
}

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
