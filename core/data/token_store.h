// SPDX-License-Identifier: GPL-3.0-or-later
// The token store: a corpus encoded once, part by part, into the token cache
// (data/token_cache.h) and read back through memory mappings, so that later runs, resumes and
// analyses of the same data encode nothing; and the split of it that training makes.
#pragma once

#include "base/cancel_token.h"
#include "data/corpus_parts.h"
#include "data/data_stats.h"
#include "data/token_cache.h"
#include "data/token_corpus.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace i3 {

// The share of the tokens a run may hold out for validation: below one half, so that the model
// trains on most of the corpus.
inline constexpr double kMaxValidationFraction = 0.5;
// How many of `total` tokens the split holds out.
int64_t held_out_count(int64_t total, double validation_fraction);

// Where the corpus is cut in two: the first returned count of `total` tokens train, the last
// `validation_fraction` of them are held out. Throws i3::Error unless the training part is longer
// than context + 1 and the validation part, when there is one, can be evaluated.
int64_t training_token_count(int64_t total, double validation_fraction, int64_t context);

struct TokenStore {
    TokenCorpus corpus;
    DataStats stats;                  // of every part, counted when it was encoded
    std::vector<std::string> preview; // the corpus's first texts (data/corpus_encoding.h)
    size_t parts_encoded = 0;         // encoded now
    size_t parts_reused = 0;          // found in the cache
};

// The parts, at most max_texts texts over all of them (0: all), encoded with `tokenizer`: each
// found in `cache` or encoded into it now, in order. progress(fraction of the bytes) is called
// while parts are encoded; a damaged cache entry adds a note. Throws i3::Error (the sources'
// problems, a cache that cannot be written) or i3::Cancelled.
TokenStore load_token_store(const std::vector<CorpusPart>& parts, size_t max_texts, const ChunkTokenizer& tokenizer,
                            const TokenCache& cache, const std::function<void(double)>& progress,
                            const CancelToken* cancel, std::vector<std::string>& notes);

} // namespace i3
