// SPDX-License-Identifier: GPL-3.0-or-later
// A corpus encoded for training: the concatenated encodings of its texts, made on every CPU.
#pragma once

#include "base/cancel_token.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace i3 {

class ChunkTokenizer;

// The concatenated encodings of all non-blank texts (reference §5), no separators, in the texts'
// order. `threads` encode blocks of consecutive texts at once (0: every CPU the process may use);
// the result does not depend on how many. progress(texts_done, texts_total) is called now and
// then from the calling thread; a cancelled token throws Cancelled. When texts are not UTF-8 the
// error is the one the first of them gives.
std::vector<int32_t> encode_corpus(const ChunkTokenizer& tokenizer, const std::vector<std::string>& texts,
                                   const std::function<void(size_t, size_t)>& progress = {},
                                   const CancelToken* cancel = nullptr, int threads = 0);

} // namespace i3
