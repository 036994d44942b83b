// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/data_stats.h"

#include "base/error.h"

#include <algorithm>
#include <numeric>

namespace i3 {

size_t DataStats::length_bucket(uint64_t characters)
{
    size_t bucket = 0;
    while (characters > 1 && bucket + 1 < kLengthBuckets) {
        characters >>= 1;
        ++bucket;
    }
    return bucket;
}

void DataStats::add_text(std::string_view text)
{
    // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
    const auto length = static_cast<uint64_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    ++texts;
    characters += length;
    bytes += text.size();
    ++text_lengths[length_bucket(length)];
}

void DataStats::add_tokens(const int32_t* ids, size_t count)
{
    uint64_t* counts = token_counts.data();
    for (size_t i = 0; i < count; ++i)
        ++counts[ids[i]];
    tokens += count;
}

void DataStats::add(const DataStats& other)
{
    if (token_counts.size() != other.token_counts.size())
        throw Error("statistics of two vocabularies cannot be added up");
    texts += other.texts;
    characters += other.characters;
    bytes += other.bytes;
    tokens += other.tokens;
    for (size_t id = 0; id < token_counts.size(); ++id)
        token_counts[id] += other.token_counts[id];
    for (size_t bucket = 0; bucket < kLengthBuckets; ++bucket)
        text_lengths[bucket] += other.text_lengths[bucket];
}

uint64_t DataStats::count_of(int64_t id) const
{
    return id >= 0 && static_cast<size_t>(id) < token_counts.size() ? token_counts[static_cast<size_t>(id)] : 0;
}

std::vector<std::pair<int64_t, uint64_t>> DataStats::most_frequent(size_t n) const
{
    std::vector<int64_t> ids(token_counts.size());
    std::iota(ids.begin(), ids.end(), int64_t(0));
    const auto more_frequent = [&](int64_t a, int64_t b) {
        return token_counts[a] != token_counts[b] ? token_counts[a] > token_counts[b] : a < b;
    };
    const size_t kept = std::min(n, ids.size());
    std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(kept), ids.end(), more_frequent);
    std::vector<std::pair<int64_t, uint64_t>> top;
    for (size_t i = 0; i < kept; ++i)
        if (token_counts[ids[i]] > 0)
            top.emplace_back(ids[i], token_counts[ids[i]]);
    return top;
}

} // namespace i3
