// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/token_corpus.h"

#include "base/error.h"

#include <algorithm>

namespace i3 {

namespace {

template <typename Id>
void widen(const Id* ids, int64_t count, int64_t vocab_size, int64_t* out, const std::string& source)
{
    for (int64_t i = 0; i < count; ++i) {
        const auto id = static_cast<int64_t>(ids[i]);
        if (id < 0 || id >= vocab_size)
            throw Error(source + ": token id " + std::to_string(id) + " is outside the vocabulary of " +
                        std::to_string(vocab_size) + " (the file is damaged)");
        out[i] = id;
    }
}

} // namespace

void TokenCorpus::add(Span span)
{
    if (span.count == 0)
        return;
    starts_.push_back(size_);
    size_ += span.count;
    spans_.push_back(std::move(span));
}

void TokenCorpus::append(std::shared_ptr<const TokenFile> file)
{
    if (file->stats().token_counts.size() != static_cast<size_t>(vocab_size_))
        throw Error(file->path().string() + " was made with another vocabulary");
    const int64_t count = file->count();
    add({std::move(file), nullptr, 0, count});
}

void TokenCorpus::append(std::vector<int32_t> ids)
{
    const auto count = static_cast<int64_t>(ids.size());
    add({nullptr, std::make_shared<const std::vector<int32_t>>(std::move(ids)), 0, count});
}

void TokenCorpus::read(int64_t begin, int64_t count, int64_t* out) const
{
    if (begin < 0 || count < 0 || begin > size_ - count)
        throw Error("tokens " + std::to_string(begin) + " to " + std::to_string(begin + count) +
                    " are outside a corpus of " + std::to_string(size_));
    if (count == 0)
        return;
    // The span holding `begin`: the last one starting at or before it.
    auto index = static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), begin) - starts_.begin()) - 1;
    for (; count > 0; ++index) {
        const Span& span = spans_[index];
        const int64_t offset = begin - starts_[index];
        const int64_t n = std::min(count, span.count - offset);
        const int64_t first = span.first + offset;
        if (span.ids)
            widen(span.ids->data() + first, n, vocab_size_, out, "the corpus in memory");
        else if (span.file->width() == 2)
            widen(static_cast<const uint16_t*>(span.file->ids()) + first, n, vocab_size_, out, span.file->path().string());
        else
            widen(static_cast<const int32_t*>(span.file->ids()) + first, n, vocab_size_, out, span.file->path().string());
        out += n;
        begin += n;
        count -= n;
    }
}

TokenCorpus TokenCorpus::slice(int64_t begin, int64_t count) const
{
    if (begin < 0 || count < 0 || begin > size_ - count)
        throw Error("a slice outside the corpus");
    TokenCorpus part(vocab_size_);
    for (size_t i = 0; i < spans_.size() && count > 0; ++i) {
        const int64_t end = starts_[i] + spans_[i].count;
        if (end <= begin)
            continue;
        Span span = spans_[i];
        const int64_t skip = begin - starts_[i];
        span.first += skip;
        span.count = std::min(span.count - skip, count);
        begin += span.count;
        count -= span.count;
        part.add(std::move(span));
    }
    return part;
}

} // namespace i3
