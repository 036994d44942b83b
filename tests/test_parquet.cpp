// SPDX-License-Identifier: GPL-3.0-or-later
// The Parquet reader against files written by pyarrow (tests/fixtures/parquet/, made by
// fixtures/make_parquet_fixtures.py) and by hand (fixtures/handmade_parquet.py, written at test
// time): every file reads to exactly the texts its writer put in, what is not supported is
// refused by name, cut and corrupted files give errors, and Parquet files are training data like
// the other formats.
#include "base/error.h"
#include "data/data_spec.h"
#include "data/text_sources.h"
#include "formats/parquet_text_reader.h"
#include "test_support.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

using Texts = std::vector<std::string>;

namespace {

using i3test::error_of;

const fs::path kPyarrowFixtures = fs::path(I3_FIXTURES_DIR) / "parquet";
const char* const kNoPyarrowFixtures =
    "no pyarrow fixtures in tests/fixtures/parquet: run `python3 tests/fixtures/make_parquet_fixtures.py "
    "tests/fixtures/parquet` on a machine with pyarrow (14 or later) and commit the files";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string read_bytes(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void write_bytes(const fs::path& file, const std::string& bytes) { std::ofstream(file, std::ios::binary) << bytes; }

nlohmann::json read_json(const fs::path& file) { return nlohmann::json::parse(read_bytes(file)); }

// Every non-null text of `column`, empty ones included, as the reader streams them.
Texts read_column(const fs::path& file, const std::string& column)
{
    const i3::ParquetFile parquet(file);
    i3::ParquetTextReader reader(parquet, column);
    Texts texts;
    while (const auto text = reader.next())
        texts.emplace_back(*text);
    return texts;
}

// The fixtures NAME.parquet that have a NAME.expected.json, by name.
std::vector<fs::path> expected_fixtures(const fs::path& folder)
{
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        const std::string suffix = ".expected.json";
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            files.push_back(folder / (name.substr(0, name.size() - suffix.size()) + ".parquet"));
    }
    std::sort(files.begin(), files.end());
    return files;
}

nlohmann::json expectation_of(const fs::path& parquet)
{
    return read_json(fs::path(parquet).replace_extension(".expected.json"));
}

bool is_blank(const std::string& text) { return text.find_first_not_of(" \t\r\n\f\v") == std::string::npos; }

} // namespace

class TestParquet : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    fs::path handmade_;

    fs::path temporary(const std::string& name) const { return fs::path(dir_.path().toStdString()) / name; }


    void check_reads_as_expected(const std::vector<fs::path>& files)
    {
        for (const auto& file : files) {
            const nlohmann::json expected = expectation_of(file);
            const std::string column = expected.at("column");
            Texts texts;
            const std::string error = error_of([&] { texts = read_column(file, column); });
            QVERIFY2(error.empty(), error.c_str());
            QVERIFY2(texts == expected.at("texts").get<Texts>(), ("texts differ in " + file.string()).c_str());

            const i3::ParquetFile parquet(file);
            Texts names, text_names;
            for (const auto& listed : parquet.columns()) {
                names.push_back(listed.name);
                if (listed.text)
                    text_names.push_back(listed.name);
            }
            QVERIFY2(names == expected.at("columns").get<Texts>(), ("columns differ in " + file.string()).c_str());
            QVERIFY2(text_names == expected.at("text_columns").get<Texts>(),
                     ("text columns differ in " + file.string()).c_str());
        }
    }

    void check_refusals(const fs::path& folder)
    {
        const nlohmann::json refusals = read_json(folder / "refusals.json");
        QVERIFY(!refusals.empty());
        for (const auto& refusal : refusals) {
            const fs::path file = folder / refusal.at("file").get<std::string>();
            const std::string message = error_of([&] { read_column(file, refusal.at("column")); });
            QVERIFY2(!message.empty(), ("no error for " + file.string()).c_str());
            QVERIFY2(contains(message, file.string()), message.c_str());
            for (const auto& part : refusal.at("message"))
                QVERIFY2(contains(message, part.get<std::string>()),
                         (message + "  [expected: " + part.get<std::string>() + "]").c_str());
        }
    }

    // Every prefix of the file is an error naming the file; every byte changed three ways is an
    // error or some texts, never a crash. Most changes must be noticed.
    void check_corruption(const fs::path& file)
    {
        const std::string bytes = read_bytes(file);
        const fs::path damaged = temporary("damaged.parquet");
        for (size_t cut = 0; cut < bytes.size(); ++cut) {
            write_bytes(damaged, bytes.substr(0, cut));
            const std::string message = error_of([&] { read_column(damaged, "text"); });
            QVERIFY2(!message.empty() && contains(message, damaged.string()),
                     (file.string() + " cut to " + std::to_string(cut) +
                      " bytes: " + (message.empty() ? "read without an error" : message))
                         .c_str());
        }
        int errors = 0;
        for (size_t at = 0; at < bytes.size(); ++at)
            for (const unsigned char mask : {0x01, 0x80, 0xFF}) {
                std::string changed = bytes;
                changed[at] = static_cast<char>(changed[at] ^ mask);
                write_bytes(damaged, changed);
                errors += error_of([&] { read_column(damaged, "text"); }).empty() ? 0 : 1;
            }
        QVERIFY2(errors > 100, (file.string() + ": only " + std::to_string(errors) + " changes noticed").c_str());
    }

    void check_as_training_data(const std::vector<fs::path>& files)
    {
        for (const auto& file : files) {
            const nlohmann::json expected = expectation_of(file);
            Texts wanted;
            for (const auto& text : expected.at("texts").get<Texts>())
                if (!is_blank(text))
                    wanted.push_back(text);
            i3::DataSpec spec;
            spec.builtin_corpus = false;
            spec.sources = {file};
            spec.text_field = expected.at("column");
            if (wanted.empty()) {
                QVERIFY(contains(error_of([&] { i3::read_data_texts(spec); }), "no text found"));
                continue;
            }
            QVERIFY2(i3::read_data_texts(spec) == wanted, ("training texts differ in " + file.string()).c_str());
            spec.max_texts = 2;
            QVERIFY(i3::read_data_texts(spec) == Texts(wanted.begin(), wanted.begin() + std::min<size_t>(2, wanted.size())));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        handmade_ = temporary("handmade");
        const auto result = i3test::run_python("handmade_parquet.py", {QString::fromStdString(handmade_.string())});
        QVERIFY2(result.exit_code == 0, result.err.constData());
    }

    void handmadeFilesReadAsWritten()
    {
        QCOMPARE(expected_fixtures(handmade_).size(), size_t{2});
        check_reads_as_expected(expected_fixtures(handmade_));
    }

    // The pyarrow fixtures must be there: a test that skipped when they are missing would pass
    // without having read a single file pyarrow wrote.
    void pyarrowFilesReadAsWritten()
    {
        const auto files = expected_fixtures(kPyarrowFixtures);
        QVERIFY2(!files.empty(), kNoPyarrowFixtures);
        check_reads_as_expected(files);
    }

    void handmadeRefusals() { check_refusals(handmade_); }

    void pyarrowRefusals()
    {
        QVERIFY2(!expected_fixtures(kPyarrowFixtures).empty(), kNoPyarrowFixtures);
        check_refusals(kPyarrowFixtures);
    }

    void columnsListedWithTheirTypes()
    {
        const i3::ParquetFile file(handmade_ / "handmade.parquet");
        QCOMPARE(file.rows(), int64_t{10});
        QCOMPARE(file.columns().size(), size_t{2});
        QCOMPARE(file.columns()[0].name, std::string("id"));
        QCOMPARE(file.columns()[0].type, std::string("int64"));
        QVERIFY(!file.columns()[0].text);
        QCOMPARE(file.columns()[1].type, std::string("string"));
        QVERIFY(file.columns()[1].text);
    }

    void notParquetNamesTheProblem()
    {
        const fs::path text = temporary("text.parquet");
        write_bytes(text, "id,text\n1,hello\n");
        QVERIFY(contains(error_of([&] { i3::ParquetFile{text}; }), "not a Parquet file"));
        const fs::path encrypted = temporary("encrypted.parquet");
        std::string bytes = read_bytes(handmade_ / "handmade.parquet");
        bytes.replace(bytes.size() - 4, 4, "PARE");
        write_bytes(encrypted, bytes);
        QVERIFY(contains(error_of([&] { i3::ParquetFile{encrypted}; }), "encrypted"));
    }

    void corruptHandmadeFileGivesErrors() { check_corruption(handmade_ / "handmade.parquet"); }

    void corruptPyarrowFilesGiveErrors()
    {
        QVERIFY2(!expected_fixtures(kPyarrowFixtures).empty(), kNoPyarrowFixtures);
        for (const char* name : {"snappy_dictionary_v1", "zstd_plain_v2", "gzip_dictionary_v2", "checksums_v2",
                                 "mostly_null"})
            check_corruption(kPyarrowFixtures / (std::string(name) + ".parquet"));
    }

    void handmadeFilesAreTrainingData() { check_as_training_data(expected_fixtures(handmade_)); }

    void pyarrowFilesAreTrainingData()
    {
        const auto files = expected_fixtures(kPyarrowFixtures);
        QVERIFY2(!files.empty(), kNoPyarrowFixtures);
        check_as_training_data(files);
    }

    // A folder stands for its .parquet files in the order of their names; other files in it are
    // not read, and a folder without any is an error naming it.
    void folderReadsItsParquetFilesByName()
    {
        const fs::path folder = temporary("shards");
        fs::create_directories(folder);
        fs::copy_file(handmade_ / "handmade.parquet", folder / "train-00001.parquet");
        fs::copy_file(handmade_ / "handmade_other.parquet", folder / "train-00000.parquet");
        write_bytes(folder / "README.txt", "not training data\n");
        Texts wanted;
        for (const char* name : {"handmade_other", "handmade"})
            for (const auto& text : expectation_of(handmade_ / (std::string(name) + ".parquet")).at("texts").get<Texts>())
                if (!is_blank(text))
                    wanted.push_back(text);
        QCOMPARE(i3::read_texts(folder), wanted);
        i3::TextReadOptions options;
        options.max_texts = 3;
        QCOMPARE(i3::read_texts(folder, options), Texts(wanted.begin(), wanted.begin() + 3));

        const fs::path empty = temporary("no-parquet");
        fs::create_directories(empty);
        write_bytes(empty / "notes.txt", "text\n");
        const std::string message = error_of([&] { i3::read_texts(empty); });
        QVERIFY2(contains(message, empty.string()) && contains(message, ".parquet"), message.c_str());
    }

    // A folder's stamps are its files', so rewriting a shard counts as a change of the data.
    void folderStampsAreItsFiles()
    {
        i3::DataSpec spec;
        spec.sources = {temporary("shards")};
        const auto stamps = spec.stamps();
        QCOMPARE(stamps.size(), size_t{2});
        QCOMPARE(stamps[0].path, temporary("shards") / "train-00000.parquet");
        QVERIFY(stamps[0].size > 0);
    }

    // The command line reads a Parquet file like any other: the tokenizer it builds equals the
    // one built from the same texts in a .jsonl file.
    void commandLineBuildsTheSameTokenizerAsFromJsonl()
    {
        const fs::path parquet = handmade_ / "handmade.parquet";
        const fs::path jsonl = temporary("same.jsonl");
        std::string lines;
        for (const auto& text : expectation_of(parquet).at("texts").get<Texts>())
            lines += nlohmann::json{{"text", text}}.dump() + "\n";
        write_bytes(jsonl, lines);
        for (const auto& [source, out] : {std::pair{parquet, temporary("from_parquet.json")},
                                          std::pair{jsonl, temporary("from_jsonl.json")}}) {
            const auto result = i3test::run_cli({"tokenizer", "build", "--data", QString::fromStdString(source.string()),
                                                 "--out", QString::fromStdString(out.string())});
            QVERIFY2(result.exit_code == 0, result.err.constData());
        }
        QCOMPARE(read_bytes(temporary("from_parquet.json")), read_bytes(temporary("from_jsonl.json")));

        const auto refused = i3test::run_cli({"tokenizer", "build", "--data",
                                              QString::fromStdString((handmade_ / "handmade_lz4.parquet").string()),
                                              "--out", QString::fromStdString(temporary("never.json").string())});
        QVERIFY(refused.exit_code != 0);
        QVERIFY2(refused.err.contains("handmade_lz4.parquet") && refused.err.contains("LZ4"), refused.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestParquet)
#include "test_parquet.moc"
