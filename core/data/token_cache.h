// SPDX-License-Identifier: GPL-3.0-or-later
// The token cache: each part of a corpus (data/corpus_parts.h) encoded once with a tokenizer,
// and each vocabulary built from a corpus, kept in a folder and reused for as long as what they
// were made from stays the same.
//
// The folder is $I3_TOKEN_CACHE when that is set, else $XDG_CACHE_HOME/i3-studio/tokens, else
// ~/.cache/i3-studio/tokens. It may be deleted at any time: entries are made again when needed,
// and a run folder keeps links to (or copies of) the files it trains on.
//
// An entry is named by what it reads (a part's locator and text limit) and, for encoded parts,
// by the tokenizer's content hash: `<part>-<tokenizer>.tokens`, `<corpus>.tokenizer.json`.
// Inside, its key covers that and the files' state as well (sizes and times, a Hub file's
// commit). A file rewritten since gives another key: the entry is made again and replaces the
// old one; writing a part's entry for one tokenizer removes its entries for others, so the cache
// holds one encoding of each part. A damaged entry (cut short, its checksum wrong) is made again
// with a note.
#pragma once

#include "data/token_file.h"
#include "text/chunk_tokenizer.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

std::filesystem::path default_token_cache();

// SHA-256 of the tokenizer's JSON: what an encoding depends on.
std::string tokenizer_hash(const ChunkTokenizer& tokenizer);

class TokenCache {
public:
    explicit TokenCache(std::filesystem::path folder) : folder_(std::move(folder)) {}
    const std::filesystem::path& folder() const { return folder_; }

    struct Entry {
        std::filesystem::path path;
        std::string key;        // 64 hexadecimal digits
        std::string family;     // the start of the file name that the part's other entries share
    };
    // `name` identifies what the entry reads, `variant` (may be empty) the tokenizer it was made
    // with, `state` the state of what it reads.
    Entry entry(const nlohmann::json& name, const std::string& variant, const nlohmann::json& state,
                const char* extension) const;

    // The entry's token file when it is there, intact and made from the same state; nullptr
    // otherwise (a damaged file adds a note).
    std::shared_ptr<const TokenFile> find_tokens(const Entry& entry, int64_t vocab_size,
                                                 std::vector<std::string>& notes) const;
    // Writes the entry through write(temporary path) atomically, removes the part's entries for
    // other tokenizers, and opens what was written.
    std::shared_ptr<const TokenFile> store_tokens(const Entry& entry, int64_t vocab_size,
                                                  const std::function<void(const std::filesystem::path&)>& write) const;

    std::optional<ChunkTokenizer> find_tokenizer(const Entry& entry, std::vector<std::string>& notes) const;
    void store_tokenizer(const Entry& entry, const ChunkTokenizer& tokenizer) const;

private:
    void remove_other_variants(const Entry& entry) const;

    std::filesystem::path folder_;
};

} // namespace i3
