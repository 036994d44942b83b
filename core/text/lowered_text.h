// SPDX-License-Identifier: GPL-3.0-or-later
// A text lowercased as Python's str.lower() does, held in whichever form is cheaper to read: its
// bytes when every one is ASCII (then one byte is one code point), its code points otherwise.
// The tokenizer reads texts through one of these per thread, so the buffers are reused from text
// to text instead of being allocated for each.
#pragma once

#include "base/error.h" // what assign() throws for bad input

#include <string>
#include <string_view>

namespace i3 {

class LoweredText {
public:
    // Lowercases `utf8` as python_lower() does: ASCII by itself, anything else in one pass that
    // decodes, checks and lowers through lowercase_table.h. Throws i3::Error "<what>: invalid
    // UTF-8 at byte ..." when the bytes are not UTF-8.
    void assign(std::string_view utf8, const std::string& what);

    bool is_ascii() const { return ascii_; }
    // The lowered text when is_ascii().
    std::string_view ascii() const { return bytes_; }
    // The lowered text otherwise.
    std::u32string_view code_points() const { return code_points_; }

private:
    void lower_code_points(std::string_view utf8, const std::string& what);

    bool ascii_ = true;
    std::string bytes_;
    std::u32string code_points_;
};

} // namespace i3
