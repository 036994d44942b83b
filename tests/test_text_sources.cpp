// SPDX-License-Identifier: GPL-3.0-or-later
// Local training data: .txt paragraphs, .jsonl fields and .csv columns, and every way such a file
// can be wrong; the columns a file offers for a picker.
#include "base/error.h"
#include "data/json_text_field.h"
#include "data/text_sources.h"

#include <QTemporaryDir>
#include "test_support.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;

using Texts = std::vector<std::string>;

namespace {

using i3test::error_of;

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// What nlohmann's parser makes of a .jsonl line: the field's string, or nothing when the line is
// not valid JSON, not an object, or its field is missing or no string.
std::optional<std::string> parsed_field(const std::string& line, const std::string& field)
{
    try {
        const nlohmann::json object = nlohmann::json::parse(line);
        if (!object.is_object() || !object.contains(field) || !object[field].is_string())
            return std::nullopt;
        return object[field].get<std::string>();
    } catch (const nlohmann::json::parse_error&) {
        return std::nullopt;
    }
}

// The scanner takes `line` only where the parser takes it too, and reads the same text.
void expect_scanner_agrees(const std::string& line)
{
    std::string text;
    if (!i3::json_text_field(line, "text", text))
        return;
    const std::optional<std::string> parsed = parsed_field(line, "text");
    QVERIFY2(parsed.has_value(), ("the scanner took a line the parser refuses: " + line).c_str());
    QVERIFY2(*parsed == text, ("the scanner read another text from: " + line).c_str());
}

} // namespace

class TestTextSources : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

    fs::path write(const std::string& name, const std::string& bytes)
    {
        const fs::path path = fs::path(dir_.path().toStdString()) / name;
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }

    // Checks that reading `bytes` as the file `name` fails with a message naming the file and
    // holding every one of `parts`.
    void expect_error(const std::string& name, const std::string& bytes, const std::vector<std::string>& parts,
        const i3::TextReadOptions& options = {})
    {
        const fs::path path = write(name, bytes);
        const std::string message = error_of([&] { i3::read_texts(path, options); });
        QVERIFY2(!message.empty(), ("no error for " + name).c_str());
        QVERIFY2(contains(message, path.string()), message.c_str());
        for (const auto& part : parts)
            QVERIFY2(contains(message, part), (message + "  [expected: " + part + "]").c_str());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    // ---- .txt ------------------------------------------------------------------------------

    void txtParagraphsAreTexts()
    {
        const auto file =
            write("stories.txt", "First line\nsecond line\n\n\n\nNext paragraph\n  \t \n  Indented third\n");
        QCOMPARE(i3::read_texts(file), (Texts{"First line\nsecond line", "Next paragraph", "  Indented third"}));
    }

    void txtWithCrlfAndByteOrderMark()
    {
        const auto file = write("windows.txt", "\xEF\xBB\xBFOne\r\ntwo\r\n\r\nThr\xC3\xA9\xC3\xA9\r\n");
        QCOMPARE(i3::read_texts(file), (Texts{"One\ntwo", "Thr\xC3\xA9\xC3\xA9"}));
    }

    void txtWithoutFinalNewlineAndUppercaseExtension()
    {
        const auto file = write("SHOUT.TXT", "\n\nonly paragraph");
        QCOMPARE(i3::read_texts(file), (Texts{"only paragraph"}));
    }

    // ---- .jsonl ----------------------------------------------------------------------------

    void jsonlReadsTheTextField()
    {
        const auto file = write("data.jsonl",
            "{\"text\": \"first\", \"id\": 1}\n"
            "\n"
            "{\"id\": 2, \"text\": \"two\\nlines\"}\r\n"
            "{\"text\": \"   \"}\n"
            "   \n"
            "{\"text\": \"caf\\u00e9 \\ud83d\\ude00\"}\n"
            "{\"text\": \"na\xC3\xAFve\"}");
        QCOMPARE(i3::read_texts(file), (Texts{"first", "two\nlines", "caf\xC3\xA9 \xF0\x9F\x98\x80", "na\xC3\xAFve"}));
    }

    void jsonlReadsAChosenField()
    {
        const auto file = write("chat.jsonl", "{\"content\": \"a\", \"text\": 3}\n{\"content\": \"b\"}\n");
        i3::TextReadOptions options;
        options.text_field = "content";
        QCOMPARE(i3::read_texts(file, options), (Texts{"a", "b"}));
    }

    // ---- .csv ------------------------------------------------------------------------------

    void csvQuotedFields()
    {
        const auto file = write("table.csv",
            "id,text,label\r\n"
            "1,plain,x\r\n"
            "2,\"with, comma\",y\r\n"
            "3,\"she said \"\"hi\"\"\",z\r\n"
            "4,\"two\r\nlines\",w\n"
            "\n"
            "5,,v\n"
            "6,\"\",u\n"
            "7,\"three\nmore\n\nlines\",\"t\"");
        QCOMPARE(i3::read_texts(file),
            (Texts{"plain", "with, comma", "she said \"hi\"", "two\nlines", "three\nmore\n\nlines"}));
    }

    void csvReadsAChosenColumnUnderAQuotedHeader()
    {
        const auto file = write("labels.csv", "\xEF\xBB\xBF\"id\",\"the, label\"\n1,alpha\n2,\"beta\"\n");
        i3::TextReadOptions options;
        options.text_field = "the, label";
        QCOMPARE(i3::read_texts(file, options), (Texts{"alpha", "beta"}));
        options.text_field = "id";
        QCOMPARE(i3::read_texts(file, options), (Texts{"1", "2"}));
    }

    // ---- Limits and several files ----------------------------------------------------------

    void maxTextsStopsEarly()
    {
        const auto txt = write("many.txt", "a\n\nb\n\nc\n\nd\n");
        i3::TextReadOptions options;
        options.max_texts = 2;
        QCOMPARE(i3::read_texts(txt, options), (Texts{"a", "b"}));

        // A limit over several files: the later files are not opened once it is reached.
        const auto jsonl = write("few.jsonl", "{\"text\": \"j1\"}\n{\"text\": \"j2\"}\n");
        const fs::path missing = fs::path(dir_.path().toStdString()) / "missing.txt";
        options.max_texts = 5;
        QCOMPARE(i3::read_texts({txt, jsonl, missing}, options), (Texts{"a", "b", "c", "d", "j1"}));
        options.max_texts = 4;
        QCOMPARE(i3::read_texts({txt, missing}, options), (Texts{"a", "b", "c", "d"}));

        options.max_texts = 0;
        QVERIFY(contains(error_of([&] { i3::read_texts(txt, options); }), "at least 1"));
    }

    void severalFilesInOrder()
    {
        const auto csv = write("order.csv", "text\nc1\nc2\n");
        const auto txt = write("order.txt", "t1\n\nt2");
        QCOMPARE(i3::read_texts({csv, txt}), (Texts{"c1", "c2", "t1", "t2"}));
        QCOMPARE(i3::read_texts({txt, csv}), (Texts{"t1", "t2", "c1", "c2"}));
        QVERIFY(contains(error_of([] { i3::read_texts(std::vector<fs::path>{}); }), "no data files"));
        // A bad file among good ones is reported.
        const auto empty = write("order_empty.jsonl", "");
        QVERIFY(contains(error_of([&] { i3::read_texts({txt, empty}); }), empty.string()));
    }

    // ---- Errors ----------------------------------------------------------------------------

    void invalidUtf8IsLocated()
    {
        // "good line\n" is 10 bytes and "second\n" 7, so the bad byte of line 3 is at offset 21.
        expect_error("latin1.txt", "good line\nsecond\nbad \xFF byte\n", {"line 3", "byte 21", "UTF-8"});
        // A truncated sequence in a JSON string: line 1 is 15 bytes, then 13 more on line 2.
        expect_error("latin1.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"caf\xC3\"}\n", {"line 2", "byte 28", "UTF-8"});
        // An overlong encoding in a CSV field, after a byte order mark (which counts: 3 + 5 + 2).
        expect_error("latin1.csv", "\xEF\xBB\xBFtext\nab\xC0\xAF\n", {"line 2", "byte 10", "UTF-8"});
    }

    void malformedJson()
    {
        expect_error("broken.jsonl", "{\"text\": \"a\"}\n{\"text\": \"b\"\n", {"line 2", "not valid JSON"});
        expect_error("trailing.jsonl", "{\"text\": \"a\"} x\n", {"line 1", "not valid JSON"});
        expect_error("array.jsonl", "{\"text\": \"a\"}\n\n[\"b\"]\n", {"line 3", "JSON object", "array"});
    }

    // The .jsonl scanner (data/json_text_field.h) against nlohmann's parser: what it takes, it
    // reads as the parser does; what it declines, the parser reads or refuses with a message.
    void jsonScannerTakesCommonLines()
    {
        const std::vector<std::pair<std::string, std::string>> lines = {
            {"{\"text\": \"a\"}", "a"},
            {" \t{\"id\": 7, \"text\": \"x\\\"y\\\\z\\/\\b\\f\\n\\r\\t\", \"score\": -1.5e-3, \"tags\": [\"a\", {\"b\": null}], "
             "\"ok\": true, \"no\": false, \"big\": 123456789012345678901234567890, \"e\": 0E+2} ",
             "x\"y\\z/\b\f\n\r\t"},
            {"{\"text\": \"caf\\u00e9 \\ud83d\\ude00 \\u00E9\"}", "caf\xC3\xA9 \xF0\x9F\x98\x80 \xC3\xA9"},
            {"{\"text\": \"caf\xC3\xA9\", \"text2\": \"b\"}", "caf\xC3\xA9"},
            {"{\"text\":\"\"}", ""},
        };
        for (const auto& [line, expected] : lines) {
            std::string text;
            QVERIFY2(i3::json_text_field(line, "text", text), line.c_str());
            QCOMPARE(text, expected);
            QCOMPARE(parsed_field(line, "text"), std::optional<std::string>(expected));
        }
        std::string nul;
        QVERIFY(i3::json_text_field("{\"text\": \"a\\u0000b\"}", "text", nul));
        QCOMPARE(nul, std::string("a\0b", 3));
    }

    void jsonScannerDeclinesTheRest()
    {
        const std::vector<std::string> lines = {
            // valid JSON the parser reads or explains: an escaped key, the field twice, no string
            "{\"te\\u0078t\": \"a\"}", "{\"text\": \"a\", \"text\": \"b\"}", "{\"text\": 5}", "[{\"text\": \"a\"}]",
            "{}", "{\"other\": \"a\"}", "{\"text\": \"a\", \"d\": " + std::string(70, '[') + std::string(70, ']') + "}",
            // not JSON
            "{\"text\": \"a\"} x", "{\"text\": \"a\",}", "{\"text\": \"a\"", "{\"text\": 'a'}", "{\"text\": \"\x01\"}",
            "{\"text\": \"\\ud800\"}", "{\"text\": \"\\udc00\"}", "{\"text\": \"\\ud800\\u0041\"}", "{\"text\": \"\\q\"}",
            "{\"text\": \"\\u12\"}", "{\"n\": 01, \"text\": \"a\"}", "{\"n\": 1e999, \"text\": \"a\"}",
            "{\"n\": -, \"text\": \"a\"}", "{\"n\": 1., \"text\": \"a\"}", "{\"n\": .5, \"text\": \"a\"}",
            "{\"n\": 1e, \"text\": \"a\"}", "{\"n\": tru, \"text\": \"a\"}", "{\"n\": [1,], \"text\": \"a\"}",
            "{\"n\": {\"a\"}, \"text\": \"a\"}", "{\"n\": +1, \"text\": \"a\"}", "{\"text\": \"a\" \"b\"}", "{\"text\" \"a\"}",
            "{\"n\": 1" + std::string(400, '0') + ", \"text\": \"a\"}", "{\"text\": \"a\"}}", "{\"text\": \"a\"}\x01",
        };
        for (const auto& line : lines) {
            std::string text;
            QVERIFY2(!i3::json_text_field(line, "text", text), line.c_str());
        }
    }

    // Every line one edit away from a line with every kind of value, for a fixed seed.
    void jsonScannerAgreesWithTheParserOnEdits()
    {
        const std::string base = "{\"id\": -12.5e+3, \"text\": \"a\\\"b\\\\c\\u00e9\\ud83d\\ude00\\n\", \"x\": [true, false, null, {\"k\": 0}], \"y\": \"z\"}";
        const std::string alphabet = "{}[]\":,.-+0123456789eEtrufalsn \\/u\x01" "abcdefABCDEF\t"; // ASCII: every line stays UTF-8
        std::mt19937 random(2026);
        int taken = 0;
        for (int i = 0; i < 30000; ++i) {
            std::string line = base;
            const int edits = 1 + static_cast<int>(random() % 2);
            for (int e = 0; e < edits; ++e) {
                const size_t at = random() % line.size();
                const char c = alphabet[random() % alphabet.size()];
                switch (random() % 3) {
                case 0: line[at] = c; break;
                case 1: line.erase(at, 1); break;
                default: line.insert(at, 1, c);
                }
            }
            expect_scanner_agrees(line);
            std::string text;
            taken += i3::json_text_field(line, "text", text);
        }
        QVERIFY2(taken > 1000, std::to_string(taken).c_str()); // edits inside the strings keep most lines valid
    }

    void missingOrWrongJsonField()
    {
        expect_error("nofield.jsonl", "{\"text\": \"a\"}\n{\"body\": \"b\", \"id\": 7}\n",
            {"line 2", "\"text\"", "\"body\"", "\"id\""});
        expect_error("number.jsonl", "{\"text\": 5}\n", {"line 1", "not a string", "number"});
        expect_error("null.jsonl", "{\"text\": null}\n", {"line 1", "not a string", "null"});
        i3::TextReadOptions options;
        options.text_field = "content";
        expect_error("otherfield.jsonl", "{\"text\": \"a\"}\n", {"\"content\"", "\"text\""}, options);
    }

    void missingCsvColumn()
    {
        expect_error(
            "columns.csv", "id,body,\"lab,el\"\n1,hello,x\n", {"\"text\"", "\"id\"", "\"body\"", "\"lab,el\""});
    }

    void malformedCsv()
    {
        expect_error("unclosed.csv", "text\nfine\n\"never\nclosed\n", {"line 3", "never ends"});
        expect_error("junk.csv", "text,label\n\"quoted\"junk,x\n", {"line 2", "closing quote"});
        expect_error("ragged.csv", "id,text\n1,a\n2\n", {"line 3", "has 1 field but", "header row has 2 fields"});
        expect_error("wide.csv", "id,text\n1,a\n2,\"b\nc\",extra\n", {"line 3", "3 fields"});
    }

    void unsupportedExtension()
    {
        expect_error("data.xlsx", "whatever", {"\".xlsx\"", ".txt", ".jsonl", ".csv", ".parquet"});
        expect_error("data.parquet", "id,text\n1,a\n", {"not a Parquet file"});
        expect_error("README", "whatever", {"no extension", ".txt"});
    }

    void noTextFound()
    {
        expect_error("empty.txt", "", {"no text found"});
        expect_error("bom_only.txt", "\xEF\xBB\xBF", {"no text found"});
        expect_error("blank.txt", "\n  \n\t\n\r\n", {"no text found"});
        expect_error("blank.jsonl", "\n{\"text\": \"\"}\n{\"text\": \" \\n \"}\n", {"no text found"});
        expect_error("header_only.csv", "text,label\n", {"no text found"});
        expect_error("empty.csv", "", {"no text found"});
    }

    void missingFile()
    {
        const fs::path path = fs::path(dir_.path().toStdString()) / "nowhere" / "gone.txt";
        const std::string message = error_of([&] { i3::read_texts(path); });
        QVERIFY2(contains(message, path.string()), message.c_str());
    }

    // ---- Columns ---------------------------------------------------------------------------

    void columnsAreTheFieldsThatHoldText()
    {
        using Names = std::vector<std::string>;
        // Only the first object is looked at; fields of other types are not text.
        QCOMPARE(i3::text_columns(write("cols.jsonl", "\n{\"id\": 1, \"text\": \"a\", \"label\": \"x\"}\n{\"other\": \"b\"}\n")),
                 (Names{"text", "label"}));
        QCOMPARE(i3::text_columns(write("array.json", "\xEF\xBB\xBF  [{\"content\": \"a\", \"n\": 2}, {\"x\": \"y\"}]")),
                 (Names{"content"}));
        QCOMPARE(i3::text_columns(write("lines.json", "{\"body\": \"a\"}\n")), (Names{"body"}));
        QCOMPARE(i3::text_columns(write("cols.csv", "\xEF\xBB\xBF\n\"te,xt\",label\n\"a\",b\n")), (Names{"te,xt", "label"}));
        QCOMPARE(i3::text_columns(write("plain.txt", "no columns here\n")), Names{});
        const fs::path fixtures = fs::path(I3_FIXTURES_DIR) / "parquet";
        QCOMPARE(i3::text_columns(fixtures / "columns.parquet"), (Names{"text", "title"}));
    }

    void noTextColumnNamesTheColumns()
    {
        const fs::path numbers = write("numbers.jsonl", "{\"id\": 1, \"score\": 0.5}\n");
        std::string message = error_of([&] { i3::text_columns(numbers); });
        QVERIFY2(contains(message, numbers.string()) && contains(message, "no text column") &&
                     contains(message, "\"id\", \"score\""),
                 message.c_str());
        const fs::path binary = fs::path(I3_FIXTURES_DIR) / "parquet" / "refuse_binary.parquet";
        message = error_of([&] { i3::text_columns(binary); });
        QVERIFY2(contains(message, "no text column") && contains(message, "\"text\" (binary)"), message.c_str());
        message = error_of([&] { i3::text_columns(write("empty.jsonl", "\n  \n")); });
        QVERIFY2(contains(message, "no text found"), message.c_str());
        message = error_of([&] { i3::text_columns(write("table.xlsx", "x")); });
        QVERIFY2(contains(message, "unsupported file type"), message.c_str());
    }

    // Text files are read a block (1 MiB) at a time: a CRLF split by a block's end, a line
    // three blocks long and a character whose two bytes straddle a block's end read as if the
    // file were read whole, and a bad byte after the first block is located in the file.
    void blockBoundariesDoNotShow()
    {
        const size_t block = size_t(1) << 20;
        const std::string first(block - 1, 'a'); // its "\r" is the first block's last byte
        const std::string longest(3 * block + 5, 'b');
        std::string bytes = first + "\r\n\r\n" + longest + "\n\n";
        const std::string before(5 * block - 1 - bytes.size(), 'c'); // "\xC3" ends the fifth block
        bytes += before + "\xC3\xA9\n";
        QCOMPARE(i3::read_texts(write("blocks.txt", bytes)), (Texts{first, longest, before + "\xC3\xA9"}));

        const std::string line(block + 10, 'x');
        expect_error("late.txt", line + "\nok \xFF\n", {"line 2", "byte " + std::to_string(block + 11 + 3), "UTF-8"});
    }

    // ---- Statistics ------------------------------------------------------------------------

    void statsCountCodePointsAndBytes()
    {
        // "héllo" is 5 code points in 6 bytes, "😀!" 2 in 5, "ab" 2 in 2.
        const i3::CorpusStats stats = i3::corpus_stats({"h\xC3\xA9llo", "\xF0\x9F\x98\x80!", "ab"});
        QCOMPARE(stats.texts, size_t(3));
        QCOMPARE(stats.characters, size_t(9));
        QCOMPARE(stats.bytes, size_t(13));
        const i3::CorpusStats none = i3::corpus_stats({});
        QCOMPARE(none.texts + none.characters + none.bytes, size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestTextSources)
#include "test_text_sources.moc"
