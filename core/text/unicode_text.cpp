// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/unicode_text.h"

#include "base/error.h"

#include <unicode/casemap.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>

namespace i3 {

namespace {

// ---- UTF-8 -----------------------------------------------------------------------------------

[[noreturn]] void throw_invalid_utf8(std::string_view bytes, size_t offset, const std::string& what,
                                     const char* problem, size_t first_byte = 0, size_t first_line = 1)
{
    const auto line = first_line +
                      static_cast<size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    throw Error(what + ": invalid UTF-8 at byte " + std::to_string(first_byte + offset) + " (line " +
                std::to_string(line) + "): " + problem);
}

// ---- Lowercasing through ICU --------------------------------------------------------------------

// ICU counts lengths in int32_t; longer texts are lowered in pieces. Only the final-sigma rule
// looks at neighbours, and only across case-ignorable characters, which a space is not: pieces
// that end after a space lower exactly as the whole text does.
constexpr size_t kLargestPiece = size_t(1) << 30;

size_t piece_end(std::string_view utf8, size_t start)
{
    if (utf8.size() - start <= kLargestPiece)
        return utf8.size();
    const size_t space = utf8.rfind(' ', start + kLargestPiece - 1);
    if (space == std::string_view::npos || space < start)
        throw Error("cannot lowercase a text with more than " + std::to_string(kLargestPiece) +
                    " bytes between two spaces");
    return space + 1;
}

// Appends ICU's full lowercase mapping for the root locale (no Turkish or Lithuanian rules),
// which is Python's str.lower(): SpecialCasing's unconditional mappings and Final_Sigma.
void append_icu_lower(std::string_view utf8, std::string& lowered)
{
    const size_t offset = lowered.size();
    // Lowercasing rarely grows UTF-8 (U+0130 İ: 2 bytes to 3; U+023A Ⱥ: 2 to 3); room for a
    // little growth spares most texts a second pass.
    size_t capacity = utf8.size() + utf8.size() / 8 + 16;
    for (;;) {
        lowered.resize(offset + capacity);
        UErrorCode status = U_ZERO_ERROR;
        const int32_t length = icu::CaseMap::utf8ToLower(
            "", 0, utf8.data(), static_cast<int32_t>(utf8.size()), lowered.data() + offset,
            static_cast<int32_t>(std::min<size_t>(capacity, std::numeric_limits<int32_t>::max())), nullptr, status);
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            capacity = static_cast<size_t>(length);
            continue;
        }
        if (U_FAILURE(status))
            throw Error(std::string("ICU could not lowercase a text: ") + u_errorName(status));
        lowered.resize(offset + static_cast<size_t>(length));
        return;
    }
}

std::string code_point_name(char32_t c)
{
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
    return name;
}

} // namespace

std::u32string decode_utf8(std::string_view bytes, const std::string& what)
{
    std::u32string text;
    decode_utf8(bytes, text, what);
    return text;
}

void decode_utf8(std::string_view bytes, std::u32string& text, const std::string& what)
{
    // Sized for the most code points there can be and cut back at the end: a store through a
    // pointer costs a fraction of a push_back for each code point.
    text.resize(bytes.size());
    char32_t* out = text.data();
    for (size_t i = 0; i < bytes.size();) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (byte < 0x80) {
            *out++ = byte;
            ++i;
            continue;
        }
        const Utf8Sequence sequence = decode_utf8_sequence(bytes, i);
        if (sequence.problem != nullptr)
            throw_invalid_utf8(bytes, i, what, sequence.problem);
        *out++ = sequence.code_point;
        i += sequence.length;
    }
    text.resize(static_cast<size_t>(out - text.data()));
}

bool is_valid_utf8(std::string_view bytes)
{
    for (size_t i = 0; i < bytes.size();) {
        // ASCII eight bytes at a time: JSON Lines written by Python's json.dumps are all ASCII.
        uint64_t eight = 0;
        while (i + 8 <= bytes.size() && (std::memcpy(&eight, bytes.data() + i, 8), (eight & 0x8080808080808080ULL) == 0))
            i += 8;
        if (i == bytes.size())
            break;
        if (static_cast<unsigned char>(bytes[i]) < 0x80) {
            ++i;
            continue;
        }
        const Utf8Sequence sequence = decode_utf8_sequence(bytes, i);
        if (sequence.problem != nullptr)
            return false;
        i += sequence.length;
    }
    return true;
}

void check_utf8(std::string_view bytes, const std::string& what, size_t first_byte, size_t first_line)
{
    if (is_valid_utf8(bytes))
        return;
    for (size_t i = 0; i < bytes.size();) {
        const Utf8Sequence sequence = decode_utf8_sequence(bytes, i);
        if (sequence.problem != nullptr)
            throw_invalid_utf8(bytes, i, what, sequence.problem, first_byte, first_line);
        i += sequence.length;
    }
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

std::string python_lower(std::string_view utf8, const std::string& what)
{
    if (!is_valid_utf8(utf8))
        decode_utf8(utf8, what); // throws, naming the first bad byte
    std::string lowered;
    for (size_t start = 0; start < utf8.size();) {
        const size_t end = piece_end(utf8, start);
        append_icu_lower(utf8.substr(start, end - start), lowered);
        start = end;
    }
    return lowered;
}

std::u32string python_lower(std::u32string_view text) { return decode_utf8(python_lower(encode_utf8(text))); }

} // namespace i3
