// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/lowered_text.h"

#include "text/lowercase_table.h"
#include "text/unicode_text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace i3 {

namespace lt = lowercase_table;

namespace {

char32_t lower_ascii_byte(unsigned char byte)
{
    const bool capital = static_cast<unsigned char>(byte - 'A') < 26;
    return static_cast<char32_t>(byte + (capital << 5));
}

// Lowers ASCII bytes into `out` and says whether all of them were ASCII; written without
// branches so that the compiler turns it into vector instructions.
bool lower_ascii(std::string_view text, char* out)
{
    unsigned char seen = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        seen |= byte;
        out[i] = static_cast<char>(lower_ascii_byte(byte));
    }
    return seen < 0x80;
}

// Final_Sigma looks from a capital sigma to the nearest code point that is not case-ignorable,
// backwards (the bytes before `end` are valid UTF-8: the text is decoded in order) ...
bool cased_before(std::string_view utf8, size_t end)
{
    while (end > 0) {
        size_t start = end - 1;
        while ((static_cast<unsigned char>(utf8[start]) & 0xC0) == 0x80)
            --start;
        const uint32_t entry = lt::entry(decode_utf8_sequence(utf8, start).code_point);
        if (entry & lt::kCased)
            return true;
        if (!(entry & lt::kCaseIgnorable))
            return false;
        end = start;
    }
    return false;
}

// ... and forwards, where the bytes are not checked yet: invalid UTF-8 ends the look (the text is
// refused when the decoding gets there).
bool cased_after(std::string_view utf8, size_t start)
{
    while (start < utf8.size()) {
        const Utf8Sequence sequence = decode_utf8_sequence(utf8, start);
        if (sequence.problem != nullptr)
            return false;
        const uint32_t entry = lt::entry(sequence.code_point);
        if (entry & lt::kCased)
            return true;
        if (!(entry & lt::kCaseIgnorable))
            return false;
        start += sequence.length;
    }
    return false;
}

} // namespace

void LoweredText::assign(std::string_view utf8, const std::string& what)
{
    bytes_.resize(utf8.size());
    ascii_ = lower_ascii(utf8, bytes_.data());
    if (!ascii_)
        lower_code_points(utf8, what);
}

void LoweredText::lower_code_points(std::string_view utf8, const std::string& what)
{
    // One code point per byte at most, as long as no code point lowers to several.
    code_points_.resize(utf8.size());
    char32_t* out = code_points_.data();
    const char* bytes = utf8.data();
    const size_t n = utf8.size();
    for (size_t i = 0; i < n;) {
        // Runs of ASCII eight bytes at a time, which the compiler widens in vector registers.
        uint64_t eight = 0;
        while (i + 8 <= n && (std::memcpy(&eight, bytes + i, 8), (eight & 0x8080808080808080ULL) == 0)) {
            for (size_t k = 0; k < 8; ++k)
                out[k] = lower_ascii_byte(static_cast<unsigned char>(bytes[i + k]));
            out += 8;
            i += 8;
        }
        if (i == n)
            break;
        const Utf8Sequence sequence = decode_utf8_sequence(utf8, i);
        if (sequence.problem != nullptr)
            decode_utf8(utf8, what); // throws, naming the byte and the line
        const uint32_t entry = sequence.length == 1 ? lower_ascii_byte(static_cast<unsigned char>(sequence.code_point))
                                                    : lt::entry(sequence.code_point);
        if (!(entry & lt::kSpecial)) {
            *out++ = entry & lt::kCodePointBits;
        } else if (entry & lt::kSigma) {
            const bool final = cased_before(utf8, i) && !cased_after(utf8, i + sequence.length);
            *out++ = final ? lt::kFinalSigma : lt::kSmallSigma;
        } else {
            // Growing by the code points written keeps room for one code point per byte left.
            const std::u32string several = python_lower(std::u32string(1, sequence.code_point));
            const size_t written = static_cast<size_t>(out - code_points_.data());
            code_points_.resize(code_points_.size() + several.size());
            out = std::copy(several.begin(), several.end(), code_points_.data() + written);
        }
        i += sequence.length;
    }
    code_points_.resize(static_cast<size_t>(out - code_points_.data()));
}

} // namespace i3
