// SPDX-License-Identifier: GPL-3.0-or-later
// Hub datasets as sources, without a network: which files of a repo's file list hold a split (each
// layout, their order, the message when none matches), --data arguments with weights (paths with
// ':' included), the mixing of weighted sources counted by hand, .json files, a fetched dataset's
// identity for reuse, and the cache folder a snapshot belongs to.
#include "test_support.h"

#include "base/error.h"
#include "data/data_spec.h"
#include "data/hub_split_files.h"
#include "data/source_mix.h"
#include "data/text_sources.h"
#include "hub/hub_cache.h"

#include <QtTest>

#include <fstream>

namespace fs = std::filesystem;

using Files = std::vector<std::string>;

namespace {

using i3test::error_of;

Files numbered(const std::string& prefix, int count)
{
    Files texts;
    for (int i = 0; i < count; ++i)
        texts.push_back(prefix + std::to_string(i));
    return texts;
}

} // namespace

class TestHubDatasets : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    fs::path write(const std::string& name, const std::string& text) const
    {
        const fs::path path = fs::path(dir_.path().toStdString()) / name;
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void pushToHubLayoutComesFirst()
    {
        const Files repo = {"README.md", "train.jsonl", "default/train/0000.parquet", "data/validation-00000-of-00001.parquet",
                            "data/train-00001-of-00002.parquet", "data/train-00000-of-00002.parquet",
                            "data/train-extra/x.parquet", "data/training-00000.parquet"};
        QCOMPARE(i3::split_files(repo, "default", "train", "o/n"),
                 (Files{"data/train-00000-of-00002.parquet", "data/train-00001-of-00002.parquet"}));
        QCOMPARE(i3::split_files(repo, "default", "validation", "o/n"), (Files{"data/validation-00000-of-00001.parquet"}));
        QCOMPARE(i3::split_files({"data/train/b.parquet", "data/train/a.parquet", "data/train/sub/c.parquet"}, "default",
                                 "train", "o/n"),
                 (Files{"data/train/a.parquet", "data/train/b.parquet"}));
    }

    void convertedParquetLayoutByConfig()
    {
        const Files repo = {"en/train/0000.parquet", "en/train/0001.parquet", "fr/train/0000.parquet",
                            "default/test-00000.parquet", "train.csv"};
        QCOMPARE(i3::split_files(repo, "en", "train", "o/n"), (Files{"en/train/0000.parquet", "en/train/0001.parquet"}));
        QCOMPARE(i3::split_files(repo, "default", "test", "o/n"), (Files{"default/test-00000.parquet"}));
        // Without the config's folder, the next layout answers.
        QCOMPARE(i3::split_files(repo, "default", "train", "o/n"), (Files{"train.csv"}));
    }

    void singleFilesThenNamesHoldingTheSplit()
    {
        for (const std::string extension : {".jsonl", ".json", ".csv", ".txt"})
            QCOMPARE(i3::split_files({"README.md", "train" + extension, "my-train-notes.txt"}, "default", "train", "o/n"),
                     (Files{"train" + extension}));
        QCOMPARE(i3::split_files({"README.md", "TinyStories-train.txt", "stories/train_part.jsonl",
                                  "TinyStories-valid.txt", "train.py"},
                                 "default", "train", "o/n"),
                 (Files{"TinyStories-train.txt", "stories/train_part.jsonl"}));
    }

    void noMatchListsWhatExists()
    {
        const std::string message = error_of(
            [] { i3::split_files({"README.md", "data/test-00000.parquet", "notes.txt"}, "default", "train", "owner/ds at main"); });
        QVERIFY2(message.find("dataset owner/ds at main") != std::string::npos, message.c_str());
        QVERIFY2(message.find("split \"train\"") != std::string::npos, message.c_str());
        QVERIFY2(message.find("data/train-*.parquet") != std::string::npos, message.c_str());
        QVERIFY2(message.find("the repo has README.md, data/test-00000.parquet, notes.txt") != std::string::npos,
                 message.c_str());
        const std::string empty = error_of([] { i3::split_files({}, "default", "train", "o/n"); });
        QVERIFY2(empty.find("the repo has no files") != std::string::npos, empty.c_str());
    }

    // The pickers' lists: each name is one that split_files() resolves, another name for the same
    // files is left out, the usual splits come first.
    void configsAndSplitsOfAFileList()
    {
        const Files pushed = {"README.md", "data/train-00000-of-00002.parquet", "data/train-00001-of-00002.parquet",
                              "data/validation-00000-of-00001.parquet", "data/extra-00000-of-00001.parquet"};
        QCOMPARE(i3::dataset_configs(pushed), (Files{"default"}));
        QCOMPARE(i3::dataset_splits(pushed, "default"), (Files{"train", "validation", "extra"}));

        const Files converted = {"en/train/0000.parquet", "en/test/0000.parquet", "fr/train/0000.parquet",
                                 "fr/train-00001.parquet", "README.md"};
        QCOMPARE(i3::dataset_configs(converted), (Files{"en", "fr"}));
        QCOMPARE(i3::dataset_splits(converted, "en"), (Files{"train", "test"}));
        QCOMPARE(i3::dataset_splits(converted, "fr"), (Files{"train"}));
        // The data/ layout beside config folders belongs to "default".
        QCOMPARE(i3::dataset_configs({"data/train-0.parquet", "en/train/0.parquet"}), (Files{"default", "en"}));

        const Files single = {"train.jsonl", "test.csv", "notes.md", "dev.txt"};
        QCOMPARE(i3::dataset_configs(single), (Files{"default"}));
        QCOMPARE(i3::dataset_splits(single, "default"), (Files{"train", "dev", "test"}));
        // Layout 4 names a file by the usual split it holds, not by its own name.
        const Files named = {"TinyStories-train.txt", "TinyStories-valid.txt", "README.md"};
        QCOMPARE(i3::dataset_splits(named, "default"), (Files{"train", "valid"}));
        for (const auto& split : i3::dataset_splits(named, "default"))
            QVERIFY(!i3::split_files(named, "default", split, "o/n").empty());

        QCOMPARE(i3::dataset_configs({"README.md", "script.py"}), Files{});
        QCOMPARE(i3::dataset_splits({"README.md"}, "default"), Files{});
    }

    void dataArgumentsAndWeights()
    {
        const i3::DataSource plain = i3::parse_data_source("texts/a.jsonl");
        QCOMPARE(plain.file.string(), std::string("texts/a.jsonl"));
        QCOMPARE(plain.weight, 0.0);
        QVERIFY(!plain.hub);
        const i3::DataSource weighted = i3::parse_data_source("a.jsonl:0.3");
        QCOMPARE(weighted.file.string(), std::string("a.jsonl"));
        QCOMPARE(weighted.weight, 0.3);
        const i3::DataSource hub = i3::parse_data_source("hf:owner/name:0.7");
        QVERIFY(hub.hub);
        QCOMPARE(hub.hub->repo, std::string("owner/name"));
        QCOMPARE(hub.hub->split, std::string("train"));
        QCOMPARE(hub.hub->text_field, std::string("text"));
        QCOMPARE(hub.weight, 0.7);
        QCOMPARE(i3::parse_data_source("hf:roneneldan/TinyStories").hub->text_field, std::string("text"));
        // Only a trailing ":<number>" is a weight.
        QCOMPARE(i3::parse_data_source("C:\\texts\\a.jsonl").file.string(), std::string("C:\\texts\\a.jsonl"));
        QCOMPARE(i3::parse_data_source("C:\\texts\\a.jsonl:2").weight, 2.0);
        QCOMPARE(i3::parse_data_source("notes:2.txt").file.string(), std::string("notes:2.txt"));
        QCOMPARE(i3::parse_data_source("a.jsonl:1e-3").file.string(), std::string("a.jsonl:1e-3"));
        // A file whose whole name ends like a weight is that file.
        const fs::path odd = write("odd:5", "text\n");
        QCOMPARE(i3::parse_data_source(odd.string()).file, odd);
        QCOMPARE(i3::parse_data_source(odd.string() + ":0.5").weight, 0.5);
        QVERIFY(error_of([] { i3::parse_data_source("a.jsonl:0"); }).find("above 0") != std::string::npos);
        QVERIFY(error_of([] { i3::parse_data_source(":0.5"); }).find("no file") != std::string::npos);
        QVERIFY(error_of([] { i3::parse_data_source("hf:owner--x/y"); }).find("not a Hub repo id") != std::string::npos);
    }

    // Shares 0.3 / 0.7 of 10 and 10 texts: T = min(floor(10 / 0.3), floor(10 / 0.7)) = min(33, 14) = 14;
    // a gives round(4.2) = 4 texts (indices 0, 2, 5, 7: floor(j * 10 / 4)), b gives round(9.8) = 10,
    // interleaved by (j + 1/2) / n: a at 1/8, 3/8, 5/8, 7/8; b at 1/20, 3/20, ..., 19/20.
    void weightedMixCountedByHand()
    {
        const Files mixed = i3::mix_sources({numbered("a", 10), numbered("b", 10)}, {0.3, 0.7});
        const Files expected = {"b0", "a0", "b1", "b2", "b3", "a2", "b4", "b5", "a5", "b6", "b7", "b8", "a7", "b9"};
        QCOMPARE(mixed, expected);
        // Weights need not add up to 1, and a limit caps the corpus: T = min(6, 30, 9) = 6; a gives 2
        // (indices 0, 5) at 1/4, 3/4; b gives 4 (indices 0, 1, 3, 4) at 1/8, 3/8, 5/8, 7/8.
        const Files limited = i3::mix_sources({numbered("a", 10), numbered("b", 6)}, {1, 2}, 6);
        QCOMPARE(limited, (Files{"b0", "a0", "b1", "b3", "a5", "b4"}));
        // Equal weights, unequal sizes: the smaller source sets T = 2 * 3 = 6.
        QCOMPARE(i3::mix_sources({numbered("a", 3), numbered("b", 100)}, {1, 1}).size(), size_t(6));
    }

    void weightedSpecReadsAndRefusesHalfWeights()
    {
        i3::DataSpec spec;
        spec.builtin_corpus = false;
        std::string a, b;
        for (int i = 0; i < 10; ++i) {
            a += "{\"text\": \"a" + std::to_string(i) + "\"}\n";
            b += "{\"text\": \"b" + std::to_string(i) + "\"}\n";
        }
        const fs::path first = write("a.jsonl", a), second = write("b.jsonl", b);
        spec.sources = {i3::parse_data_source(first.string() + ":0.3"), i3::parse_data_source(second.string() + ":0.7")};
        QCOMPARE(i3::read_data_texts(spec).size(), size_t(14));
        QCOMPARE(i3::read_data_texts(spec)[1], std::string("a0"));
        spec.sources[0].weight = 0;
        const std::string message = error_of([&] { i3::read_data_texts(spec); });
        QVERIFY2(message.find("has no weight") != std::string::npos, message.c_str());
    }

    void jsonArraysAndJsonLines()
    {
        const fs::path array = write("array.json", "[{\"text\": \"one\"}, {\"text\": \" \"}, {\"text\": \"two\"}]\n");
        QCOMPARE(i3::read_texts(array), (Files{"one", "two"}));
        const fs::path lines = write("lines.json", "{\"text\": \"one\"}\n{\"text\": \"two\"}\n");
        QCOMPARE(i3::read_texts(lines), (Files{"one", "two"}));
        const fs::path bad = write("bad.json", "[{\"text\": \"one\"}, {\"title\": \"x\"}]");
        const std::string message = error_of([&] { i3::read_texts(bad); });
        QVERIFY2(message.find("item 2: no field \"text\"") != std::string::npos, message.c_str());
    }

    // A fetched dataset is known by its commit and paths: another commit is other data.
    void fetchedDatasetStampsAreCommitAndPath()
    {
        const fs::path snapshot = fs::path(dir_.path().toStdString()) / "snapshot";
        fs::create_directories(snapshot / "data");
        std::ofstream(snapshot / "data/train-0.jsonl") << "{\"text\": \"hello\"}\n";
        i3::DataSpec spec;
        spec.builtin_corpus = false;
        i3::DataSource source = i3::parse_data_source("hf:owner/ds");
        source.hub->commit = std::string(40, 'a');
        source.hub->files = {"data/train-0.jsonl"};
        source.hub->snapshot = snapshot;
        spec.sources = {source};
        const auto stamps = spec.stamps();
        QCOMPARE(stamps.size(), size_t(1));
        QCOMPARE(stamps[0].path.string(), "hf:owner/ds@" + std::string(40, 'a') + "/data/train-0.jsonl");
        QCOMPARE(stamps[0].size, std::uintmax_t(18));
        QCOMPARE(spec.source_descriptions(), (Files{"hf:owner/ds@" + std::string(40, 'a') + " (split train)"}));
        QCOMPARE(i3::read_data_texts(spec), (Files{"hello"}));
        i3::DataSpec newer = spec;
        newer.sources[0].hub->commit = std::string(40, 'b');
        QVERIFY(newer != spec);
        QVERIFY(newer.stamps() != spec.stamps());
        QCOMPARE(*i3::hub_repo_of_description(spec.source_descriptions()[0]), std::string("owner/ds"));
        QVERIFY(!i3::hub_repo_of_description("stories.txt"));
    }

    void snapshotFoldersNameTheirRepo()
    {
        const auto repo = i3::repo_of_snapshot("/c/hub/models--owner--tiny-i3/snapshots/" + std::string(40, 'c') + "/");
        QVERIFY(repo);
        QCOMPARE(repo->id, std::string("owner/tiny-i3"));
        QVERIFY(repo->type == i3::RepoType::model);
        QVERIFY(!i3::repo_of_snapshot("/runs/first/i3-model-artifacts"));
    }
};

QTEST_GUILESS_MAIN(TestHubDatasets)
#include "test_hub_datasets.moc"
