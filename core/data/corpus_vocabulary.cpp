// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/corpus_vocabulary.h"

#include <algorithm>
#include <numeric>

namespace i3 {

namespace {

// Progress and cancellation are looked at every so many texts: often enough to be seen within a
// fraction of a second, rarely enough to cost nothing.
constexpr size_t kTextsBetweenReports = 4096;

ChunkTokenizer build(const std::vector<CorpusPart>& parts, size_t max_texts, std::optional<size_t> tokenizer_texts,
                     const std::function<void(double)>& progress, const CancelToken* cancel)
{
    const uint64_t total_bytes = std::accumulate(parts.begin(), parts.end(), uint64_t(0),
                                                 [](uint64_t sum, const CorpusPart& part) { return sum + part.bytes; });
    const std::unique_ptr<TextStream> texts = open_corpus(parts, max_texts);
    ChunkTokenizer::Counter counter;
    const size_t wanted = tokenizer_texts.value_or(SIZE_MAX);
    for (size_t done = 0; done < wanted;) {
        const std::optional<std::string_view> text = texts->next();
        if (!text)
            break;
        counter.add(*text, "text " + std::to_string(done + 1));
        if (++done % kTextsBetweenReports != 0)
            continue;
        if (cancel && cancel->cancelled())
            throw Cancelled();
        if (progress && total_bytes > 0) {
            const double by_bytes = static_cast<double>(texts->bytes_read()) / static_cast<double>(total_bytes);
            const double by_texts = tokenizer_texts ? static_cast<double>(done) / static_cast<double>(wanted) : 0;
            progress(std::min(1.0, std::max(by_bytes, by_texts)));
        }
    }
    if (progress)
        progress(1.0);
    return counter.finish();
}

} // namespace

CorpusVocabulary corpus_vocabulary(const std::vector<CorpusPart>& parts, size_t max_texts,
                                   std::optional<size_t> tokenizer_texts, const TokenCache& cache,
                                   const std::function<void(double)>& progress, const CancelToken* cancel,
                                   std::vector<std::string>& notes)
{
    nlohmann::json name = {{"parts", nlohmann::json::array()},
                           {"max_texts", max_texts},
                           {"tokenizer_texts", tokenizer_texts ? nlohmann::json(*tokenizer_texts) : nlohmann::json()}};
    nlohmann::json state = nlohmann::json::array();
    for (const CorpusPart& part : parts) {
        name["parts"].push_back(part.locator);
        state.push_back(part.stamps);
    }
    const TokenCache::Entry entry = cache.entry(name, "", state, ".tokenizer.json");
    if (std::optional<ChunkTokenizer> found = cache.find_tokenizer(entry, notes))
        return {std::move(*found), true};
    CorpusVocabulary built{build(parts, max_texts, tokenizer_texts, progress, cancel), false};
    cache.store_tokenizer(entry, built.tokenizer);
    return built;
}

} // namespace i3
