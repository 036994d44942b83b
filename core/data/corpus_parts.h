// SPDX-License-Identifier: GPL-3.0-or-later
// The pieces a DataSpec's corpus is read, and encoded once into the token cache, in: the built-in
// corpus, then each source in order (later ones get what max_texts leaves of the limit); or, for
// weighted sources, their mix as one piece. Each part says what it reads apart from its files'
// state (its locator: a folder, a column, a Hub dataset's split) and that state (its stamps: the
// files' sizes and times, a Hub file's commit), so that a cache entry can be named by the one
// and checked against the other.
#pragma once

#include "data/data_spec.h"
#include "data/text_stream.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

struct CorpusPart {
    std::string description; // for messages: "the built-in corpus", "texts.jsonl", "hf:owner/name@..."
    nlohmann::json locator;  // what it reads, without its files' state
    nlohmann::json stamps;   // its files' state now
    uint64_t bytes = 0;      // its files' sizes, for progress
    // Its texts, at most `limit` of them (each source must still yield one).
    std::function<std::unique_ptr<TextStream>(std::optional<size_t> limit)> open;
};

// The parts of `spec`, without reading anything but the folders' lists. Throws i3::Error for no
// source, weights on some sources only, the built-in corpus among weighted sources, or a Hub
// dataset not fetched yet.
std::vector<CorpusPart> corpus_parts(const DataSpec& spec);

// The parts' texts one after the other, at most max_texts of them (0: all): the corpus as one
// stream, for building a vocabulary. Parts after the limit is reached are not opened.
std::unique_ptr<TextStream> open_corpus(std::vector<CorpusPart> parts, size_t max_texts);

} // namespace i3
