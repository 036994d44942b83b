// SPDX-License-Identifier: GPL-3.0-or-later
// A corpus encoded for training: the concatenated encodings of its texts, made on every CPU,
// into memory or, a batch of texts at a time, into a token file.
#pragma once

#include "base/cancel_token.h"
#include "data/data_stats.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace i3 {

class ChunkTokenizer;
class TextStream;
class TokenFileWriter;

// A preview of a corpus: its first texts, each cut to at most kPreviewBytes (whole characters),
// enough for a few hundred characters in any script.
inline constexpr size_t kPreviewTexts = 50;
inline constexpr size_t kPreviewBytes = 4096;

// The concatenated encodings of all non-blank texts (reference §5), no separators, in the texts'
// order. `threads` encode blocks of consecutive texts at once (0: every CPU the process may use);
// the result does not depend on how many. progress(texts_done, texts_total) is called now and
// then from the calling thread; a cancelled token throws Cancelled. When texts are not UTF-8 the
// error is the one the first of them gives.
std::vector<int32_t> encode_corpus(const ChunkTokenizer& tokenizer, const std::vector<std::string>& texts,
                                   const std::function<void(size_t, size_t)>& progress = {},
                                   const CancelToken* cancel = nullptr, int threads = 0);

// What encode_stream() saw of the texts.
struct EncodedTexts {
    DataStats stats; // texts, characters, bytes and lengths (the writer counts the tokens)
    std::vector<std::string> preview;
};

// Encodes every text of `texts` into `out`, as encode_corpus() would, holding only one batch of
// texts at a time (a few MB per thread). progress(bytes read of the stream's files) is called
// after each batch; a cancelled token throws Cancelled.
EncodedTexts encode_stream(const ChunkTokenizer& tokenizer, TextStream& texts, TokenFileWriter& out,
                           const std::function<void(uint64_t bytes_read)>& progress = {},
                           const CancelToken* cancel = nullptr, int threads = 0);

} // namespace i3
