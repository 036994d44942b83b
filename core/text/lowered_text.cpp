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

// Decodes UTF-8 that is known to be valid, without the checks of decode_utf8().
void decode_valid_utf8(std::string_view bytes, std::u32string& text)
{
    text.resize(bytes.size());
    char32_t* out = text.data();
    for (size_t i = 0; i < bytes.size();) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t code_point = length == 1 ? lead : lead & (0x7F >> length);
        for (size_t k = 1; k < length; ++k)
            code_point = (code_point << 6) | (static_cast<unsigned char>(bytes[i + k]) & 0x3F);
        *out++ = code_point;
        i += length;
    }
    text.resize(static_cast<size_t>(out - text.data()));
}

} // namespace

void LoweredText::assign(std::string_view utf8, const std::string& what)
{
    bytes_.resize(utf8.size());
    ascii_ = lower_ascii(utf8, bytes_.data());
    if (ascii_)
        return;
    // python_lower() checks the text and, given valid UTF-8, writes valid UTF-8.
    decode_valid_utf8(python_lower(utf8, what), code_points_);
}

} // namespace i3
