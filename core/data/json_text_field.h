// SPDX-License-Identifier: GPL-3.0-or-later
// The text of a JSON Lines line without a JSON document: nlohmann's parser builds every value of
// the line as a tree and costs more than the tokenizer does on the same bytes, while the line is
// nearly always an object with one string field to take. This scanner checks the whole line
// against JSON's grammar as strictly as nlohmann does (numbers that overflow a double included)
// and decodes the one field; where it meets anything else (a mistake, the field missing or twice,
// a key written with escapes, nesting past kMaxJsonDepth) it declines, and the caller parses the
// line as a document, which accepts it the same way or names the mistake.
#pragma once

#include <string>
#include <string_view>

namespace i3 {

// True when `line` (valid UTF-8, as FileLines yields it) is one JSON object holding the string
// field `field` exactly once: then `text` holds its decoded value. False otherwise, `text` then
// undefined.
bool json_text_field(std::string_view line, std::string_view field, std::string& text);

} // namespace i3
