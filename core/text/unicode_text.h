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

// Encodes code points as UTF-8; throws i3::Error for a surrogate or a value above U+10FFFF.
std::string encode_utf8(std::u32string_view text);

bool is_valid_utf8(std::string_view bytes);
// Throws decode_utf8's i3::Error when `bytes` are not UTF-8, counting its byte offset and line from
// `first_byte` and `first_line`: where the bytes start in the file a reader takes them from piece
// by piece.
void check_utf8(std::string_view bytes, const std::string& what, size_t first_byte = 0, size_t first_line = 1);

// Python's str.lower() of UTF-8 text, as UTF-8; throws i3::Error as decode_utf8 does.
std::string python_lower(std::string_view utf8, const std::string& what = "text");
// The same for code points; throws i3::Error for a surrogate or a value above U+10FFFF.
std::u32string python_lower(std::u32string_view text);

} // namespace i3
