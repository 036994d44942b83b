// SPDX-License-Identifier: GPL-3.0-or-later
// Strict UTF-8 and Python's str.lower(), checked against QString's encoder and Python itself; the
// tokenizer's lowering (LoweredText, through lowercase_table.h) against ICU and Python.
// LibTorch comes before any Qt header: Qt's `slots` macro breaks LibTorch's IValue::slots().
#include "formats/torch_pickle.h"

#include <caffe2/serialize/inline_container.h>

#include "base/error.h"
#include "test_support.h"
#include "text/lowercase_table.h"
#include "text/lowered_text.h"
#include "text/unicode_text.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

namespace {

bool is_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

struct CodePointRange {
    char32_t first;
    char32_t last;
};

// Unicode 15.0 (ICU 72) assigned these; Python 3.11 knows Unicode 14.0, where they are unassigned,
// so Python counts them as neither cased nor case-ignorable while ICU knows marks among them
// (case-ignorable) and small letters (cased). They lower to themselves either way; only a capital
// sigma beside one of them lowers differently (σ in Python, ς in ICU, or the other way round).
constexpr CodePointRange kNewInUnicode15[] = {
    {0x0ECE, 0x0ECE},   // LAO YAMAKKAN
    {0x10EFD, 0x10EFF}, // ARABIC SMALL LOW WORD SAKTA, QASR, MADDA
    {0x11241, 0x11241}, // KHOJKI VOWEL SIGN VOCALIC R
    {0x11F00, 0x11F01}, // KAWI SIGN CANDRABINDU, ANUSVARA
    {0x11F36, 0x11F3A}, // KAWI VOWEL SIGN I .. VOCALIC R
    {0x11F40, 0x11F40}, // KAWI VOWEL SIGN EU
    {0x11F42, 0x11F42}, // KAWI CONJOINER
    {0x13439, 0x13440}, // EGYPTIAN HIEROGLYPH INSERT AT MIDDLE .. MIRROR HORIZONTALLY
    {0x13447, 0x13455}, // EGYPTIAN HIEROGLYPH MODIFIER DAMAGED AT TOP START .. MODIFIER DAMAGED
    {0x1DF25, 0x1DF2A}, // LATIN SMALL LETTER D, L, N, R, S, T WITH MID-HEIGHT LEFT HOOK
    {0x1E030, 0x1E06D}, // MODIFIER LETTER CYRILLIC SMALL A .. STRAIGHT U WITH STROKE
    {0x1E08F, 0x1E08F}, // COMBINING CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I
    {0x1E4EB, 0x1E4EF}, // NAG MUNDARI SIGN OJOD .. SUTUH
};

bool is_new_in_unicode_15(char32_t c)
{
    return std::any_of(std::begin(kNewInUnicode15), std::end(kNewInUnicode15),
                       [c](const CodePointRange& range) { return c >= range.first && c <= range.last; });
}

size_t new_in_unicode_15_count()
{
    size_t count = 0;
    for (const CodePointRange& range : kNewInUnicode15)
        count += range.last - range.first + 1;
    return count;
}

// Every code point but the surrogates and "\n", the line separator of python_lower.py.
std::vector<char32_t> line_code_points()
{
    std::vector<char32_t> code_points;
    for (char32_t c = 0; c <= 0x10FFFF; ++c)
        if (!is_surrogate(c) && c != U'\n')
            code_points.push_back(c);
    return code_points;
}

// The tokenizer's lowering: one LoweredText, as a thread of the tokenizer reuses it.
std::u32string table_lower(std::u32string_view text)
{
    static i3::LoweredText lowered;
    lowered.assign(i3::encode_utf8(text), "line");
    if (lowered.is_ascii())
        return std::u32string(lowered.ascii().begin(), lowered.ascii().end());
    return std::u32string(lowered.code_points());
}

std::u32string icu_lower(std::u32string_view text) { return i3::python_lower(text); }

// "at byte N (line L)" with N moved on by `bytes`.
QString shifted_by(const QString& where, int bytes)
{
    QStringList words = where.split(' ');
    words[2] = QString::number(words[2].toInt() + bytes);
    return words.join(' ');
}

QString code_point_name(char32_t c) { return QString("U+%1").arg(uint(c), 4, 16, QChar('0')).toUpper(); }

std::string u8(const char32_t* text) { return i3::encode_utf8(text); }

QString hex(const std::string& bytes) { return QString::fromLatin1(QByteArray::fromStdString(bytes).toHex(' ')); }

// A torch.save archive whose data.pkl is one pickled str (protocol 2: BINUNICODE, STOP) holding
// `bytes`, whether or not they are UTF-8.
void write_pickled_string(const std::string& path, const std::string& bytes)
{
    std::string pickle = "\x80\x02X";
    for (int i = 0; i < 4; ++i)
        pickle += static_cast<char>((bytes.size() >> (8 * i)) & 0xff);
    pickle += bytes + ".";
    caffe2::serialize::PyTorchStreamWriter writer(path);
    writer.writeRecord("data.pkl", pickle.data(), pickle.size());
    writer.writeEndOfFile();
}

} // namespace

class TestUnicodeText : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    void write(const QString& name, const std::string& bytes)
    {
        QFile file(dir_.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes.data(), static_cast<qint64>(bytes.size()));
    }

    std::string read(const QString& name)
    {
        QFile file(dir_.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll().toStdString();
    }

    QString python_unicode_version_; // what python_lower.py last printed

    // Python's str.lower() of each line.
    std::vector<std::u32string> python_lower_lines(const std::vector<std::u32string>& lines)
    {
        std::u32string joined;
        for (size_t i = 0; i < lines.size(); ++i)
            joined += (i ? U"\n" : U"") + lines[i];
        write("lower-in.txt", i3::encode_utf8(joined));
        const auto result = i3test::run_python("python_lower.py", {dir_.filePath("lower-in.txt"), dir_.filePath("lower-out.txt")});
        if (result.exit_code != 0)
            qWarning("python_lower.py failed: %s", result.err.constData());
        python_unicode_version_ = QString::fromUtf8(result.out).trimmed();
        std::vector<std::u32string> lowered;
        std::u32string line;
        for (const char32_t c : i3::decode_utf8(read("lower-out.txt"))) {
            if (c == U'\n') {
                lowered.push_back(line);
                line.clear();
            } else {
                line.push_back(c);
            }
        }
        lowered.push_back(line);
        return lowered;
    }

    // Compares ICU's lowering (python_lower()) and the tokenizer's (table_lower()) with Python line
    // by line; returns the lines where either differs.
    std::vector<size_t> lines_lowered_differently(const std::vector<std::u32string>& lines)
    {
        const auto python = python_lower_lines(lines);
        if (python.size() != lines.size())
            qFatal("python_lower.py returned %zu lines for %zu", python.size(), lines.size());
        std::vector<size_t> differ;
        for (size_t i = 0; i < lines.size(); ++i)
            if (icu_lower(lines[i]) != python[i] || table_lower(lines[i]) != python[i])
                differ.push_back(i);
        return differ;
    }

    // The lines that the table lowers differently from ICU: none may (the tokenizer's output is
    // ICU's, new Unicode 15 code points included).
    // Lowering lines joined by spaces (where the final-sigma rule stops looking) is quick; only
    // when the two differ are those lines compared one by one, to name the first that does.
    static void expect_table_lowers_as_icu(const std::vector<std::u32string>& lines)
    {
        constexpr size_t kBatch = 65536;
        for (size_t first = 0; first < lines.size(); first += kBatch) {
            const size_t end = std::min(lines.size(), first + kBatch);
            std::u32string joined;
            for (size_t i = first; i < end; ++i)
                joined += lines[i] + U" ";
            if (table_lower(joined) == icu_lower(joined))
                continue;
            for (size_t i = first; i < end; ++i)
                if (table_lower(lines[i]) != icu_lower(lines[i]))
                    QFAIL(qPrintable("the table lowers differently from ICU: " +
                                     QString::fromStdString(i3::encode_utf8(lines[i])) + " (" +
                                     code_point_name(lines[i].front()) + "...)"));
            QFAIL("lines joined lower differently, each line alike");
        }
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void encodesByHand()
    {
        // Each boundary of the 1-, 2-, 3- and 4-byte forms, written out from the UTF-8 table.
        QCOMPARE(u8(U"A"), std::string("A"));
        QCOMPARE(i3::encode_utf8(std::u32string(1, U'\0')), std::string(1, '\0'));
        QCOMPARE(u8(U"\u007F"), std::string("\x7F"));
        QCOMPARE(u8(U"\u0080"), std::string("\xC2\x80"));
        QCOMPARE(u8(U"\u00E9"), std::string("\xC3\xA9"));
        QCOMPARE(u8(U"\u07FF"), std::string("\xDF\xBF"));
        QCOMPARE(u8(U"\u0800"), std::string("\xE0\xA0\x80"));
        QCOMPARE(u8(U"\uD7FF"), std::string("\xED\x9F\xBF"));
        QCOMPARE(u8(U"\uE000"), std::string("\xEE\x80\x80"));
        QCOMPARE(u8(U"\uFFFF"), std::string("\xEF\xBF\xBF"));
        QCOMPARE(u8(U"\U00010000"), std::string("\xF0\x90\x80\x80"));
        QCOMPARE(u8(U"\U0001F600"), std::string("\xF0\x9F\x98\x80"));
        QCOMPARE(u8(U"\U0010FFFF"), std::string("\xF4\x8F\xBF\xBF"));
        QCOMPARE(i3::decode_utf8("caf\xC3\xA9 \xF0\x9F\x98\x80"), std::u32string(U"caf\u00E9 \U0001F600"));
    }

    void everyCodePointRoundTripsAsQtEncodesIt()
    {
        std::u32string all;
        for (char32_t c = 0; c <= 0x10FFFF; ++c)
            if (!is_surrogate(c))
                all.push_back(c);
        const std::string bytes = i3::encode_utf8(all);
        const QByteArray qt = QString::fromUcs4(all.data(), static_cast<qsizetype>(all.size())).toUtf8();
        QCOMPARE(QByteArray::fromStdString(bytes), qt);
        QVERIFY(i3::is_valid_utf8(bytes));
        QVERIFY(i3::decode_utf8(bytes) == all);
    }

    void refusesToEncodeWhatIsNotACodePoint()
    {
        QVERIFY_THROWS_EXCEPTION(i3::Error, i3::encode_utf8(std::u32string(1, char32_t(0xD800))));
        QVERIFY_THROWS_EXCEPTION(i3::Error, i3::encode_utf8(std::u32string(1, char32_t(0x110000))));
    }

    void namesEachKindOfInvalidInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("problem");
        // where: the offset of the first byte of the bad sequence (from 0) and its line (from 1).
        QTest::newRow("stray continuation") << QByteArray("ab\x80", 3) << "at byte 2 (line 1)" << "continuation byte";
        QTest::newRow("overlong 2-byte") << QByteArray("\xC0\xAF") << "at byte 0 (line 1)" << "overlong";
        QTest::newRow("overlong C1") << QByteArray("x\xC1\xBF") << "at byte 1 (line 1)" << "overlong";
        QTest::newRow("overlong 3-byte") << QByteArray("\n\xE0\x80\xAF") << "at byte 1 (line 2)" << "overlong";
        QTest::newRow("overlong 4-byte") << QByteArray("\xF0\x8F\xBF\xBF") << "at byte 0 (line 1)" << "overlong";
        QTest::newRow("surrogate") << QByteArray("a\nb\n\xED\xA0\x80") << "at byte 4 (line 3)" << "surrogate";
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << "at byte 0 (line 1)" << "above U+10FFFF";
        QTest::newRow("F5 lead byte") << QByteArray("ok \xF5\x80\x80\x80") << "at byte 3 (line 1)" << "never occurs";
        QTest::newRow("FF byte") << QByteArray("\xFF") << "at byte 0 (line 1)" << "never occurs";
        QTest::newRow("cut short at the end") << QByteArray("x\n\xE2\x82") << "at byte 2 (line 2)" << "end of the text";
        QTest::newRow("cut short inside") << QByteArray("\xE2\x28\xA1") << "at byte 0 (line 1)" << "not a continuation";
        QTest::newRow("4-byte cut short") << QByteArray("\xF0\x9F\x98 ") << "at byte 0 (line 1)" << "not a continuation";
    }

    void namesEachKindOfInvalidInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, where);
        QFETCH(QString, problem);
        const std::string text = bytes.toStdString();
        QVERIFY(!i3::is_valid_utf8(text));
        // decode_utf8 and the tokenizer's lowering (also after a capital sigma, whose look ahead
        // meets the bad bytes first) say the same.
        const std::vector<std::function<void()>> readers = {
            [&] { i3::decode_utf8(text, "notes.txt"); },
            [&] { i3::LoweredText().assign(text, "notes.txt"); },
            [&] { i3::LoweredText().assign("A\xCE\xA3" + text, "notes.txt"); },
        };
        for (size_t reader = 0; reader < readers.size(); ++reader) {
            const QString expected = reader < 2 ? where : shifted_by(where, 3);
            try {
                readers[reader]();
                QFAIL("no error");
            } catch (const i3::Error& error) {
                const QString message = QString::fromUtf8(error.what());
                QVERIFY2(message.startsWith("notes.txt: invalid UTF-8 " + expected), qPrintable(message));
                QVERIFY2(message.contains(problem), qPrintable(message));
            }
        }
    }

    // The unpickler used to check its strings with a validator of its own that took overlong
    // forms, surrogates and code points above U+10FFFF; it now uses is_valid_utf8.
    void pickledStringsAreStrictUtf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("2-byte and 4-byte forms") << QByteArray("caf\xC3\xA9 \xF0\x9F\x98\x80") << true;
        QTest::newRow("overlong 2-byte") << QByteArray("\xC0\xAF") << false;
        QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x80\xAF") << false;
        QTest::newRow("surrogate") << QByteArray("a\xED\xA0\x80") << false;
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false;
    }

    void pickledStringsAreStrictUtf8()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        const std::string path = dir_.filePath("string.pt").toStdString();
        write_pickled_string(path, bytes.toStdString());
        try {
            const i3::PickleValue value = i3::read_torch_zip(path);
            QVERIFY2(valid, "accepted");
            QVERIFY(value.is_string(bytes.toStdString()));
        } catch (const i3::Error& error) {
            QVERIFY2(!valid, error.what());
            QVERIFY2(QString::fromUtf8(error.what()).contains("a string is not valid UTF-8"), error.what());
        }
    }

    void agreesWithPythonsDecoderOnEveryShortByteString()
    {
        // Every string of 1 to 4 bytes drawn from the bytes where UTF-8's rules change.
        const unsigned char interesting[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                             0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
                                             0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        std::vector<std::string> samples{""};
        for (size_t begin = 0, length = 1; length <= 4; ++length) {
            const size_t end = samples.size();
            for (size_t i = begin; i < end; ++i)
                for (const unsigned char byte : interesting)
                    samples.push_back(samples[i] + char(byte));
            begin = end;
        }
        samples.erase(samples.begin());
        std::string listing;
        for (const auto& sample : samples)
            listing += QByteArray::fromStdString(sample).toHex().toStdString() + "\n";
        write("utf8-in.txt", listing);
        const auto result = i3test::run_python("utf8_check.py", {dir_.filePath("utf8-in.txt"), dir_.filePath("utf8-out.txt")});
        QVERIFY2(result.exit_code == 0, result.err.constData());
        const QList<QByteArray> verdicts = QByteArray::fromStdString(read("utf8-out.txt")).split('\n');
        QCOMPARE(size_t(verdicts.size()), samples.size());

        size_t rejected = 0;
        for (size_t i = 0; i < samples.size(); ++i) {
            const int python_error_at = verdicts[int(i)].toInt();
            QVERIFY2((python_error_at < 0) == i3::is_valid_utf8(samples[i]), qPrintable(hex(samples[i])));
            if (python_error_at < 0) {
                QCOMPARE(i3::encode_utf8(i3::decode_utf8(samples[i])), samples[i]);
                continue;
            }
            ++rejected;
            try {
                i3::decode_utf8(samples[i]);
                QFAIL(qPrintable("accepted " + hex(samples[i])));
            } catch (const i3::Error& error) {
                const QString expected = QString("invalid UTF-8 at byte %1 ").arg(python_error_at);
                QVERIFY2(QString::fromUtf8(error.what()).contains(expected),
                         qPrintable(hex(samples[i]) + ": " + error.what()));
            }
        }
        QVERIFY(rejected > samples.size() / 2); // the sample really exercises the errors
    }

    void lowersEveryCodePointAsPythonDoes()
    {
        // One line per code point, over all of Unicode: none lowers differently, new in Unicode
        // 15 or not (they are all uncased).
        std::vector<std::u32string> lines;
        for (const char32_t c : line_code_points())
            lines.emplace_back(1, c);
        for (const size_t i : lines_lowered_differently(lines))
            QFAIL(qPrintable(code_point_name(lines[i][0]) + " lowers differently from Python"));
        size_t changed = 0;
        for (const auto& line : lines)
            changed += i3::python_lower(line) != line;
        QVERIFY(changed > 1400); // Python 3.11 lowers 1,433 code points; the comparison really compared
        QCOMPARE(i3::python_lower(U"\u0130"), std::u32string(U"i\u0307")); // İ: two code points
        QCOMPARE(i3::python_lower(std::string("\xC4\xB0")), std::string("i\xCC\x87")); // the same in UTF-8
        QCOMPARE(table_lower(U"x\u0130\u0130y"), std::u32string(U"xi\u0307i\u0307y"));
    }

    void tableEntriesByHand()
    {
        namespace lt = i3::lowercase_table;
        QCOMPARE(lt::entry(U'\u00C9'), lt::kFilled | lt::kCased | U'\u00E9');         // É -> é
        QCOMPARE(lt::entry(U'\u0416'), lt::kFilled | lt::kCased | U'\u0436');         // Ж -> ж
        QCOMPARE(lt::entry(U'\u00E9'), lt::kFilled | lt::kCased | U'\u00E9');         // é stays
        QCOMPARE(lt::entry(U'\''), lt::kFilled | lt::kCaseIgnorable | U'\'');         // MidNumLet
        QCOMPARE(lt::entry(U'\u0301'), lt::kFilled | lt::kCaseIgnorable | U'\u0301'); // a combining accent
        QCOMPARE(lt::entry(U' '), lt::kFilled | U' ');                                // neither
        QCOMPARE(lt::entry(U'\u4E2D'), lt::kFilled | U'\u4E2D');                      // 中: uncased
        QCOMPARE(lt::entry(U'\u0130'), lt::kFilled | lt::kCased | lt::kSeveral);      // İ -> i + U+0307
        QCOMPARE(lt::entry(lt::kCapitalSigma), lt::kFilled | lt::kCased | lt::kSigma | lt::kSmallSigma);
    }

    void tableLowersEveryCodePointAsIcuDoes()
    {
        // Each code point alone and in every place beside a capital sigma that the final-sigma
        // rule looks at, with no exceptions: the tokenizer's output is ICU's.
        std::vector<std::u32string> lines;
        for (char32_t c = 0; c <= 0x10FFFF; ++c) {
            if (is_surrogate(c))
                continue;
            const std::u32string one(1, c);
            for (const std::u32string& line : {one, one + U"\u03A3", U"A" + one + U"\u03A3", U"A\u03A3" + one,
                                               U"A\u03A3" + one + U"B", U"\u03A3" + one, U"A" + one})
                lines.push_back(line);
        }
        expect_table_lowers_as_icu(lines);
        // Long runs of what the rule skips, both ways, and texts that end or start at a sigma.
        expect_table_lowers_as_icu({U"A''''\u0301\u0301\u03A3", U"A\u03A3.'.\u00AD\u0301.", U"A\u03A3.'.\u00AD\u0301.b",
                                    U"1''\u03A3", U"\u03A3\u03A3\u03A3", U"\u03A3''\u03A3", U"\u0130\u03A3\u0130",
                                    U"\U0001E030\u03A3", U"A\u03A3\U0001E030", U"\u0ECE\u03A3 A\u0ECE\u03A3"});
    }

    void knowsWhichCharactersAreCasedOrCaseIgnorable()
    {
        // Around a capital sigma each code point c shows Python's view of it:
        //   c + Σ        final only if c is cased (and not case-ignorable)
        //   A + c + Σ    final if c is cased or case-ignorable
        //   AΣ + c       final unless c is cased and not case-ignorable
        //   AΣ + c + B   final only if c is neither
        const std::vector<char32_t> context = line_code_points();
        std::vector<std::u32string> lines;
        for (const char32_t c : context) {
            const std::u32string one(1, c);
            lines.push_back(one + U"\u03A3");
            lines.push_back(U"A" + one + U"\u03A3");
            lines.push_back(U"A\u03A3" + one);
            lines.push_back(U"A\u03A3" + one + U"B");
        }
        std::vector<char32_t> differ;
        for (const size_t i : lines_lowered_differently(lines))
            if (differ.empty() || differ.back() != context[i / 4])
                differ.push_back(context[i / 4]);
        for (const char32_t c : differ)
            if (!is_new_in_unicode_15(c))
                QFAIL(qPrintable("a capital sigma beside " + code_point_name(c) + " lowers differently from Python"));
        // Python on Unicode 14 tells every one of them apart; a Python on Unicode 15 none.
        if (python_unicode_version_ == "14.0.0")
            QCOMPARE(differ.size(), new_in_unicode_15_count());
        qInfo("Python's Unicode %s: %zu code points new in Unicode 15 change a neighbouring sigma",
              qPrintable(python_unicode_version_), differ.size());
    }

    void lowersFuzzedStringsAsPythonDoes()
    {
        // Random strings over letters that lowercase in many ways, sigmas, the characters the
        // final-sigma rule skips (apostrophes, full stops, accents, modifier letters, format
        // characters) and ones that stop it (spaces, digits, uncased letters), in every mix.
        const std::u32string alphabet =
            U"AaZz \u03A3\u03A3\u03A3\u03C3\u03C2\u0391\u03B1\u1F08\u1F88\u1FBC\u0130\u0049\u0131"
            U"'.:^`\u00AD\u00B7\u0301\u0345\u02B0\u1D2C\u200B\u200D\u2019\uFE0F\U0001E030\u0ECE"
            U"19_-\u00DF\u1E9E\u01C5\u01C4\u2160\u24B6\uFF21\u0531\u10A0\u13A0\U00010400\u2C00"
            U"\u0410\u04C0\u0587\uFB00\u05D0\u4E2D\U0001F600\t";
        uint64_t state = 2024;
        const auto next = [&state](uint64_t bound) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return (state >> 33) % bound;
        };
        std::vector<std::u32string> lines;
        for (int i = 0; i < 50000; ++i) {
            std::u32string line;
            const uint64_t length = 1 + next(12);
            for (uint64_t k = 0; k < length; ++k)
                line.push_back(next(8) == 0 ? char32_t(next(0x30000)) : alphabet[next(alphabet.size())]);
            if (std::all_of(line.begin(), line.end(), [](char32_t c) { return !is_surrogate(c) && c != U'\n'; }))
                lines.push_back(line);
        }
        for (const size_t i : lines_lowered_differently(lines))
            if (std::none_of(lines[i].begin(), lines[i].end(), is_new_in_unicode_15))
                QFAIL(qPrintable("lowers differently from Python: " + QString::fromStdString(i3::encode_utf8(lines[i]))));
        // Sanity: the strings hold final and non-final sigmas by the thousand.
        size_t finals = 0, others = 0;
        for (const auto& line : lines) {
            const std::u32string lowered = i3::python_lower(line);
            finals += static_cast<size_t>(std::count(lowered.begin(), lowered.end(), U'\u03C2'));
            others += static_cast<size_t>(std::count(lowered.begin(), lowered.end(), U'\u03C3'));
        }
        QVERIFY2(finals > 2000 && others > 2000, qPrintable(QString("%1 final, %2 other").arg(finals).arg(others)));
        expect_table_lowers_as_icu(lines);
    }

    void finalSigma_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("lowered");
        // Σ is final (ς) after a cased letter when no cased letter follows; '.', ''' and
        // combining accents are skipped when looking both ways.
        QTest::newRow("word end") << QString::fromUtf8("ΟΔΟΣ") << QString::fromUtf8("οδος");
        QTest::newRow("two words") << QString::fromUtf8("ΣΑΣ ΣΑΣ") << QString::fromUtf8("σας σας");
        QTest::newRow("alone") << QString::fromUtf8("Σ") << QString::fromUtf8("σ");
        QTest::newRow("before a full stop") << QString::fromUtf8("AΣ.") << QString::fromUtf8("aς.");
        QTest::newRow("apostrophe then letter") << QString::fromUtf8("AΣ'B") << QString::fromUtf8("aσ'b");
        QTest::newRow("after an apostrophe") << QString::fromUtf8("A'Σ") << QString::fromUtf8("a'ς");
        QTest::newRow("digit before") << QString::fromUtf8("1Σ") << QString::fromUtf8("1σ");
        QTest::newRow("accent after") << QString::fromUtf8("ΑΣ\u0301") << QString::fromUtf8("ας\u0301");
        QTest::newRow("accent then letter") << QString::fromUtf8("ΑΣ\u0301Α") << QString::fromUtf8("ασ\u0301α");
        QTest::newRow("sentence") << QString::fromUtf8("Ο ΚΌΣΜΟΣ, ΌΣΟΙ ΣΑΣ.") << QString::fromUtf8("ο κόσμος, όσοι σας.");
        QTest::newRow("dotted I") << QString::fromUtf8("İSTANBUL") << QString::fromUtf8("i\u0307stanbul");
        QTest::newRow("skipped both ways") << QString::fromUtf8("A.'\u0301Σ\u0301'.B") << QString::fromUtf8("a.'\u0301σ\u0301'.b");
        QTest::newRow("soft hyphens, then the end") << QString::fromUtf8("A\u00AD\u00ADΣ\u00AD") << QString::fromUtf8("a\u00AD\u00ADς\u00AD");
        QTest::newRow("before a dotted I") << QString::fromUtf8("AΣİ") << QString::fromUtf8("aσi\u0307");
        QTest::newRow("in a longer text") << QString::fromUtf8("Der ΚΌΣΜΟΣ über ΣΑΣ, café") << QString::fromUtf8("der κόσμος über σας, café");
    }

    void finalSigma()
    {
        QFETCH(QString, text);
        QFETCH(QString, lowered);
        const std::u32string ours = i3::python_lower(i3::decode_utf8(text.toStdString()));
        QCOMPARE(QString::fromStdString(i3::encode_utf8(ours)), lowered);
        const std::u32string table = table_lower(i3::decode_utf8(text.toStdString()));
        QCOMPARE(QString::fromStdString(i3::encode_utf8(table)), lowered);
        const auto python = python_lower_lines({i3::decode_utf8(text.toStdString())});
        QCOMPARE(QString::fromStdString(i3::encode_utf8(python.at(0))), lowered);
    }
};

QTEST_GUILESS_MAIN(TestUnicodeText)
#include "test_unicode_text.moc"
