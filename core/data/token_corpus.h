// SPDX-License-Identifier: GPL-3.0-or-later
// An encoded corpus as training reads it: token files (memory-mapped, data/token_file.h) and
// lists in memory, one after the other, seen as one sequence of ids. Reading widens the 16- or
// 32-bit ids to int64 and checks each against the vocabulary, so a damaged file can never index
// past the model's embedding. Copies share the files.
#pragma once

#include "data/token_file.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace i3 {

class TokenCorpus {
public:
    explicit TokenCorpus(int64_t vocab_size = 0) : vocab_size_(vocab_size) {}

    // Its vocabulary must be the corpus's.
    void append(std::shared_ptr<const TokenFile> file);
    void append(std::vector<int32_t> ids);

    int64_t size() const { return size_; }
    int64_t vocab_size() const { return vocab_size_; }

    // Copies ids [begin, begin + count) into `out`, widened; throws i3::Error for a range outside
    // the corpus or an id outside the vocabulary (naming the file).
    void read(int64_t begin, int64_t count, int64_t* out) const;
    // Ids [begin, begin + count) as a corpus of their own, sharing the files.
    TokenCorpus slice(int64_t begin, int64_t count) const;

    // One stretch of ids: all or part of a file, or of a list in memory.
    struct Span {
        std::shared_ptr<const TokenFile> file;          // null for a list in memory
        std::shared_ptr<const std::vector<int32_t>> ids; // null for a file
        int64_t first = 0;                               // the stretch's first id in the file or list
        int64_t count = 0;
    };
    const std::vector<Span>& spans() const { return spans_; }

private:
    void add(Span span);

    int64_t vocab_size_;
    std::vector<Span> spans_;
    std::vector<int64_t> starts_; // where each span starts in the corpus
    int64_t size_ = 0;
};

} // namespace i3
