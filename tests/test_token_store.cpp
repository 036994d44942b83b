// SPDX-License-Identifier: GPL-3.0-or-later
// The token store: 16- or 32-bit ids by the vocabulary, reading through the mapping equal to the
// encoding in memory, reuse and rebuilding in the token cache (checked by counters and inodes,
// never by time), damaged entries made again with a note, every truncation and every flipped
// byte of a token file refused, the split counted by hand, statistics counted by hand, and run
// folders that link the cache's files and resume without them.
#include "test_support.h"

#include "base/error.h"
#include "data/builtin_corpus.h"
#include "data/corpus_encoding.h"
#include "data/data_stats.h"
#include "data/text_sources.h"
#include "data/text_stream.h"
#include "data/token_cache.h"
#include "data/token_corpus.h"
#include "data/token_file.h"
#include "data/token_store.h"
#include "training/run_creation.h"
#include "training/trainer.h"

#include <QtTest>

#include <array>
#include <cstring>
#include <fstream>
#include <numeric>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace {

using i3test::error_of;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void write_bytes(const fs::path& path, const std::string& bytes)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string read_bytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

struct stat status_of(const fs::path& path)
{
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0)
        qFatal("cannot stat %s", path.c_str());
    return status;
}

// The cache's token files (not its temporaries, which start with a dot).
std::vector<fs::path> token_files_in(const fs::path& folder)
{
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error))
        if (entry.path().extension() == ".tokens" && entry.path().filename().string()[0] != '.')
            files.push_back(entry.path());
    return files;
}

std::vector<int64_t> all_ids(const i3::TokenCorpus& tokens)
{
    std::vector<int64_t> ids(static_cast<size_t>(tokens.size()));
    tokens.read(0, tokens.size(), ids.data());
    return ids;
}

// A token file of `ids` with a vocabulary of `vocab` and no texts counted.
fs::path write_token_file(const fs::path& path, const std::vector<int32_t>& ids, int64_t vocab)
{
    i3::TokenFileWriter writer(path, vocab, "test");
    writer.append(ids.data(), ids.size());
    writer.finish(i3::DataStats(), {});
    return path;
}

// Three texts whose chunks are worked out by hand (reference §5), lowercased:
//   "the cat"     -> "the" " c" "at"
//   "the hat"     -> "the" " h" "at"
//   "héllo wörld" -> "hé" "llo" " w" "ör" "ld"   ("llo" is 3: a space follows it)
// Built from all three: "at" 2 and "the" 2 (ids 1, 2: "a" before "t"), then the ones in code
// point order: " c" 3, " h" 4, " w" 5, "hé" 6, "ld" 7, "llo" 8, "ör" 9.
const char* const kHandTexts = "The cat\n\nthe hat\n\nh\xC3\xA9llo w\xC3\xB6rld\n";

i3::TrainConfig quick(int64_t steps)
{
    i3::TrainConfig config;
    config.steps = steps;
    config.batch_size = 2;
    config.warmup_steps = 1;
    config.log_every = 1;
    config.eval_every = 100;
    config.checkpoint_every = 2;
    config.eval_windows = 2;
    config.sample_tokens = 4;
    config.validation_fraction = 0.1;
    return config;
}

i3::ModelConfig tiny()
{
    auto config = i3::ModelConfig::preset("tiny");
    config.max_seq_len = 16;
    return config;
}

} // namespace

class TestTokenStore : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    fs::path root_;
    fs::path cache_;
    int case_ = 0;

    // A fresh token cache for one test, through the variable the engine reads.
    void fresh_cache()
    {
        cache_ = root_ / ("cache-" + std::to_string(++case_));
        qputenv("I3_TOKEN_CACHE", QByteArray::fromStdString(cache_.string()));
    }

    // Rhymes enough for a tiny model's windows.
    fs::path rhymes_file(const std::string& name)
    {
        std::string text;
        const char* lines[] = {"the cat sat on the mat.", "the dog ran to the park.", "a bird sang in the tree.",
                               "once upon a time there was a frog."};
        for (int i = 0; i < 120; ++i)
            text += std::string(lines[i % 4]) + " " + lines[(i / 4) % 4] + "\n\n";
        const fs::path path = root_ / name;
        write_bytes(path, text);
        return path;
    }

    i3::DataSpec file_spec(const fs::path& file, const fs::path& tokenizer = {})
    {
        i3::DataSpec spec;
        spec.builtin_corpus = false;
        spec.sources = {i3::DataSource(file)};
        spec.tokenizer_file = tokenizer;
        return spec;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        root_ = dir_.path().toStdString();
    }

    void widthFollowsTheVocabulary()
    {
        QCOMPARE(i3::token_width(65536), 2);
        QCOMPARE(i3::token_width(65537), 4);
        // 16 bits hold ids up to 65,535: header 136, 3 ids of 2 bytes padded to 8, 65,536 counts,
        // 24 length buckets, no preview.
        const fs::path narrow = write_token_file(root_ / "narrow.tokens", {0, 65535, 7}, 65536);
        QCOMPARE(fs::file_size(narrow), uintmax_t(136 + 8 + 65536 * 8 + 24 * 8));
        const auto narrow_file = i3::TokenFile::open(narrow, 65536);
        QCOMPARE(narrow_file->width(), 2);
        i3::TokenCorpus narrow_tokens(65536);
        narrow_tokens.append(narrow_file);
        QCOMPARE(all_ids(narrow_tokens), (std::vector<int64_t>{0, 65535, 7}));

        const fs::path wide = write_token_file(root_ / "wide.tokens", {69999, 1, 65536}, 70000);
        QCOMPARE(fs::file_size(wide), uintmax_t(136 + 16 + 70000 * 8 + 24 * 8));
        const auto wide_file = i3::TokenFile::open(wide, 70000);
        QCOMPARE(wide_file->width(), 4);
        i3::TokenCorpus wide_tokens(70000);
        wide_tokens.append(wide_file);
        QCOMPARE(all_ids(wide_tokens), (std::vector<int64_t>{69999, 1, 65536}));

        QVERIFY(contains(error_of([&] { i3::TokenFile::open(narrow, 70000); }), "vocabulary of 65536"));
        QVERIFY(contains(error_of([&] { write_token_file(root_ / "bad.tokens", {70000}, 70000); }), "outside the vocabulary"));
    }

    void readingThroughTheMappingEqualsTheEncodingInMemory()
    {
        fresh_cache();
        const fs::path file = rhymes_file("rhymes.txt");
        const auto prepared = i3::prepare_data(file_spec(file));
        const std::vector<std::string> texts = i3::read_texts(file);
        const std::vector<int32_t> in_memory = i3::encode_corpus(prepared->tokenizer, texts);
        QCOMPARE(prepared->tokens.size(), static_cast<int64_t>(in_memory.size()));
        QCOMPARE(all_ids(prepared->tokens), std::vector<int64_t>(in_memory.begin(), in_memory.end()));
        QCOMPARE(prepared->tokens.spans().size(), size_t(1));
        QCOMPARE(prepared->tokens.spans()[0].file->width(), 2);

        // Two parts (the built-in corpus, then the file) read as one sequence, across the seam.
        i3::DataSpec both = file_spec(file);
        both.builtin_corpus = true;
        both.max_texts = i3::builtin_corpus_texts().size() + 50; // the file gives 50 of its 120
        const auto joined = i3::prepare_data(both);
        QCOMPARE(joined->tokens.spans().size(), size_t(2));
        const std::vector<std::string> joined_texts = i3::read_data_texts(both);
        QCOMPARE(joined_texts.size(), both.max_texts);
        const std::vector<int32_t> joined_memory = i3::encode_corpus(joined->tokenizer, joined_texts);
        QCOMPARE(all_ids(joined->tokens), std::vector<int64_t>(joined_memory.begin(), joined_memory.end()));
        const int64_t seam = joined->tokens.spans()[0].count;
        std::vector<int64_t> window(20);
        joined->tokens.read(seam - 10, 20, window.data());
        QCOMPARE(window, std::vector<int64_t>(joined_memory.begin() + seam - 10, joined_memory.begin() + seam + 10));
        QVERIFY(contains(error_of([&] { joined->tokens.read(joined->tokens.size() - 5, 6, window.data()); }), "outside"));
    }

    void identicalDataIsNotEncodedAgain()
    {
        fresh_cache();
        const fs::path file = rhymes_file("same.txt");
        const auto first = i3::prepare_data(file_spec(file));
        QCOMPARE(first->parts_encoded, size_t(1));
        QCOMPARE(first->parts_reused, size_t(0));
        QCOMPARE(first->token_cache, cache_);
        const std::vector<fs::path> entries = token_files_in(cache_);
        QCOMPARE(entries.size(), size_t(1));
        const struct stat before = status_of(entries[0]);

        const auto second = i3::prepare_data(file_spec(file));
        QCOMPARE(second->parts_encoded, size_t(0));
        QCOMPARE(second->parts_reused, size_t(1));
        const struct stat after = status_of(entries[0]);
        QCOMPARE(after.st_ino, before.st_ino);
        QCOMPARE(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
        QCOMPARE(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
        QCOMPARE(all_ids(second->tokens), all_ids(first->tokens));
        QCOMPARE(second->stats.tokens, first->stats.tokens);
        QCOMPARE(second->first_texts, first->first_texts);
        QCOMPARE(second->tokenizer.to_json(), first->tokenizer.to_json());
        QVERIFY(!first->tokenizer_reused);
        QVERIFY(second->tokenizer_reused); // the vocabulary too was found, not built again
        QVERIFY(second->notes.empty());
    }

    void aTouchedFileIsEncodedAgain()
    {
        fresh_cache();
        const fs::path file = rhymes_file("touched.txt");
        const auto first = i3::prepare_data(file_spec(file));
        const fs::path entry = token_files_in(cache_).at(0);
        const struct stat before = status_of(entry);
        // The same bytes, a later time: the file counts as changed.
        fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
        const auto second = i3::prepare_data(file_spec(file));
        QCOMPARE(second->parts_encoded, size_t(1));
        QCOMPARE(token_files_in(cache_), std::vector<fs::path>{entry}); // the same name, replaced
        QVERIFY(status_of(entry).st_ino != before.st_ino); // `first` still maps the old file
        QCOMPARE(all_ids(second->tokens), all_ids(first->tokens));

        // New texts: encoded again, and different.
        write_bytes(file, read_bytes(file) + "a new text at the end.\n");
        const auto third = i3::prepare_data(file_spec(file));
        QCOMPARE(third->parts_encoded, size_t(1));
        QCOMPARE(third->stats.texts, first->stats.texts + 1);
    }

    void anotherTokenizerIsEncodedAgainAndReplacesTheOld()
    {
        fresh_cache();
        const fs::path file = rhymes_file("tokenizers.txt");
        const fs::path one = root_ / "one.json";
        const fs::path two = root_ / "two.json";
        i3::ChunkTokenizer::build({"the cat sat on the mat."}).save(one);
        i3::ChunkTokenizer::build({"the dog ran to the park."}).save(two);
        QCOMPARE(i3::prepare_data(file_spec(file, one))->parts_encoded, size_t(1));
        const std::vector<fs::path> with_one = token_files_in(cache_);
        QCOMPARE(with_one.size(), size_t(1));
        QCOMPARE(i3::prepare_data(file_spec(file, one))->parts_encoded, size_t(0));

        const auto with_two = i3::prepare_data(file_spec(file, two));
        QCOMPARE(with_two->parts_encoded, size_t(1));
        const std::vector<fs::path> entries = token_files_in(cache_);
        QCOMPARE(entries.size(), size_t(1)); // one encoding per part
        QVERIFY(entries[0] != with_one[0]);
        QCOMPARE(with_two->tokenizer.to_json(), i3::ChunkTokenizer::load(two).to_json());
        // A tokenizer file rewritten with the same vocabulary is the same tokenizer: its content counts.
        fs::copy_file(two, root_ / "three.json");
        QCOMPARE(i3::prepare_data(file_spec(file, root_ / "three.json"))->parts_encoded, size_t(0));
    }

    void damagedEntriesAreMadeAgainWithANote()
    {
        fresh_cache();
        const fs::path file = rhymes_file("damaged.txt");
        const auto good = i3::prepare_data(file_spec(file));
        const fs::path entry = token_files_in(cache_).at(0);
        const std::string bytes = read_bytes(entry);
        const std::vector<int64_t> expected = all_ids(good->tokens);

        std::string flipped = bytes;
        flipped[200] = static_cast<char>(flipped[200] ^ 0x10);
        const std::vector<std::pair<std::string, std::string>> damages = {
            {"truncated", bytes.substr(0, bytes.size() / 2)},
            {"empty", ""},
            {"flipped", flipped},
            {"not a token file", "hello, world"},
        };
        for (const auto& [what, damaged] : damages) {
            fs::remove(entry);
            write_bytes(entry, damaged);
            const auto again = i3::prepare_data(file_spec(file));
            QVERIFY2(again->parts_encoded == 1, what.c_str());
            QVERIFY2(again->notes.size() == 1, what.c_str());
            QVERIFY2(contains(again->notes[0], entry.string()), again->notes[0].c_str());
            QVERIFY2(contains(again->notes[0], "encoding it again"), again->notes[0].c_str());
            QCOMPARE(all_ids(again->tokens), expected);
            QCOMPARE(read_bytes(entry), bytes);
        }
    }

    // Loaders never trust sizes in files: every shorter file and every flipped byte is refused
    // with a message, never read.
    void everyTruncationAndFlippedByteIsRefused()
    {
        i3::TokenFileWriter writer(root_ / "small.tokens", 5, "key");
        const std::vector<int32_t> ids = {1, 2, 3, 4, 0, 1};
        writer.append(ids.data(), ids.size());
        i3::DataStats texts;
        texts.add_text("ab");
        texts.add_text("abc");
        writer.finish(texts, {"ab", "abc"});
        const std::string bytes = read_bytes(root_ / "small.tokens");
        QVERIFY(i3::TokenFile::open(root_ / "small.tokens", 5)->count() == 6);
        const fs::path probe = root_ / "probe.tokens";
        for (size_t size = 0; size < bytes.size(); ++size) {
            write_bytes(probe, bytes.substr(0, size));
            QVERIFY2(contains(error_of([&] { i3::TokenFile::open(probe, 5); }), probe.string()),
                     qPrintable(QString("cut to %1 bytes").arg(size)));
        }
        for (size_t at = 0; at < bytes.size(); ++at) {
            std::string flipped = bytes;
            flipped[at] = static_cast<char>(flipped[at] ^ 0x01);
            write_bytes(probe, flipped);
            QVERIFY2(!error_of([&] { i3::TokenFile::open(probe, 5); }).empty(), qPrintable(QString("byte %1").arg(at)));
        }
    }

    void theSplitIsCountedByHand()
    {
        QCOMPARE(i3::held_out_count(1000, 0.1), int64_t(100));
        QCOMPARE(i3::held_out_count(1009, 0.1), int64_t(100)); // 100.9 held out rounds down
        QCOMPARE(i3::training_token_count(1009, 0.1, 32), int64_t(909));
        QCOMPARE(i3::training_token_count(40, 0.0, 32), int64_t(40));
        QVERIFY(contains(error_of([] { i3::training_token_count(33, 0.0, 32); }), "too short"));
        QVERIFY(contains(error_of([] { i3::training_token_count(100, 0.01, 32); }), "too small to evaluate"));

        // 25 ids in two stretches of 10 and 15; 20 % of 25 is 5 held out, so the split falls
        // inside the second stretch, after id 19.
        i3::TokenCorpus tokens(100);
        std::vector<int32_t> first(10), second(15);
        std::iota(first.begin(), first.end(), 0);
        std::iota(second.begin(), second.end(), 10);
        tokens.append(first);
        tokens.append(second);
        auto config = quick(1);
        config.validation_fraction = 0.2;
        const i3::TrainingData data =
            i3::split_training_data(tokens, i3::ChunkTokenizer(), {}, config, 4);
        QCOMPARE(data.train_count, int64_t(20));
        std::vector<int64_t> expected_train(20), expected_validation(5);
        std::iota(expected_train.begin(), expected_train.end(), 0);
        std::iota(expected_validation.begin(), expected_validation.end(), 20);
        QCOMPARE(all_ids(data.train()), expected_train);
        QCOMPARE(all_ids(data.validation()), expected_validation);
    }

    void statisticsAreCountedByHand()
    {
        fresh_cache();
        const fs::path file = root_ / "hand.txt";
        write_bytes(file, kHandTexts);
        const auto prepared = i3::prepare_data(file_spec(file));
        const i3::ChunkTokenizer& tokenizer = prepared->tokenizer;
        QCOMPARE(tokenizer.vocab_size(), int64_t(10));
        QCOMPARE(tokenizer.token_text(1), std::string("at"));
        QCOMPARE(tokenizer.token_text(2), std::string("the"));
        QCOMPARE(tokenizer.token_text(8), std::string("llo"));
        const i3::DataStats& stats = prepared->stats;
        QCOMPARE(stats.texts, uint64_t(3));
        QCOMPARE(stats.characters, uint64_t(7 + 7 + 11));
        QCOMPARE(stats.bytes, uint64_t(7 + 7 + 13)); // "é" and "ö" are two bytes each
        QCOMPARE(stats.tokens, uint64_t(3 + 3 + 5));
        QCOMPARE(stats.count_of(tokenizer.unk_idx()), uint64_t(0));
        const std::vector<std::pair<int64_t, uint64_t>> top = stats.most_frequent(3);
        QCOMPARE(top, (std::vector<std::pair<int64_t, uint64_t>>{{1, 2}, {2, 2}, {3, 1}}));
        // Lengths 7 and 7 fall in 4-7 (bucket 2), 11 in 8-15 (bucket 3).
        std::array<uint64_t, i3::kLengthBuckets> lengths{};
        lengths[2] = 2;
        lengths[3] = 1;
        QCOMPARE(stats.text_lengths, lengths);
        QCOMPARE(prepared->first_texts,
                 (std::vector<std::string>{"The cat", "the hat", "h\xC3\xA9llo w\xC3\xB6rld"}));

        // A vocabulary from "the cat" alone: " c" 1, "at" 2, "the" 3. "the hat" encodes as
        // "the", <UNK> for " h" (nor " " is known), <UNK> for "hat" (nor "ha", "h"), "at".
        const fs::path two = root_ / "two.txt";
        write_bytes(two, "The cat\n\nthe hat\n");
        const fs::path small = root_ / "small-tokenizer.json";
        i3::ChunkTokenizer::build({"the cat"}).save(small);
        const auto unknown = i3::prepare_data(file_spec(two, small));
        QCOMPARE(unknown->stats.tokens, uint64_t(3 + 4));
        QCOMPARE(unknown->stats.count_of(0), uint64_t(2));
        QCOMPARE(unknown->stats.count_of(3), uint64_t(2));
        QCOMPARE(all_ids(unknown->tokens), (std::vector<int64_t>{3, 1, 2, 3, 0, 0, 2}));
        QCOMPARE(unknown->stats.most_frequent(2), (std::vector<std::pair<int64_t, uint64_t>>{{0, 2}, {2, 2}}));
    }

    void aCancelledEncodingLeavesNothingBehind()
    {
        fresh_cache();
        const fs::path file = rhymes_file("cancelled.txt");
        // The studio's progress callback throws when Cancel is pressed; here, once encoding is
        // under way (after the first batch, with its file half written).
        const i3::PreparationProgress stop = [&](i3::PreparationPhase phase, double fraction) {
            if (phase == i3::PreparationPhase::Encoding && fraction > 0)
                throw i3::Cancelled();
        };
        QVERIFY_THROWS_EXCEPTION(i3::Cancelled, i3::prepare_data(file_spec(file), stop));
        std::error_code error;
        for (const auto& entry : fs::directory_iterator(cache_, error))
            QVERIFY2(entry.path().extension() != ".tokens" && !contains(entry.path().filename().string(), ".tmp"),
                     entry.path().c_str());
    }

    // A run folder links the cache's file (one inode, two names) and resumes from its own link
    // once the cache is gone.
    void aRunLinksTheCacheAndResumesWithoutIt()
    {
        fresh_cache();
        const fs::path file = rhymes_file("run.txt");
        i3::RunSpec spec;
        spec.data = file_spec(file);
        spec.model = tiny();
        spec.training = quick(2);
        spec.folder = root_ / "run";
        i3::create_run(spec)->run({});
        const fs::path entry = token_files_in(cache_).at(0);
        const fs::path linked = spec.folder / "tokens" / "000.tokens";
        QCOMPARE(status_of(linked).st_ino, status_of(entry).st_ino);
        QCOMPARE(status_of(linked).st_nlink, nlink_t(2));
        QVERIFY(!fs::exists(spec.folder / "tokens" / "001.tokens"));

        fs::remove_all(cache_);
        auto resumed = i3::Trainer::resume(spec.folder, 4);
        QCOMPARE(resumed->completed_steps(), int64_t(2));
        resumed->run({});
        QCOMPARE(resumed->completed_steps(), int64_t(4));
    }

    // Runs made before the token store hold two files of 32-bit ids; they still resume.
    void aRunOfTheFormerLayoutResumes()
    {
        fresh_cache();
        const fs::path folder = root_ / "former";
        const fs::path file = rhymes_file("former.txt");
        const std::vector<std::string> texts = i3::read_texts(file);
        const auto data = i3::prepare_training_data(texts, i3::ChunkTokenizer::build(texts), {}, quick(2), 16);
        i3::Trainer(folder, tiny(), quick(2), data).run({});
        const int64_t vocab = data.tokenizer.vocab_size();
        const auto legacy = [&](const fs::path& path, const i3::TokenCorpus& tokens) {
            const std::vector<int64_t> ids = all_ids(tokens);
            std::string bytes("I3TOKENS", 8);
            const uint32_t version = 1, vocab32 = static_cast<uint32_t>(vocab);
            const uint64_t count = ids.size();
            bytes.append(reinterpret_cast<const char*>(&version), 4);
            bytes.append(reinterpret_cast<const char*>(&vocab32), 4);
            bytes.append(reinterpret_cast<const char*>(&count), 8);
            for (const int64_t id : ids) {
                const auto narrow = static_cast<int32_t>(id);
                bytes.append(reinterpret_cast<const char*>(&narrow), 4);
            }
            write_bytes(path, bytes);
        };
        legacy(folder / "tokens" / "train.tokens", data.train());
        legacy(folder / "tokens" / "validation.tokens", data.validation());
        fs::remove(folder / "tokens" / "000.tokens");
        auto resumed = i3::Trainer::resume(folder, 3);
        resumed->run({});
        QCOMPARE(resumed->completed_steps(), int64_t(3));
        resumed.reset(); // and with it the run folder's lock

        // A run folder whose token files do not add up to run.json's counts is refused by name.
        fs::remove(folder / "tokens" / "validation.tokens");
        write_bytes(folder / "tokens" / "validation.tokens", "");
        QVERIFY(contains(error_of([&] { i3::Trainer::resume(folder, 4); }), "validation.tokens"));
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "test_token_store.moc"
