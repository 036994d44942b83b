// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/lowercase_table.h"

#include "text/unicode_text.h"

#include <string>

namespace i3::lowercase_table {

std::atomic<uint32_t> entries[0x110000];

namespace {

std::u32string icu_lower(const std::u32string& text) { return decode_utf8(python_lower(encode_utf8(text))); }

} // namespace

uint32_t make_entry(char32_t c)
{
    // ICU itself says how it treats c beside a capital sigma at the end of a text: after c alone
    // the sigma is final when c is cased; after "A" and c, when c is cased or case-ignorable. The
    // first probe also gives c's own lowering, which no neighbour changes, a sigma's aside.
    const std::u32string alone = icu_lower(std::u32string{c, kCapitalSigma});
    const bool cased = alone.back() == kFinalSigma;
    const bool ignorable = !cased && icu_lower(std::u32string{U'A', c, kCapitalSigma}).back() == kFinalSigma;
    const std::u32string lowered = alone.substr(0, alone.size() - 1);
    uint32_t made = kFilled | (cased ? kCased : 0) | (ignorable ? kCaseIgnorable : 0);
    if (c == kCapitalSigma)
        made |= kSigma | kSmallSigma;
    else if (lowered.size() == 1)
        made |= static_cast<uint32_t>(lowered[0]);
    else
        made |= kSeveral;
    entries[c].store(made, std::memory_order_relaxed);
    return made;
}

} // namespace i3::lowercase_table
