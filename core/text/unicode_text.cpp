// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/unicode_text.h"

#include "base/error.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iterator>

namespace i3 {

namespace {

// ---- UTF-8 -----------------------------------------------------------------------------------

// One decoded sequence: its code point and byte length, or why the bytes are not UTF-8.
struct Utf8Sequence {
    char32_t code_point = 0;
    size_t length = 1;
    const char* problem = nullptr;
};

Utf8Sequence decode_sequence(std::string_view bytes, size_t start)
{
    const auto lead = static_cast<unsigned char>(bytes[start]);
    if (lead < 0x80)
        return {lead, 1, nullptr};
    if (lead < 0xC0)
        return {0, 1, "a continuation byte (0x80-0xBF) where a character should start"};
    if (lead >= 0xF5)
        return {0, 1, "a byte (0xF5-0xFF) that never occurs in UTF-8"};

    // The lead byte says how many bytes follow and which values would be overlong.
    const size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    const char32_t smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    char32_t code_point = lead & (0x7F >> length);
    for (size_t k = 1; k < length; ++k) {
        if (start + k >= bytes.size())
            return {0, 1, "a multi-byte sequence cut short by the end of the text"};
        const auto next = static_cast<unsigned char>(bytes[start + k]);
        if ((next & 0xC0) != 0x80)
            return {0, 1, "a multi-byte sequence cut short (a byte that is not a continuation byte follows)"};
        code_point = (code_point << 6) | (next & 0x3F);
    }
    if (code_point < smallest)
        return {0, 1, "an overlong encoding"};
    if (code_point >= 0xD800 && code_point <= 0xDFFF)
        return {0, 1, "an encoded surrogate (U+D800-U+DFFF)"};
    if (code_point > 0x10FFFF)
        return {0, 1, "a code point above U+10FFFF"};
    return {code_point, length, nullptr};
}

[[noreturn]] void throw_invalid_utf8(std::string_view bytes, size_t offset, const std::string& what,
                                     const char* problem)
{
    const auto line = 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
    throw Error(what + ": invalid UTF-8 at byte " + std::to_string(offset) + " (line " + std::to_string(line) +
                "): " + problem);
}

// ---- Lowercasing as ranges of rules -------------------------------------------------------------

// Code points first..last map to code point + delta; with step 2 only every other one does
// (first, first + 2, ...), the usual layout of upper/lower pairs.
struct LowerRule {
    char32_t first;
    char32_t last;
    int32_t delta;
    char32_t step;
};

// Sorted by `first`; Python 3.11's (Unicode 14) single-code-point lowercase mappings for the
// ranges listed in unicode_text.h. U+0130 and U+03A3 are handled before this table is consulted.
constexpr LowerRule kLowerRules[] = {
    // Latin-1 Supplement (ASCII has its own fast path)
    {0x00C0, 0x00D6, 32, 1}, {0x00D8, 0x00DE, 32, 1},
    // Latin Extended-A
    {0x0100, 0x012E, 1, 2}, {0x0132, 0x0136, 1, 2}, {0x0139, 0x0147, 1, 2}, {0x014A, 0x0176, 1, 2},
    {0x0178, 0x0178, -121, 1}, {0x0179, 0x017D, 1, 2},
    // Latin Extended-B, the regular pair blocks only
    {0x01CD, 0x01DB, 1, 2}, {0x01DE, 0x01EE, 1, 2}, {0x01F8, 0x021E, 1, 2}, {0x0222, 0x0232, 1, 2},
    {0x0246, 0x024E, 1, 2},
    // Greek and Coptic
    {0x0370, 0x0372, 1, 2}, {0x0376, 0x0376, 1, 1}, {0x037F, 0x037F, 116, 1}, {0x0386, 0x0386, 38, 1},
    {0x0388, 0x038A, 37, 1}, {0x038C, 0x038C, 64, 1}, {0x038E, 0x038F, 63, 1}, {0x0391, 0x03A1, 32, 1},
    {0x03A4, 0x03AB, 32, 1}, {0x03CF, 0x03CF, 8, 1}, {0x03D8, 0x03EE, 1, 2}, {0x03F4, 0x03F4, -60, 1},
    {0x03F7, 0x03F7, 1, 1}, {0x03F9, 0x03F9, -7, 1}, {0x03FA, 0x03FA, 1, 1}, {0x03FD, 0x03FF, -130, 1},
    // Cyrillic and Cyrillic Supplement
    {0x0400, 0x040F, 80, 1}, {0x0410, 0x042F, 32, 1}, {0x0460, 0x0480, 1, 2}, {0x048A, 0x04BE, 1, 2},
    {0x04C0, 0x04C0, 15, 1}, {0x04C1, 0x04CD, 1, 2}, {0x04D0, 0x052E, 1, 2},
    // Latin Extended Additional
    {0x1E00, 0x1E94, 1, 2}, {0x1E9E, 0x1E9E, -7615, 1}, {0x1EA0, 0x1EFE, 1, 2},
    // Greek Extended: capitals sit 8 above their small letters, except the accented ones at the end
    {0x1F08, 0x1F0F, -8, 1}, {0x1F18, 0x1F1D, -8, 1}, {0x1F28, 0x1F2F, -8, 1}, {0x1F38, 0x1F3F, -8, 1},
    {0x1F48, 0x1F4D, -8, 1}, {0x1F59, 0x1F5F, -8, 2}, {0x1F68, 0x1F6F, -8, 1}, {0x1F88, 0x1F8F, -8, 1},
    {0x1F98, 0x1F9F, -8, 1}, {0x1FA8, 0x1FAF, -8, 1}, {0x1FB8, 0x1FB9, -8, 1}, {0x1FBA, 0x1FBB, -74, 1},
    {0x1FBC, 0x1FBC, -9, 1}, {0x1FC8, 0x1FCB, -86, 1}, {0x1FCC, 0x1FCC, -9, 1}, {0x1FD8, 0x1FD9, -8, 1},
    {0x1FDA, 0x1FDB, -100, 1}, {0x1FE8, 0x1FE9, -8, 1}, {0x1FEA, 0x1FEB, -112, 1}, {0x1FEC, 0x1FEC, -7, 1},
    {0x1FF8, 0x1FF9, -128, 1}, {0x1FFA, 0x1FFB, -126, 1}, {0x1FFC, 0x1FFC, -9, 1},
};

struct CodePointRange {
    char32_t first;
    char32_t last;
};

// Python's Case_Ignorable characters in the ranges listed in unicode_text.h: apostrophes, full
// stops, colons, middle dots, modifier letters and symbols, combining marks, format characters.
constexpr CodePointRange kCaseIgnorable[] = {
    {0x0027, 0x0027}, {0x002E, 0x002E}, {0x003A, 0x003A}, {0x005E, 0x005E}, {0x0060, 0x0060},
    {0x00A8, 0x00A8}, {0x00AD, 0x00AD}, {0x00AF, 0x00AF}, {0x00B4, 0x00B4}, {0x00B7, 0x00B8},
    {0x02B0, 0x036F}, {0x0374, 0x0375}, {0x037A, 0x037A}, {0x0384, 0x0385}, {0x0387, 0x0387},
    {0x0483, 0x0489}, {0x1AB0, 0x1ACE}, {0x1DC0, 0x1DFF}, {0x1FBD, 0x1FBD}, {0x1FBF, 0x1FC1},
    {0x1FCD, 0x1FCF}, {0x1FDD, 0x1FDF}, {0x1FED, 0x1FEF}, {0x1FFD, 0x1FFE}, {0x200B, 0x200F},
    {0x2018, 0x2019}, {0x2024, 0x2024}, {0x2027, 0x2027}, {0x202A, 0x202E}, {0x2060, 0x2064},
    {0x2066, 0x206F}, {0x20D0, 0x20F0}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
};

// Python's Cased characters in the same ranges, leaving out those that are also case-ignorable
// (modifier letters such as ʰ): the sigma rule skips those before it asks whether a letter is cased.
constexpr CodePointRange kCased[] = {
    {0x0041, 0x005A}, {0x0061, 0x007A}, {0x00AA, 0x00AA}, {0x00B5, 0x00B5}, {0x00BA, 0x00BA},
    {0x00C0, 0x00D6}, {0x00D8, 0x00F6}, {0x00F8, 0x01BA}, {0x01BC, 0x01BF}, {0x01C4, 0x0293},
    {0x0295, 0x02AF}, {0x0370, 0x0373}, {0x0376, 0x0377}, {0x037B, 0x037D}, {0x037F, 0x037F},
    {0x0386, 0x0386}, {0x0388, 0x038A}, {0x038C, 0x038C}, {0x038E, 0x03A1}, {0x03A3, 0x03F5},
    {0x03F7, 0x0481}, {0x048A, 0x052F}, {0x1E00, 0x1F15}, {0x1F18, 0x1F1D}, {0x1F20, 0x1F45},
    {0x1F48, 0x1F4D}, {0x1F50, 0x1F57}, {0x1F59, 0x1F59}, {0x1F5B, 0x1F5B}, {0x1F5D, 0x1F5D},
    {0x1F5F, 0x1F7D}, {0x1F80, 0x1FB4}, {0x1FB6, 0x1FBC}, {0x1FBE, 0x1FBE}, {0x1FC2, 0x1FC4},
    {0x1FC6, 0x1FCC}, {0x1FD0, 0x1FD3}, {0x1FD6, 0x1FDB}, {0x1FE0, 0x1FEC}, {0x1FF2, 0x1FF4},
    {0x1FF6, 0x1FFC},
};

template <typename Range, size_t N>
const Range* range_containing(const Range (&ranges)[N], char32_t c)
{
    // The last range starting at or before c is the only one that can hold it.
    const Range* after = std::upper_bound(std::begin(ranges), std::end(ranges), c,
                                          [](char32_t value, const Range& range) { return value < range.first; });
    if (after == std::begin(ranges))
        return nullptr;
    const Range* candidate = after - 1;
    return c <= candidate->last ? candidate : nullptr;
}

bool is_case_ignorable(char32_t c) { return range_containing(kCaseIgnorable, c) != nullptr; }
bool is_cased(char32_t c) { return range_containing(kCased, c) != nullptr; }

char32_t lower_one(char32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    const LowerRule* rule = range_containing(kLowerRules, c);
    if (rule == nullptr || (c - rule->first) % rule->step != 0)
        return c;
    return static_cast<char32_t>(static_cast<int32_t>(c) + rule->delta);
}

// Python's Final_Sigma: a cased letter before position i and none after it, skipping
// case-ignorable characters both ways.
bool is_final_sigma(std::u32string_view text, size_t i)
{
    size_t before = i;
    while (before > 0 && is_case_ignorable(text[before - 1]))
        --before;
    if (before == 0 || !is_cased(text[before - 1]))
        return false;
    size_t after = i + 1;
    while (after < text.size() && is_case_ignorable(text[after]))
        ++after;
    return after == text.size() || !is_cased(text[after]);
}

std::string code_point_name(char32_t c)
{
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
    return name;
}

constexpr char32_t kCapitalDottedI = 0x0130;
constexpr char32_t kCombiningDotAbove = 0x0307;
constexpr char32_t kCapitalSigma = 0x03A3;
constexpr char32_t kSmallSigma = 0x03C3;
constexpr char32_t kFinalSigma = 0x03C2;

} // namespace

std::u32string decode_utf8(std::string_view bytes, const std::string& what)
{
    std::u32string text;
    text.reserve(bytes.size());
    size_t i = 0;
    while (i < bytes.size()) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (byte < 0x80) {
            text.push_back(byte);
            ++i;
            continue;
        }
        const Utf8Sequence sequence = decode_sequence(bytes, i);
        if (sequence.problem != nullptr)
            throw_invalid_utf8(bytes, i, what, sequence.problem);
        text.push_back(sequence.code_point);
        i += sequence.length;
    }
    return text;
}

bool is_valid_utf8(std::string_view bytes)
{
    for (size_t i = 0; i < bytes.size();) {
        const Utf8Sequence sequence = decode_sequence(bytes, i);
        if (sequence.problem != nullptr)
            return false;
        i += sequence.length;
    }
    return true;
}

std::string encode_utf8(std::u32string_view text)
{
    std::string bytes;
    bytes.reserve(text.size());
    for (const char32_t c : text) {
        if (c < 0x80) {
            bytes.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            bytes.push_back(static_cast<char>(0xC0 | (c >> 6)));
            bytes.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            throw Error("cannot encode the surrogate " + code_point_name(c) + " as UTF-8");
        } else if (c < 0x10000) {
            bytes.push_back(static_cast<char>(0xE0 | (c >> 12)));
            bytes.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            bytes.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c <= 0x10FFFF) {
            bytes.push_back(static_cast<char>(0xF0 | (c >> 18)));
            bytes.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            bytes.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            bytes.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            throw Error("cannot encode " + code_point_name(c) + " as UTF-8: above U+10FFFF");
        }
    }
    return bytes;
}

std::u32string python_lower(std::u32string_view text)
{
    std::u32string lowered;
    lowered.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        if (c == kCapitalDottedI) {
            lowered.push_back(U'i');
            lowered.push_back(kCombiningDotAbove);
        } else if (c == kCapitalSigma) {
            lowered.push_back(is_final_sigma(text, i) ? kFinalSigma : kSmallSigma);
        } else {
            lowered.push_back(lower_one(c));
        }
    }
    return lowered;
}

} // namespace i3
