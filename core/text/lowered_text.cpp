// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/lowered_text.h"

#include "text/unicode_text.h"

namespace i3 {

namespace {

// Lowers ASCII bytes into `out` and says whether all of them were ASCII; written without
// branches so that the compiler turns it into vector instructions.
bool lower_ascii(std::string_view text, char* out)
{
    unsigned char seen = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        seen |= byte;
        const bool capital = static_cast<unsigned char>(byte - 'A') < 26;
        out[i] = static_cast<char>(byte + (capital << 5));
    }
    return seen < 0x80;
}

} // namespace

void LoweredText::assign(std::string_view utf8, const std::string& what)
{
    bytes_.resize(utf8.size());
    ascii_ = lower_ascii(utf8, bytes_.data());
    if (ascii_)
        return;
    decode_utf8(python_lower(utf8, what), code_points_);
}

} // namespace i3
