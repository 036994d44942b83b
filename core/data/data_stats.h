// SPDX-License-Identifier: GPL-3.0-or-later
// What the Data panel shows of a corpus, counted while it is encoded (no second reading): texts,
// characters, bytes, tokens by id (so the unknown-token rate and the most frequent chunks), and
// how long the texts are. Counts of several parts add up.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace i3 {

// Text lengths in characters by powers of two: bucket k holds lengths 2^k to 2^(k+1) - 1, the last
// bucket everything from 2^(kLengthBuckets - 1) on (texts are never empty).
inline constexpr size_t kLengthBuckets = 24;

struct DataStats {
    uint64_t texts = 0;
    uint64_t characters = 0; // Unicode code points
    uint64_t bytes = 0;      // UTF-8
    uint64_t tokens = 0;
    std::vector<uint64_t> token_counts;                 // by id; as long as the vocabulary
    std::array<uint64_t, kLengthBuckets> text_lengths{}; // texts by bucket of length

    explicit DataStats(size_t vocab_size = 0) : token_counts(vocab_size, 0) {}

    // Counts one (valid UTF-8, non-blank) text.
    void add_text(std::string_view text);
    // Counts ids, each below the vocabulary's size.
    void add_tokens(const int32_t* ids, size_t count);
    // Adds another part's counts, made with the same vocabulary.
    void add(const DataStats& other);

    uint64_t count_of(int64_t id) const;
    // The `n` most frequent ids with their counts, most frequent first, ties by id.
    std::vector<std::pair<int64_t, uint64_t>> most_frequent(size_t n) const;

    static size_t length_bucket(uint64_t characters);
};

} // namespace i3
