// SPDX-License-Identifier: GPL-3.0-or-later
// Text as the reference's Python sees it: strict UTF-8 in and out, and Python's str.lower().
//
// python_lower() follows Python 3.11's str.lower() (Unicode 14) exactly for these code points:
//   U+0000-017F  ASCII, Latin-1 Supplement, Latin Extended-A (U+0130 İ becomes "i" + U+0307)
//   U+01CD-01DC, U+01DE-01EF, U+01F8-021F, U+0222-0233, U+0246-024F
//                the regular upper/lower pairs of Latin Extended-B (pinyin ǎ, Romanian ș ț, ...)
//   U+0370-03FF  Greek and Coptic, Σ included (see below)
//   U+0400-052F  Cyrillic and Cyrillic Supplement
//   U+1E00-1EFF  Latin Extended Additional (ẞ becomes ß)
//   U+1F00-1FFF  Greek Extended (capitals with ypogegrammeni become their lowercase, as in Python)
// Every other code point is returned unchanged. Python differs there for the cased letters of
// other scripts and blocks: the rest of Latin Extended-B (U+0180-01CC, U+01F1-01F7, U+0220,
// U+023A-0245), Armenian, Georgian, Cherokee, Glagolitic, Latin Extended-C/D, Roman numerals,
// circled letters, fullwidth Latin, Deseret, ...
//
// Capital sigma Σ becomes final ς where Python's Final_Sigma rule holds: a cased letter comes
// before it and none comes after it, case-ignorable characters (marks, apostrophes, ...) being
// skipped on both sides. Python's Cased and Case_Ignorable properties are reproduced exactly for
// U+0000-052F, U+1AB0-1AFF, U+1DC0-206F, U+20D0-20FF, U+FE00-FE0F, U+FE20-FE2F and U+FEFF;
// everything else counts as neither, so a letter of another cased script (Armenian, fullwidth
// Latin, ...) right next to a Σ can give a different sigma than Python.
#pragma once

#include "base/error.h" // what decoding throws for bad input

#include <string>
#include <string_view>

namespace i3 {

// Decodes UTF-8, rejecting overlong forms, surrogates, code points above U+10FFFF, stray
// continuation bytes and truncated sequences. The i3::Error reads
// "<what>: invalid UTF-8 at byte <offset from 0> (line <from 1>): <the problem>".
std::u32string decode_utf8(std::string_view bytes, const std::string& what = "text");

// Encodes code points as UTF-8; throws i3::Error for a surrogate or a value above U+10FFFF.
std::string encode_utf8(std::u32string_view text);

bool is_valid_utf8(std::string_view bytes);

// Python's str.lower() for the ranges listed above.
std::u32string python_lower(std::u32string_view text);

} // namespace i3
