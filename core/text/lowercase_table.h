// SPDX-License-Identifier: GPL-3.0-or-later
// Python's str.lower() one code point at a time, from a table that ICU fills: each code point's
// entry is made the first time a text holds it, by asking ICU's full lowercase mapping of the root
// locale (python_lower() in unicode_text.h) about that code point, so ICU stays the source of truth
// while a text costs one load per code point instead of a call into ICU.
//
// The mapping is context-free for every code point but U+03A3 Σ (Final_Sigma: ς after a cased
// letter when no cased letter follows, skipping case-ignorable characters both ways), so an entry
// holds the code point's lowering when it stands alone and the two properties that rule looks at,
// as ICU's rule sees them. test_unicode_text compares the table with ICU over every code point, in
// the contexts that change a sigma, and with Python.
#pragma once

#include <atomic>
#include <cstdint>

namespace i3::lowercase_table {

constexpr char32_t kCapitalSigma = U'\u03A3';
constexpr char32_t kSmallSigma = U'\u03C3';
constexpr char32_t kFinalSigma = U'\u03C2';

// An entry: the lowered code point in the low 21 bits, flags above.
constexpr uint32_t kCodePointBits = (uint32_t(1) << 21) - 1;
constexpr uint32_t kCased = uint32_t(1) << 21;         // a cased letter for Final_Sigma
constexpr uint32_t kCaseIgnorable = uint32_t(1) << 22; // skipped by Final_Sigma (and not cased)
constexpr uint32_t kSeveral = uint32_t(1) << 23;       // lowers to other than one code point (U+0130 İ -> i + U+0307)
constexpr uint32_t kSigma = uint32_t(1) << 24;         // U+03A3, lowered by its context
constexpr uint32_t kSpecial = kSeveral | kSigma;       // the low bits alone do not say the lowering
constexpr uint32_t kFilled = uint32_t(1) << 31;        // 0 is an entry not made yet

// Made by the first caller to need it; threads that race make the same value, so relaxed order
// is enough.
uint32_t make_entry(char32_t c);

// One per code point, zero until made: 4.5 MB of address space, of which a process touches the
// pages of the code points its texts hold.
extern std::atomic<uint32_t> entries[0x110000];

// The entry of a valid code point (not a surrogate, at most U+10FFFF).
inline uint32_t entry(char32_t c)
{
    const uint32_t found = entries[c].load(std::memory_order_relaxed);
    return found != 0 ? found : make_entry(c);
}

} // namespace i3::lowercase_table
