// SPDX-License-Identifier: GPL-3.0-or-later
// Strict UTF-8 and Python's str.lower(), checked against QString's encoder and Python itself.
// LibTorch comes before any Qt header: Qt's `slots` macro breaks LibTorch's IValue::slots().
#include "formats/torch_pickle.h"

#include <caffe2/serialize/inline_container.h>

#include "base/error.h"
#include "test_support.h"
#include "text/unicode_text.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

namespace {

bool is_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

// The ranges unicode_text.h promises python_lower() agrees with Python on.
bool lowering_is_covered(char32_t c)
{
    return c <= 0x017F || (c >= 0x01CD && c <= 0x01DC) || (c >= 0x01DE && c <= 0x01EF) ||
           (c >= 0x01F8 && c <= 0x021F) || (c >= 0x0222 && c <= 0x0233) || (c >= 0x0246 && c <= 0x024F) ||
           (c >= 0x0370 && c <= 0x052F) || (c >= 0x1E00 && c <= 0x1FFF);
}

// The ranges where the final-sigma rule knows which characters are cased or case-ignorable.
std::vector<char32_t> sigma_context_code_points()
{
    const std::pair<char32_t, char32_t> ranges[] = {{0x0000, 0x052F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x206F},
                                                    {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
                                                    {0xFEFF, 0xFEFF}};
    std::vector<char32_t> code_points;
    for (const auto& [first, last] : ranges)
        for (char32_t c = first; c <= last; ++c)
            if (c != U'\n')
                code_points.push_back(c);
    return code_points;
}

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
        try {
            i3::decode_utf8(text, "notes.txt");
            QFAIL("no error");
        } catch (const i3::Error& error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.startsWith("notes.txt: invalid UTF-8 " + where), qPrintable(message));
            QVERIFY2(message.contains(problem), qPrintable(message));
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

    void lowersEveryCoveredCodePointAsPythonDoes()
    {
        // One line per code point (but "\n", the separator), over all of Unicode: inside the
        // covered ranges the result must be Python's, outside them the code point itself.
        std::vector<std::u32string> lines;
        for (char32_t c = 0; c <= 0x10FFFF; ++c)
            if (!is_surrogate(c) && c != U'\n')
                lines.emplace_back(1, c);
        const auto python = python_lower_lines(lines);
        QCOMPARE(python.size(), lines.size());
        size_t differs_from_itself = 0;
        for (size_t i = 0; i < lines.size(); ++i) {
            const char32_t c = lines[i][0];
            const std::u32string ours = i3::python_lower(lines[i]);
            const std::u32string expected = lowering_is_covered(c) ? python[i] : lines[i];
            if (ours != expected)
                QFAIL(qPrintable(QString("U+%1 lowers differently").arg(uint(c), 4, 16, QChar('0'))));
            differs_from_itself += ours != lines[i];
        }
        // Sanity: the covered ranges do hold hundreds of capitals (A-Z alone are 26).
        QVERIFY(differs_from_itself > 500);
        QCOMPARE(i3::python_lower(U"\u0130"), std::u32string(U"i\u0307")); // İ: two code points
    }

    void knowsWhichCharactersAreCasedOrCaseIgnorable()
    {
        // Around a capital sigma each context character c shows Python's view of it:
        //   c + Σ        final only if c is cased (and not case-ignorable)
        //   A + c + Σ    final if c is cased or case-ignorable
        //   AΣ + c       final unless c is cased and not case-ignorable
        //   AΣ + c + B   final only if c is neither
        std::vector<std::u32string> lines;
        for (const char32_t c : sigma_context_code_points()) {
            const std::u32string one(1, c);
            lines.push_back(one + U"\u03A3");
            lines.push_back(U"A" + one + U"\u03A3");
            lines.push_back(U"A\u03A3" + one);
            lines.push_back(U"A\u03A3" + one + U"B");
        }
        // Context characters outside the lowering ranges may lower differently themselves (Ɓ),
        // so the sigmas are compared on their own.
        const auto sigmas = [](const std::u32string& text) {
            std::u32string kept;
            std::copy_if(text.begin(), text.end(), std::back_inserter(kept),
                         [](char32_t c) { return c == U'\u03C3' || c == U'\u03C2'; });
            return kept;
        };
        const auto python = python_lower_lines(lines);
        QCOMPARE(python.size(), lines.size());
        for (size_t i = 0; i < lines.size(); ++i) {
            const std::u32string ours = i3::python_lower(lines[i]);
            if (sigmas(ours) != sigmas(python[i]) || sigmas(ours).empty())
                QFAIL(qPrintable("the sigma differs from Python's: " + QString::fromStdString(i3::encode_utf8(lines[i]))));
        }
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
    }

    void finalSigma()
    {
        QFETCH(QString, text);
        QFETCH(QString, lowered);
        const std::u32string ours = i3::python_lower(i3::decode_utf8(text.toStdString()));
        QCOMPARE(QString::fromStdString(i3::encode_utf8(ours)), lowered);
        const auto python = python_lower_lines({i3::decode_utf8(text.toStdString())});
        QCOMPARE(QString::fromStdString(i3::encode_utf8(python.at(0))), lowered);
    }
};

QTEST_GUILESS_MAIN(TestUnicodeText)
#include "test_unicode_text.moc"
