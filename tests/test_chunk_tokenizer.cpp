// SPDX-License-Identifier: GPL-3.0-or-later
// The chunk tokenizer: cases worked out by hand from the specification, the file format, a
// comparison with an independent Python implementation of the specification, and a corpus
// encoded on several threads.
#include "text/chunk_tokenizer.h"
#include "base/cancel_token.h"
#include "base/error.h"
#include "data/corpus_encoding.h"
#include "test_support.h"
#include "text/unicode_text.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace {

using Ids = std::vector<int64_t>;

std::vector<std::string> segment(const std::string& utf8)
{
    std::vector<std::string> chunks;
    for (const auto& chunk : i3::ChunkTokenizer::segment(i3::decode_utf8(utf8)))
        chunks.push_back(i3::encode_utf8(chunk));
    return chunks;
}

// The vocabulary worked out in buildsAndSortsTiesByCodePoint().
std::vector<std::string> hand_texts()
{
    return {"The cat", "THE HAT", "\U0001F600 \uFF41", "\uFF41 "};
}

// A few hundred lines of varied text from a fixed pseudo-random sequence: English with the
// trigrams, capitals, punctuation, runs of spaces, accented Latin, Greek (with final sigmas),
// Cyrillic, Armenian, Georgian, Cherokee, Deseret, fullwidth and circled letters, Roman
// numerals, CJK and emoji. A text of ASCII alone and one with other characters take different
// paths through the tokenizer; there are both.
std::vector<std::string> varied_texts(size_t count)
{
    const std::vector<std::string> words = {
        "the", "The", "THE", "and", "thing", "nation", "whether", "without", "you", "are", "not",
        "but", "can", "all", "one", "our", "out", "have", "this", "with", "cat", "sat", "mat",
        "hello", "world", "a", "I", "it's", "don't", "ending", "for", "her", "was", "there",
        "Once", "upon", "time", "42", "3.14", "e-mail", "—", "(quoted)", "\"said\"", "!", "?", ",",
        "Ça", "va", "été", "naïve", "Ærøskøbing", "STRASSE", "Straße", "ẞIG", "İstanbul", "ı",
        "ŉ", "ſ", "Łódź", "Đặng", "Nguyễn", "ǍǏ", "Șțefan", "ΟΔΟΣ", "ΣΑΣ", "Ελληνικά", "ΌΣΟΙ",
        "ἈΘΉΝΑ", "Ὦ", "Москва", "ПРИВЕТ", "Їжак", "Ԁ", "日本語", "中文", "😀", "🎉🎉", "\t", "ǆ",
        "ǅ", "ԱՐՄԵՆԻԱ", "ႠႡႢ", "ᏣᎳᎩ", "𐐀𐐁", "ＦＵＬＬ", "Ⓐⓑ", "Ⅻ", "ȺȾ", "ΣΑ'Σ", "ΑΣ\u0301"};
    std::vector<std::string> texts;
    uint64_t state = 12345;
    const auto next = [&state](uint64_t bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state >> 33) % bound;
    };
    for (size_t i = 0; i < count; ++i) {
        std::string text;
        const size_t length = 1 + next(14);
        for (size_t w = 0; w < length; ++w) {
            text += words[next(words.size())];
            const auto gap = next(10);
            text += gap == 0 ? "" : gap == 1 ? "  " : gap == 2 ? "   " : " ";
        }
        texts.push_back(i % 17 == 0 ? "" : text);
    }
    return texts;
}

// varied_texts(2000) and pairs of them, `bytes` of text in all.
std::vector<std::string> large_texts(size_t bytes)
{
    auto texts = varied_texts(2000);
    const size_t distinct = texts.size();
    for (size_t size = 0; size < bytes;) {
        texts.push_back(texts[texts.size() % distinct] + texts[(texts.size() * 7) % distinct]);
        size += texts.back().size();
    }
    return texts;
}

bool mentions(const i3::Error& error, const std::string& part)
{
    return std::string(error.what()).find(part) != std::string::npos;
}

} // namespace

class TestChunkTokenizer : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    std::string path(const QString& name) { return dir_.filePath(name).toStdString(); }

    void write(const QString& name, const std::string& bytes)
    {
        QFile file(dir_.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes.data(), static_cast<qint64>(bytes.size()));
    }

    nlohmann::json read_json(const QString& name)
    {
        QFile file(dir_.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return nlohmann::json::parse(file.readAll().toStdString());
    }

    // The error load() gives for a file with these contents.
    QString load_error(const QString& name, const std::string& contents)
    {
        write(name, contents);
        try {
            i3::ChunkTokenizer::load(path(name));
        } catch (const i3::Error& error) {
            return QString::fromUtf8(error.what());
        }
        return "loaded without an error";
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void segmentsByHand_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("chunks");
        // "the cat sat": t0 h1 e2 _3 c4 a5 t6 _7 s8 a9 t10 (n = 11)
        //   p0 "the" is a trigram: 3. p3 " ca": s[2] 'e', s[6] 't', no trigram: 2 " c".
        //   p5 "at ": s[4] 'c', s[8] 's': 2 "at". p7 " sa": s[6] 't', s[10] 't': 2 " s".
        //   p9: only 2 left: "at".
        QTest::newRow("the cat sat") << "the cat sat" << QStringList{"the", " c", "at", " s", "at"};
        // "hello world": h0 e1 l2 l3 o4 _5 w6 o7 r8 l9 d10
        //   p0 "hel": s[3] 'l': 2 "he". p2 "llo": s[5] is a space: 3. p5 " wo": s[4] 'o',
        //   s[8] 'r': 2 " w". p7 "orl": s[6] 'w', s[10] 'd': 2 "or". p9: "ld".
        QTest::newRow("hello world") << "hello world" << QStringList{"he", "llo", " w", "or", "ld"};
        // Short texts: 1 -> itself; 2 -> itself; 3 without a rule -> 2 + 1; 4 -> 2 + 2 (at p2
        // only 2 are left); 5 -> 2 + 2 + 1 (at p2, p + 3 = n so s[p+3] does not exist).
        QTest::newRow("length 1") << "a" << QStringList{"a"};
        QTest::newRow("length 2") << "ab" << QStringList{"ab"};
        QTest::newRow("length 3") << "abc" << QStringList{"ab", "c"};
        QTest::newRow("length 3 trigram") << "the" << QStringList{"the"};
        QTest::newRow("length 4") << "abcd" << QStringList{"ab", "cd"};
        QTest::newRow("length 5") << "abcde" << QStringList{"ab", "cd", "e"};
        // "xxand": p0 "xxa" (s[3] 'n'): "xx"; p2 "and" is a trigram and p + 3 = 5 <= n: "and".
        QTest::newRow("trigram at the end") << "xxand" << QStringList{"xx", "and"};
        // "xand": p0 "xan" is not a trigram: "xa"; p2 "nd": the trigram is never seen.
        QTest::newRow("misaligned trigram") << "xand" << QStringList{"xa", "nd"};
        // "a bcdef": p0 "a b" (s[3] 'c'): "a "; p2: s[1] is a space: "bcd"; p5: "ef".
        QTest::newRow("space at p-1") << "a bcdef" << QStringList{"a ", "bcd", "ef"};
        // "abc d": p0: s[3] is a space: "abc"; p3: " d".
        QTest::newRow("space at p+3") << "abc d" << QStringList{"abc", " d"};
        // "abc ": p0: s[3] is a space: "abc"; p3: " ".
        QTest::newRow("space at p+3, last") << "abc " << QStringList{"abc", " "};
        // "a  b": p0 "a  " (s[3] 'b'): "a "; p2: only 2 left: " b".
        QTest::newRow("two spaces") << "a  b" << QStringList{"a ", " b"};
        // "é été": é0 _1 é2 t3 é4 (5 code points, 8 bytes). p0 "é é", s[3] 't': "é ";
        // p2: s[1] is a space and p + 3 = 5 <= 5: "été". Counting bytes would cut elsewhere.
        QTest::newRow("code points, not bytes") << "é été" << QStringList{"é ", "été"};
        // "ça va? ελληνικά": ç0 a1 _2 v3 a4 ?5 _6 ε7 λ8 λ9 η10 ν11 ι12 κ13 ά14 (n = 15)
        //   p0 "ça " (s[3] 'v'): "ça"; p2 " va" (s[1] 'a', s[5] '?'): " v"; p4 "a? " (s[3] 'v',
        //   s[7] 'ε'): "a?"; p6 " ελ" (s[5] '?', s[9] 'λ'): " ε"; p8 "λλη" (s[11] 'ν'): "λλ";
        //   p10 "ηνι" (s[13] 'κ'): "ην"; p12 "ικά": p + 3 = n, no rule: "ικ"; p14: "ά".
        QTest::newRow("non-ASCII") << "ça va? ελληνικά" << QStringList{"ça", " v", "a?", " ε", "λλ", "ην", "ικ", "ά"};
        // "😀 ab": 😀0 _1 a2 b3: p0 "😀 a" (s[3] 'b'): "😀 "; p2: "ab".
        QTest::newRow("astral") << "😀 ab" << QStringList{"😀 ", "ab"};
        QTest::newRow("empty") << "" << QStringList{};
    }

    void segmentsByHand()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, chunks);
        QStringList ours;
        for (const auto& chunk : segment(text.toStdString()))
            ours << QString::fromStdString(chunk);
        QCOMPARE(ours, chunks);
    }

    void buildsAndSortsTiesByCodePoint()
    {
        // "The cat" -> "the cat": "the", " c", "at" (see "the cat sat").
        // "THE HAT" -> "the hat": "the", " h", "at".
        // "😀 ａ": 😀0 _1 ａ2, n = 3: p0 no rule applies (p + 3 < n is false): "😀 "; p2 "ａ".
        // "ａ ": "ａ ".
        // Counts: "at" 2, "the" 2; " c", " h", "ａ", "ａ ", "😀 " 1 each.
        // Ties go by code points: "at" (a = 0x61) before "the" (0x74); " c" (0x20) first among
        // the ones, "ａ" (U+FF41) before "ａ " (a prefix sorts first) before "😀 " (U+1F600),
        // although in UTF-16 the emoji's surrogate 0xD83D would sort before U+FF41.
        const auto tokenizer = i3::ChunkTokenizer::build(hand_texts());
        const std::vector<std::string> expected = {"<UNK>", "at", "the", " c", " h", "\uFF41", "\uFF41 ", "\U0001F600 "};
        QCOMPARE(tokenizer.vocab_size(), int64_t(expected.size()));
        for (size_t id = 0; id < expected.size(); ++id) {
            QCOMPARE(tokenizer.token_text(int64_t(id)), expected[id]);
            QCOMPARE(tokenizer.id_of(expected[id]), std::optional<int64_t>(int64_t(id)));
        }
        QCOMPARE(tokenizer.unk_idx(), int64_t(0));
        QCOMPARE(tokenizer.unk_token(), std::string("<UNK>"));
        QVERIFY(!tokenizer.id_of("ca"));
    }

    void buildsFromTheFirstTextsOnly()
    {
        // The first two texts: "at" 2, "the" 2, " c" 1, " h" 1.
        const auto two = i3::ChunkTokenizer::build(hand_texts(), size_t(2));
        QCOMPARE(two.vocab_size(), int64_t(5));
        QCOMPARE(two.token_text(4), std::string(" h"));
        QVERIFY(!two.id_of("\uFF41"));
        QCOMPARE(i3::ChunkTokenizer::build(hand_texts(), size_t(0)).vocab_size(), int64_t(1));
        QCOMPARE(i3::ChunkTokenizer::build(hand_texts(), size_t(99)).vocab_size(), int64_t(8));
    }

    void reportsProgress()
    {
        const std::vector<std::string> texts(10000, "the cat");
        std::vector<std::pair<size_t, size_t>> calls;
        i3::ChunkTokenizer::build(texts, size_t(9000), [&](size_t done, size_t total) { calls.emplace_back(done, total); });
        QVERIFY(calls.size() >= 2);
        for (size_t i = 1; i < calls.size(); ++i)
            QVERIFY(calls[i].first > calls[i - 1].first);
        QCOMPARE(calls.back(), std::make_pair(size_t(9000), size_t(9000)));
    }

    void encodesWithPrefixFallback_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Ids>("ids");
        // Vocabulary (buildsAndSortsTiesByCodePoint): 0 <UNK>, 1 "at", 2 "the", 3 " c", 4 " h",
        // 5 "ａ", 6 "ａ ", 7 "😀 ".
        QTest::newRow("the cat") << "The cat" << Ids{2, 3, 1};
        // "that": p0 "tha" is a trigram, not known, nor "th", nor "t": UNK, advance 1.
        // p1 "hat" (trigram): neither "hat", "ha" nor "h": UNK. p2 "at": 1.
        QTest::newRow("unknown, advancing one code point") << "THAT" << Ids{0, 0, 1};
        // "x ca y": x0 _1 c2 a3 _4 y5. p0 "x c" (s[3] 'a'): "x ", "x" unknown: UNK.
        // p1 " ca": s[4] is a space: 3; " ca" unknown, its prefix " c" is 3: advance 2.
        // p3 "a y": s[2] 'c', p + 3 = n: "a ", then "a": unknown: UNK. p4 " y" then " ": UNK.
        // p5 "y": UNK.
        QTest::newRow("3 falls back to 2") << "x ca y" << Ids{0, 3, 0, 0, 0};
        // "ａｂ": "ａｂ" unknown, "ａ" is 5; p1 "ｂ": UNK.
        QTest::newRow("2 falls back to 1") << "ａｂ" << Ids{5, 0};
        // "ａｂｃ ": p0 s[3] is a space: "ａｂｃ", "ａｂ" unknown, "ａ" 5, advance 1.
        // p1 "ｂｃ " (p + 3 = n, s[0] not a space): "ｂｃ", "ｂ": UNK. p2 "ｃ ", "ｃ": UNK.
        // p3 " ": UNK. Segmentation restarts where the fallback stopped.
        QTest::newRow("3 falls back to 1") << "ａｂｃ " << Ids{5, 0, 0, 0};
        // "😀 ａ": "😀 " 7, then "ａ" 5.
        QTest::newRow("astral") << "😀 ａ" << Ids{7, 5};
        QTest::newRow("empty") << "" << Ids{};
    }

    void encodesWithPrefixFallback()
    {
        QFETCH(QString, text);
        QFETCH(Ids, ids);
        const auto tokenizer = i3::ChunkTokenizer::build(hand_texts());
        QCOMPARE(tokenizer.encode(text.toStdString()), ids);
    }

    void refusesInvalidUtf8()
    {
        const auto tokenizer = i3::ChunkTokenizer::build(hand_texts());
        try {
            tokenizer.encode("caf\xE9");
            QFAIL("no error");
        } catch (const i3::Error& error) {
            QVERIFY2(mentions(error, "invalid UTF-8 at byte 3"), error.what());
        }
        try {
            i3::ChunkTokenizer::build({"fine", "caf\xE9"});
            QFAIL("no error");
        } catch (const i3::Error& error) {
            QVERIFY2(mentions(error, "text 2: invalid UTF-8 at byte 3"), error.what());
        }
    }

    void decodes()
    {
        const auto tokenizer = i3::ChunkTokenizer::build(hand_texts());
        QCOMPARE(tokenizer.decode({2, 3, 1}), std::string("the cat"));
        QCOMPARE(tokenizer.decode({7, 5}), std::string("\U0001F600 \uFF41"));
        QCOMPARE(tokenizer.decode({2, 0, 99, -1}), std::string("the<UNK><UNK><UNK>"));
        QCOMPARE(tokenizer.token_text(8), std::string("<UNK>"));
        QCOMPARE(tokenizer.decode({}), std::string());
    }

    void defaultTokenizerKnowsOnlyTheUnknownToken()
    {
        const i3::ChunkTokenizer tokenizer;
        QCOMPARE(tokenizer.vocab_size(), int64_t(1));
        QCOMPARE(tokenizer.encode("ab c"), (Ids{0, 0, 0, 0}));
        QCOMPARE(tokenizer.decode({0}), std::string("<UNK>"));
    }

    void loadsEscapedAndRawFilesAlike()
    {
        const std::string escaped =
            R"({"chunk_to_idx": {"<UNK>": 0, "\u00e9t": 1, "\ud83d\ude00": 2, "a": 3},)"
            R"( "idx_to_chunk": {"0": "<UNK>", "1": "\u00e9t", "2": "\ud83d\ude00", "3": "a"},)"
            R"( "vocab_size": 4, "unk_token": "<UNK>", "unk_idx": 0})";
        const std::string raw =
            "{\"chunk_to_idx\": {\"<UNK>\": 0, \"ét\": 1, \"😀\": 2, \"a\": 3},\n"
            " \"idx_to_chunk\": {\"0\": \"<UNK>\", \"1\": \"ét\", \"2\": \"😀\", \"3\": \"a\"},\n"
            " \"vocab_size\": 4, \"unk_token\": \"<UNK>\", \"unk_idx\": 0}\n";
        write("escaped.json", escaped);
        write("vocab.json", raw);
        const auto a = i3::ChunkTokenizer::load(path("escaped.json"));
        const auto b = i3::ChunkTokenizer::load(path("vocab.json"));
        QCOMPARE(a.vocab_size(), int64_t(4));
        QCOMPARE(b.vocab_size(), int64_t(4));
        for (int64_t id = 0; id < 4; ++id)
            QCOMPARE(a.token_text(id), b.token_text(id));
        QCOMPARE(a.id_of("ét"), std::optional<int64_t>(1));
        QCOMPARE(b.id_of("😀"), std::optional<int64_t>(2));
        // "Été😀a" -> "été😀a": é0 t1 é2 😀3 a4. p0 "été" (s[3] not a space): "ét" 1.
        // p2 "é😀a": p + 3 = n, no rule: "é😀", then "é": unknown: UNK. p3 "😀a", "😀" 2. p4 "a" 3.
        QCOMPARE(a.encode("Été😀a"), (Ids{1, 0, 2, 3}));
        QCOMPARE(b.encode("Été😀a"), (Ids{1, 0, 2, 3}));
    }

    void missingUnknownFieldsTakeTheDefaults()
    {
        write("plain.json", R"({"chunk_to_idx": {"<UNK>": 0, "ab": 1}, "idx_to_chunk": {"0": "<UNK>", "1": "ab"}})");
        const auto plain = i3::ChunkTokenizer::load(path("plain.json"));
        QCOMPARE(plain.unk_idx(), int64_t(0));
        QCOMPARE(plain.unk_token(), std::string("<UNK>"));
        QCOMPARE(plain.encode("abc"), (Ids{1, 0}));

        // Another unknown token: ids that mean nothing decode to it, unknown text encodes to it.
        write("other.json", R"({"chunk_to_idx": {"ab": 0, "[?]": 1}, "idx_to_chunk": {"0": "ab", "1": "[?]"},)"
                            R"( "unk_token": "[?]", "unk_idx": 1})");
        const auto other = i3::ChunkTokenizer::load(path("other.json"));
        QCOMPARE(other.encode("abc"), (Ids{0, 1}));
        QCOMPARE(other.decode({0, 7}), std::string("ab[?]"));
    }

    void savesWhatLoadsBackAndPythonReads()
    {
        const auto texts = varied_texts(300);
        const auto built = i3::ChunkTokenizer::build(texts);
        built.save(path("tokenizer.json"));
        QFile file(dir_.filePath("tokenizer.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        for (const char byte : bytes)
            QVERIFY2(static_cast<unsigned char>(byte) < 0x80, "non-ASCII byte in the saved file");
        QVERIFY(bytes.contains("\\u00e9")); // é, escaped as Python's json.dump does
        QVERIFY(bytes.contains("\\ud83d\\ude00")); // 😀, as a surrogate pair
        QVERIFY(bytes.startsWith("{\"chunk_to_idx\":{\"<UNK>\":0,"));

        const auto loaded = i3::ChunkTokenizer::load(path("tokenizer.json"));
        QCOMPARE(loaded.vocab_size(), built.vocab_size());
        for (int64_t id = 0; id < built.vocab_size(); ++id)
            QCOMPARE(loaded.token_text(id), built.token_text(id));
        for (const auto& text : texts)
            QCOMPARE(loaded.encode(text), built.encode(text));

        const nlohmann::json saved = read_json("tokenizer.json");
        QCOMPARE(saved.at("vocab_size").get<int64_t>(), built.vocab_size());
        QCOMPARE(saved.at("unk_token").get<std::string>(), std::string("<UNK>"));
        QCOMPARE(saved.at("unk_idx").get<int64_t>(), int64_t(0));
        QCOMPARE(saved.at("idx_to_chunk").at("5").get<std::string>(), built.token_text(5));

        // Python reads the file and, with its own encoder, gets our ids.
        write("texts.json", nlohmann::json(texts).dump());
        const auto result = i3test::run_python("reference_tokenizer.py",
                                               {"encode", dir_.filePath("tokenizer.json"), dir_.filePath("texts.json"),
                                                dir_.filePath("python-encodings.json")});
        QVERIFY2(result.exit_code == 0, result.err.constData());
        const nlohmann::json python = read_json("python-encodings.json");
        for (size_t i = 0; i < texts.size(); ++i)
            QCOMPARE(loaded.encode(texts[i]), python.at("encodings").at(i).get<Ids>());
    }

    void matchesAnIndependentPythonImplementation_data()
    {
        QTest::addColumn<int>("max_texts");
        QTest::newRow("all texts") << -1;
        QTest::newRow("first 150 of 400") << 150; // the rest meets unseen chunks: fallbacks and UNK
    }

    void matchesAnIndependentPythonImplementation()
    {
        QFETCH(int, max_texts);
        const auto texts = varied_texts(400);
        write("texts.json", nlohmann::json(texts).dump());
        const QString out = dir_.filePath(QString("reference-%1.json").arg(max_texts));
        const auto result = i3test::run_python(
            "reference_tokenizer.py", {"build", dir_.filePath("texts.json"), QString::number(max_texts), out});
        QVERIFY2(result.exit_code == 0, result.err.constData());
        const nlohmann::json reference = read_json(QFileInfo(out).fileName());

        const auto ours = max_texts < 0 ? i3::ChunkTokenizer::build(texts)
                                        : i3::ChunkTokenizer::build(texts, size_t(max_texts));
        const auto& vocabulary = reference.at("chunk_to_idx");
        QCOMPARE(ours.vocab_size(), int64_t(vocabulary.size()));
        QVERIFY(ours.vocab_size() > 300); // a real vocabulary, non-ASCII chunks included
        for (const auto& [chunk, id] : vocabulary.items())
            QCOMPARE(ours.id_of(chunk), std::optional<int64_t>(id.get<int64_t>()));

        size_t unknowns = 0;
        for (size_t i = 0; i < texts.size(); ++i) {
            const Ids expected = reference.at("encodings").at(i).get<Ids>();
            QCOMPARE(ours.encode(texts[i]), expected);
            unknowns += static_cast<size_t>(std::count(expected.begin(), expected.end(), 0));
        }
        QCOMPARE(unknowns > 0, max_texts >= 0 && max_texts < 400);
    }

    void buildsALargeCorpusQuickly()
    {
        // About 20 MB: a tokenizer that is quadratic anywhere, or allocates per character,
        // takes minutes here instead of about a second.
        const auto texts = large_texts(20'000'000);
        size_t bytes = 0;
        for (const auto& text : texts)
            bytes += text.size();
        QElapsedTimer timer;
        timer.start();
        const auto tokenizer = i3::ChunkTokenizer::build(texts);
        size_t tokens = 0;
        for (const auto& text : texts)
            tokens += tokenizer.encode(text).size();
        qInfo("built and encoded %zu bytes (%zu tokens) in %lld ms", bytes, tokens, timer.elapsed());
        QVERIFY(timer.elapsed() < 30000);
    }

    void encodesACorpusAlikeOnAnyNumberOfThreads()
    {
        // Several blocks of work for the threads, blank texts among them, and chunks the
        // vocabulary lacks (it comes from a part of the texts only).
        const auto texts = large_texts(6'000'000);
        const auto tokenizer = i3::ChunkTokenizer::build(texts, 150);
        std::vector<int32_t> expected;
        for (const auto& text : texts)
            if (text.find_first_not_of(" \t\r\n") != std::string::npos)
                for (const int64_t id : tokenizer.encode(text))
                    expected.push_back(static_cast<int32_t>(id));
        QVERIFY(std::count(expected.begin(), expected.end(), 0) > 0);
        for (const int threads : {1, 2, 3, 8, 0}) {
            std::vector<size_t> done;
            const auto progress = [&](size_t texts_done, size_t total) {
                QCOMPARE(total, texts.size());
                done.push_back(texts_done);
            };
            QVERIFY(i3::encode_corpus(tokenizer, texts, progress, nullptr, threads) == expected);
            // One thread reports after each block; several as often as the caller gets to run.
            QVERIFY2(threads != 1 || done.size() > 2, "progress is reported while the work goes on");
            QVERIFY(std::is_sorted(done.begin(), done.end()));
            QCOMPARE(done.back(), texts.size());
        }
    }

    void stopsAtTheFirstBadTextOrACancelOnAnyNumberOfThreads()
    {
        // Two texts that are not UTF-8, far apart: whichever thread meets which first, the
        // error is the first text's, as on one thread.
        auto texts = large_texts(6'000'000);
        texts[texts.size() / 3] = "abc\xFF";
        texts[2 * texts.size() / 3] = "a\xC0\xAF";
        const auto tokenizer = i3::ChunkTokenizer::build({"abc"});
        for (const int threads : {1, 2, 3, 0}) {
            try {
                i3::encode_corpus(tokenizer, texts, {}, nullptr, threads);
                QFAIL("no error");
            } catch (const i3::Error& error) {
                QVERIFY2(mentions(error, "invalid UTF-8 at byte 3 "), error.what());
            }
        }
        i3::CancelToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(i3::Cancelled, i3::encode_corpus(tokenizer, large_texts(100'000), {}, &cancel));
        // A progress callback that throws (as the studio's does on Cancel) stops every thread.
        const auto stop = [](size_t, size_t) { throw i3::Cancelled(); };
        for (const int threads : {1, 3})
            QVERIFY_THROWS_EXCEPTION(i3::Cancelled, i3::encode_corpus(tokenizer, large_texts(6'000'000), stop, nullptr, threads));
    }

    void refusesMalformedFiles_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("problem");
        const QByteArray ok_chunks = R"("chunk_to_idx": {"<UNK>": 0, "a": 1}, )";
        const QByteArray ok_ids = R"("idx_to_chunk": {"0": "<UNK>", "1": "a"})";
        QTest::newRow("cut short") << QByteArray(R"({"chunk_to_idx": {"a": )")
                                   << "not valid JSON: parse error at column ";
        QTest::newRow("error on line 3") << QByteArray("{\n\"chunk_to_idx\": {},\n\"idx_to_chunk\": {]\n}")
                                         << "not valid JSON: parse error at line 3, column ";
        QTest::newRow("invalid UTF-8") << QByteArray("{\"chunk_to_idx\": {\"caf\xE9\": 0}}")
                                       << "invalid string: ill-formed UTF-8 byte";
        QTest::newRow("not an object") << QByteArray("[1, 2]") << "the top level must be a JSON object, not array";
        QTest::newRow("no chunk_to_idx") << "{" + ok_ids + "}" << "missing \"chunk_to_idx\"";
        QTest::newRow("no idx_to_chunk") << QByteArray(R"({"chunk_to_idx": {"<UNK>": 0}})") << "missing \"idx_to_chunk\"";
        QTest::newRow("chunk_to_idx a list") << R"({"chunk_to_idx": ["a"], )" + ok_ids + "}"
                                             << "\"chunk_to_idx\" must be a JSON object, not array";
        QTest::newRow("float id") << R"({"chunk_to_idx": {"<UNK>": 0, "a": 1.5}, )" + ok_ids + "}"
                                  << "chunk_to_idx[\"a\"] must be an integer id, not 1.5";
        QTest::newRow("string id") << R"({"chunk_to_idx": {"<UNK>": 0, "a": "1"}, )" + ok_ids + "}"
                                   << "chunk_to_idx[\"a\"] must be an integer id, not \"1\"";
        QTest::newRow("id key not a number") << "{" + ok_chunks + R"("idx_to_chunk": {"0": "<UNK>", "one": "a"}})"
                                             << "idx_to_chunk key \"one\" is not a non-negative integer id";
        QTest::newRow("negative id key") << "{" + ok_chunks + R"("idx_to_chunk": {"0": "<UNK>", "-1": "a"}})"
                                         << "idx_to_chunk key \"-1\" is not a non-negative integer id";
        QTest::newRow("hole") << QByteArray(R"({"chunk_to_idx": {"<UNK>": 0, "a": 2}, "idx_to_chunk": {"0": "<UNK>", "2": "a"}})")
                              << "idx_to_chunk has id 2, but with 2 entries the ids must run from 0 to 1 without holes";
        QTest::newRow("id twice in idx_to_chunk") << "{" + ok_chunks + R"("idx_to_chunk": {"0": "<UNK>", "1": "a", "01": "b"}})"
                                                  << "idx_to_chunk has id 1 twice";
        QTest::newRow("chunk not a string") << "{" + ok_chunks + R"("idx_to_chunk": {"0": "<UNK>", "1": 7}})"
                                            << "idx_to_chunk[\"1\"] must be a string, not number";
        QTest::newRow("id twice in chunk_to_idx")
            << QByteArray(R"({"chunk_to_idx": {"<UNK>": 0, "a": 1, "b": 1}, "idx_to_chunk": {"0": "<UNK>", "1": "a", "2": "b"}})")
            << "chunk_to_idx gives id 1 to two chunks";
        QTest::newRow("maps disagree")
            << QByteArray(R"({"chunk_to_idx": {"<UNK>": 0, "a": 1, "b": 2}, "idx_to_chunk": {"0": "<UNK>", "1": "b", "2": "a"}})")
            << "chunk_to_idx and idx_to_chunk disagree: chunk_to_idx[\"a\"] = 1 but idx_to_chunk[\"1\"] = \"b\"";
        QTest::newRow("sizes differ") << R"({"chunk_to_idx": {"<UNK>": 0}, )" + ok_ids + "}"
                                      << "chunk_to_idx has 1 entries but idx_to_chunk has 2";
        QTest::newRow("id out of range") << R"({"chunk_to_idx": {"<UNK>": 0, "a": 5}, )" + ok_ids + "}"
                                         << "chunk_to_idx[\"a\"] = 5 is outside the ids 0..1";
        QTest::newRow("vocab_size wrong") << "{" + ok_chunks + ok_ids + R"(, "vocab_size": 3})"
                                          << "vocab_size is 3 but the vocabulary has 2 entries";
        QTest::newRow("vocab_size not a number") << "{" + ok_chunks + ok_ids + R"(, "vocab_size": "2"})"
                                                 << "vocab_size must be an integer";
        QTest::newRow("unk_idx out of range") << "{" + ok_chunks + ok_ids + R"(, "unk_idx": 2})"
                                              << "unk_idx 2 is outside the ids 0..1";
        QTest::newRow("unk_idx not a number") << "{" + ok_chunks + ok_ids + R"(, "unk_idx": null})"
                                              << "unk_idx must be an integer, not null";
        QTest::newRow("unk_token not a string") << "{" + ok_chunks + ok_ids + R"(, "unk_token": 0})"
                                                << "unk_token must be a string";
        QTest::newRow("empty vocabulary") << QByteArray(R"({"chunk_to_idx": {}, "idx_to_chunk": {}})") << "the vocabulary is empty";
    }

    void refusesMalformedFiles()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, problem);
        const QString name = QString("bad-%1.json").arg(QTest::currentDataTag()).replace(' ', '-');
        const QString message = load_error(name, contents.toStdString());
        QVERIFY2(message.startsWith(dir_.filePath(name) + ": "), qPrintable(message));
        QVERIFY2(message.contains(problem), qPrintable(message));
    }

    void refusesAMissingFile()
    {
        try {
            i3::ChunkTokenizer::load(path("nowhere/tokenizer.json"));
            QFAIL("no error");
        } catch (const i3::Error& error) {
            QVERIFY2(mentions(error, "nowhere/tokenizer.json"), error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestChunkTokenizer)
#include "test_chunk_tokenizer.moc"
