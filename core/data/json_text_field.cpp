// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/json_text_field.h"

#include "base/json_file.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace i3 {

namespace {

// Integers of up to this many digits always fit a double; longer ones, and any fraction or
// exponent, are converted to see that the value is finite, as nlohmann requires.
constexpr size_t kSurelyFiniteDigits = 18;

// Each byte's value as a hexadecimal digit, -1 when it is none.
struct HexDigits {
    int8_t value[256] = {};
    constexpr HexDigits()
    {
        for (int c = 0; c < 256; ++c)
            value[c] = c >= '0' && c <= '9' ? int8_t(c - '0')
                       : c >= 'a' && c <= 'f' ? int8_t(c - 'a' + 10)
                       : c >= 'A' && c <= 'F' ? int8_t(c - 'A' + 10)
                                              : int8_t(-1);
    }
};
constexpr HexDigits kHexDigits;

class Scanner {
public:
    explicit Scanner(std::string_view line) : p_(line.data()), end_(line.data() + line.size()) {}

    bool object_with_field(std::string_view field, std::string& text)
    {
        skip_space();
        if (!take('{'))
            return false;
        bool found = false;
        skip_space();
        if (take('}'))
            return false;
        do {
            skip_space();
            std::string_view key;
            if (!raw_key(key))
                return false;
            skip_space();
            if (!take(':'))
                return false;
            skip_space();
            if (key == field) {
                if (found || !string(&text))
                    return false;
                found = true;
            } else if (!value(1)) {
                return false;
            }
            skip_space();
        } while (take(','));
        if (!take('}'))
            return false;
        skip_space();
        return found && p_ == end_;
    }

private:
    bool take(char c)
    {
        if (p_ == end_ || *p_ != c)
            return false;
        ++p_;
        return true;
    }

    void skip_space()
    {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r'))
            ++p_;
    }

    // A key as written; one with escapes is declined, since it could spell the field.
    bool raw_key(std::string_view& key)
    {
        if (!take('"'))
            return false;
        const char* start = p_;
        while (p_ != end_ && is_plain(*p_))
            ++p_;
        if (!take('"'))
            return false;
        key = std::string_view(start, static_cast<size_t>(p_ - start - 1));
        return true;
    }

    bool hex4(uint32_t& value)
    {
        if (end_ - p_ < 4)
            return false;
        value = 0;
        int invalid = 0;
        for (int i = 0; i < 4; ++i, ++p_) {
            const int digit = kHexDigits.value[static_cast<unsigned char>(*p_)];
            invalid |= digit;
            value = value * 16 + static_cast<uint32_t>(digit);
        }
        return invalid >= 0;
    }

    // After "\u": one code point, a surrogate pair written as two escapes; a lone surrogate is
    // invalid JSON.
    bool code_point(uint32_t& point)
    {
        if (!hex4(point))
            return false;
        if (point >= 0xDC00 && point <= 0xDFFF)
            return false;
        if (point < 0xD800 || point > 0xDBFF)
            return true;
        uint32_t low = 0;
        if (!take('\\') || !take('u') || !hex4(low) || low < 0xDC00 || low > 0xDFFF)
            return false;
        point = 0x10000 + ((point - 0xD800) << 10) + (low - 0xDC00);
        return true;
    }

    // Writes a code point as UTF-8 at `out`; returns where it ends.
    static char* put_utf8(char* out, uint32_t point)
    {
        if (point < 0x80) {
            *out++ = static_cast<char>(point);
        } else if (point < 0x800) {
            *out++ = static_cast<char>(0xC0 | (point >> 6));
            *out++ = static_cast<char>(0x80 | (point & 0x3F));
        } else if (point < 0x10000) {
            *out++ = static_cast<char>(0xE0 | (point >> 12));
            *out++ = static_cast<char>(0x80 | ((point >> 6) & 0x3F));
            *out++ = static_cast<char>(0x80 | (point & 0x3F));
        } else {
            *out++ = static_cast<char>(0xF0 | (point >> 18));
            *out++ = static_cast<char>(0x80 | ((point >> 12) & 0x3F));
            *out++ = static_cast<char>(0x80 | ((point >> 6) & 0x3F));
            *out++ = static_cast<char>(0x80 | (point & 0x3F));
        }
        return out;
    }

    static bool is_plain(char c) { return c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20; }

    // Moves past the characters a string holds as they are: eight at a time while none of them
    // is a quote, a backslash or a control character (each test is exact: a byte's borrow reaches
    // the byte above only from a byte that matched).
    void skip_plain()
    {
        constexpr uint64_t kOnes = 0x0101010101010101ULL;
        constexpr uint64_t kHighs = 0x8080808080808080ULL;
        while (end_ - p_ >= 8) {
            uint64_t bytes = 0;
            std::memcpy(&bytes, p_, 8);
            const uint64_t quote = bytes ^ (kOnes * '"');
            const uint64_t backslash = bytes ^ (kOnes * '\\');
            const uint64_t matched = ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) |
                                     ((bytes - kOnes * 0x20) & ~bytes);
            if (matched & kHighs)
                break;
            p_ += 8;
        }
        while (p_ != end_ && is_plain(*p_))
            ++p_;
    }

    static char unescaped(char escape)
    {
        switch (escape) {
        case '"': return '"';
        case '\\': return '\\';
        case '/': return '/';
        case 'b': return '\b';
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        default: return 0; // not an escape
        }
    }

    // A string, decoded into `out` unless it is null (a value only checked). The decoded string
    // is never longer than what is left of the line (an escape is longer than what it stands
    // for), so it is written through a pointer into `out` sized for that.
    bool string(std::string* out)
    {
        if (!take('"'))
            return false;
        char* written = nullptr;
        if (out) {
            out->resize(static_cast<size_t>(end_ - p_));
            written = out->data();
        }
        for (;;) {
            const char* start = p_;
            skip_plain();
            if (out) {
                std::memcpy(written, start, static_cast<size_t>(p_ - start));
                written += p_ - start;
            }
            if (take('"')) {
                if (out)
                    out->resize(static_cast<size_t>(written - out->data()));
                return true;
            }
            if (!take('\\') || p_ == end_)
                return false; // the line's end or a control character
            const char escape = *p_++;
            if (escape == 'u') {
                uint32_t point = 0;
                if (!code_point(point))
                    return false;
                if (out)
                    written = put_utf8(written, point);
                continue;
            }
            const char plain = unescaped(escape);
            if (plain == 0)
                return false;
            if (out)
                *written++ = plain;
        }
    }

    size_t digits()
    {
        const char* start = p_;
        while (p_ != end_ && *p_ >= '0' && *p_ <= '9')
            ++p_;
        return static_cast<size_t>(p_ - start);
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, finite as a double.
    bool number()
    {
        const char* start = p_;
        take('-');
        if (p_ == end_ || *p_ < '0' || *p_ > '9')
            return false;
        const size_t whole = *p_ == '0' ? (++p_, 1) : digits();
        bool plain_integer = whole <= kSurelyFiniteDigits;
        if (take('.')) {
            if (digits() == 0)
                return false;
            plain_integer = false;
        }
        if (take('e') || take('E')) {
            if (!take('+'))
                take('-');
            if (digits() == 0)
                return false;
            plain_integer = false;
        }
        return plain_integer || std::isfinite(std::strtod(std::string(start, p_).c_str(), nullptr));
    }

    bool literal(std::string_view word)
    {
        if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
            return false;
        p_ += word.size();
        return true;
    }

    // A value `depth` levels inside the line's object, checked and skipped.
    bool value(int depth)
    {
        if (p_ == end_ || depth >= kMaxJsonDepth)
            return false;
        switch (*p_) {
        case '"': return string(nullptr);
        case '{': return container(depth, '}', true);
        case '[': return container(depth, ']', false);
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: return number();
        }
    }

    // An object or array: members "key": value (keys only checked) or values, comma-separated.
    bool container(int depth, char close, bool keyed)
    {
        ++p_;
        skip_space();
        if (take(close))
            return true;
        do {
            skip_space();
            if (keyed) {
                if (!string(nullptr))
                    return false;
                skip_space();
                if (!take(':'))
                    return false;
                skip_space();
            }
            if (!value(depth + 1))
                return false;
            skip_space();
        } while (take(','));
        return take(close);
    }

    const char* p_;
    const char* end_;
};

} // namespace

bool json_text_field(std::string_view line, std::string_view field, std::string& text)
{
    return Scanner(line).object_with_field(field, text);
}

} // namespace i3
