// SPDX-License-Identifier: GPL-3.0-or-later
// Text as the reference's Python sees it: strict UTF-8 in and out, and Python's str.lower().
//
// python_lower() is Python's str.lower() through ICU: the full lowercase mapping of the root locale
// (UnicodeData's simple mappings, SpecialCasing's unconditional ones such as U+0130 İ -> "i" +
// U+0307, and Final_Sigma: Σ becomes ς after a cased letter when no cased letter follows, skipping
// case-ignorable characters both ways), with none of the Turkish or Lithuanian rules, as Python
// has none. ICU's Unicode version may be newer than Python's; test_unicode_text names the code
// points where that shows.
#pragma once

#include "base/error.h" // what decoding throws for bad input

#include <cstddef>
#include <string>
#include <string_view>

namespace i3 {

// Decodes UTF-8, rejecting overlong forms, surrogates, code points above U+10FFFF, stray
// continuation bytes and truncated sequences. The i3::Error reads
// "<what>: invalid UTF-8 at byte <offset from 0> (line <from 1>): <the problem>".
std::u32string decode_utf8(std::string_view bytes, const std::string& what = "text");
// The same into `text`, replacing what it held (its capacity is kept for the next call).
void decode_utf8(std::string_view bytes, std::u32string& text, const std::string& what = "text");

// One UTF-8 sequence: its code point and byte length, or why the bytes are not UTF-8.
struct Utf8Sequence {
    char32_t code_point = 0;
    size_t length = 1;
    const char* problem = nullptr; // null when the sequence is valid
};
// The sequence that starts at bytes[start] (start < bytes.size()), checked as decode_utf8 checks;
// inline, as the tokenizer's lowering decodes each code point through it.
inline Utf8Sequence decode_utf8_sequence(std::string_view bytes, size_t start)
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

// Encodes code points as UTF-8; throws i3::Error for a surrogate or a value above U+10FFFF.
std::string encode_utf8(std::u32string_view text);

bool is_valid_utf8(std::string_view bytes);
// Throws decode_utf8's i3::Error when `bytes` are not UTF-8, counting its byte offset and line from
// `first_byte` and `first_line`: where the bytes start in the file a reader takes them from piece
// by piece.
void check_utf8(std::string_view bytes, const std::string& what, size_t first_byte = 0, size_t first_line = 1);

// Python's str.lower() of UTF-8 text, as UTF-8, by a call into ICU; throws i3::Error as decode_utf8
// does. (The tokenizer lowers through LoweredText, whose table is made from this.)
std::string python_lower(std::string_view utf8, const std::string& what = "text");
// The same for code points; throws i3::Error for a surrogate or a value above U+10FFFF.
std::u32string python_lower(std::u32string_view text);

} // namespace i3
