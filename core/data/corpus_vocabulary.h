// SPDX-License-Identifier: GPL-3.0-or-later
// The vocabulary of a corpus, built in one pass over its parts' texts (memory holds one batch of
// text and the chunk counts, never the corpus), or found in the token cache when it was built
// from the same files before.
#pragma once

#include "base/cancel_token.h"
#include "data/corpus_parts.h"
#include "data/token_cache.h"
#include "text/chunk_tokenizer.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

struct CorpusVocabulary {
    ChunkTokenizer tokenizer;
    bool reused = false; // found in the cache
};

// The vocabulary of the first `tokenizer_texts` (all when unset) of the corpus's texts, which are
// at most max_texts (0: all). progress(fraction of the bytes) while building; a damaged cache
// entry adds a note. Throws i3::Error (the sources' problems, a cache that cannot be written)
// or i3::Cancelled.
CorpusVocabulary corpus_vocabulary(const std::vector<CorpusPart>& parts, size_t max_texts,
                                   std::optional<size_t> tokenizer_texts, const TokenCache& cache,
                                   const std::function<void(double)>& progress, const CancelToken* cancel,
                                   std::vector<std::string>& notes);

} // namespace i3
