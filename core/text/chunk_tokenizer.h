// SPDX-License-Identifier: GPL-3.0-or-later
// The reference's "chunk" tokenizer: lowercased text cut into chunks of 2 or 3 code points.
//
// Segmentation at code point p of a text of n code points takes 3 code points when p + 3 <= n
// and the three are one of 28 common English trigrams, or the code point before p is a space,
// or the code point at p + 3 is a space; otherwise it takes 2 (or the 1 that is left).
// Encoding looks each chunk up, falls back to its shorter prefixes, and emits the unknown token
// (advancing one code point) when even the first code point is not in the vocabulary.
// File format and rules: section 5 of the i3 reference specification.
#pragma once

#include "base/error.h" // what every function here throws for bad input
#include "text/chunk_table.h"
#include "text/lowered_text.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace i3 {

class ChunkTokenizer {
public:
    // A vocabulary of just the unknown token "<UNK>" (id 0).
    ChunkTokenizer();

    // The chunks of an already lowercased text, in order; positions count code points.
    static std::vector<std::u32string> segment(std::u32string_view lowered);

    // Counts the chunks of the first `max_texts` texts (all when unset), lowercased as Python
    // does, and numbers them by count, most frequent first, ties in code point order, from id 1;
    // id 0 is "<UNK>". `progress` hears (texts done, texts to do) now and then and at the end.
    // Throws i3::Error naming the text ("text 3: invalid UTF-8 ...") when one is not UTF-8.
    static ChunkTokenizer build(const std::vector<std::string>& texts, std::optional<size_t> max_texts = {},
                                const std::function<void(size_t done, size_t total)>& progress = {});

    // Counts the chunks of texts one at a time, for a vocabulary built in one pass over texts
    // that are never all in memory; finish() numbers them as build() does.
    class Counter {
    public:
        Counter();
        // Throws i3::Error "<what>: invalid UTF-8 ..." when the text is not UTF-8.
        void add(std::string_view utf8_text, const std::string& what);
        ChunkTokenizer finish() const;

    private:
        ChunkTable counts_;
        LoweredText lowered_;
    };

    // Throws i3::Error when the text is not valid UTF-8.
    std::vector<int64_t> encode(std::string_view utf8_text) const;
    // Appends encode(utf8_text) to `ids`, lowering the text into `lowered`, whose buffers one
    // thread reuses from text to text.
    void encode_append(std::string_view utf8_text, std::vector<int32_t>& ids, LoweredText& lowered) const;
    // Concatenates the chunks; an id outside the vocabulary reads as the unknown token.
    std::string decode(const std::vector<int64_t>& ids) const;
    std::string token_text(int64_t id) const;

    int64_t vocab_size() const { return static_cast<int64_t>(chunks_.size()); }
    int64_t unk_idx() const { return unk_idx_; }
    const std::string& unk_token() const { return unk_token_; }
    std::optional<int64_t> id_of(const std::string& chunk) const;

    // Reads tokenizer.json or vocab.json, \uXXXX-escaped or raw UTF-8. Every problem (malformed
    // JSON, a missing key, ids that do not run 0..V-1, the two maps disagreeing, ...) is an
    // i3::Error that names the file.
    static ChunkTokenizer load(const std::filesystem::path& path);
    // Writes the reference's schema atomically, non-ASCII escaped as Python's json.dump does.
    void save(const std::filesystem::path& path) const;

    // The reference's schema, keys in id order as the reference's dicts have them.
    nlohmann::ordered_json to_json() const;
    // The checks of load(); `source_name` starts every error message.
    static ChunkTokenizer from_json(const nlohmann::json& json, const std::string& source_name);

private:
    ChunkTokenizer(std::vector<std::string> chunks, std::string unk_token, int64_t unk_idx);

    std::vector<std::string> chunks_;                   // id -> chunk (UTF-8)
    std::unordered_map<std::string, int64_t> ids_;      // chunk -> id
    ChunkTable short_ids_;                              // chunks of 1-3 code points, packed; what encode needs
    std::string unk_token_ = "<UNK>";
    int64_t unk_idx_ = 0;
};

} // namespace i3
