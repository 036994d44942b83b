// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/token_store.h"

#include "base/error.h"
#include "data/corpus_encoding.h"

#include <algorithm>
#include <numeric>

namespace i3 {

namespace {

// A part's entry: named by what it reads and how many texts, varied by the tokenizer.
TokenCache::Entry part_entry(const TokenCache& cache, const CorpusPart& part, std::optional<size_t> limit,
                             const std::string& tokenizer)
{
    const nlohmann::json name = {{"part", part.locator}, {"limit", limit ? nlohmann::json(*limit) : nlohmann::json()}};
    return cache.entry(name, tokenizer, {{"stamps", part.stamps}, {"tokenizer", tokenizer}}, ".tokens");
}

// Encodes a part into its entry, reporting progress over the bytes of all parts.
std::shared_ptr<const TokenFile> encode_part(const CorpusPart& part, std::optional<size_t> limit,
                                             const ChunkTokenizer& tokenizer, const TokenCache& cache,
                                             const TokenCache::Entry& entry,
                                             const std::function<void(uint64_t)>& progress, const CancelToken* cancel)
{
    return cache.store_tokens(entry, tokenizer.vocab_size(), [&](const std::filesystem::path& temporary) {
        TokenFileWriter writer(temporary, tokenizer.vocab_size(), entry.key);
        const std::unique_ptr<TextStream> texts = part.open(limit);
        const EncodedTexts seen = encode_stream(tokenizer, *texts, writer, progress, cancel);
        writer.finish(seen.stats, seen.preview);
    });
}

} // namespace

int64_t held_out_count(int64_t total, double validation_fraction)
{
    return static_cast<int64_t>(static_cast<double>(total) * validation_fraction);
}

int64_t training_token_count(int64_t total, double validation_fraction, int64_t context)
{
    if (total == 0)
        throw Error("the corpus is empty: no tokens to train on");
    if (!(validation_fraction >= 0 && validation_fraction < kMaxValidationFraction))
        throw Error("the validation fraction must be in [0, 0.5)");
    const int64_t held_out = held_out_count(total, validation_fraction);
    const int64_t kept = total - held_out;
    // A window needs context + 1 tokens (inputs and the targets one step later) and the reference
    // draws its start from [0, N - T - 1), so N must exceed T + 1.
    if (kept <= context + 1)
        throw Error("the corpus is too short: " + std::to_string(kept) + " training tokens, but a context of " +
                    std::to_string(context) + " needs more than " + std::to_string(context + 1));
    if (held_out > 0 && held_out < 2)
        throw Error("the validation split is too small to evaluate; use more data or a larger fraction");
    return kept;
}

TokenStore load_token_store(const std::vector<CorpusPart>& parts, size_t max_texts, const ChunkTokenizer& tokenizer,
                            const TokenCache& cache, const std::function<void(double)>& progress,
                            const CancelToken* cancel, std::vector<std::string>& notes)
{
    const std::string hash = tokenizer_hash(tokenizer);
    const uint64_t total_bytes = std::accumulate(parts.begin(), parts.end(), uint64_t(0),
                                                 [](uint64_t sum, const CorpusPart& part) { return sum + part.bytes; });
    TokenStore store;
    store.corpus = TokenCorpus(tokenizer.vocab_size());
    store.stats = DataStats(static_cast<size_t>(tokenizer.vocab_size()));
    uint64_t done_bytes = 0;
    for (const CorpusPart& part : parts) {
        if (cancel && cancel->cancelled())
            throw Cancelled();
        if (max_texts > 0 && store.stats.texts >= max_texts)
            break;
        const std::optional<size_t> limit =
            max_texts > 0 ? std::optional<size_t>(max_texts - store.stats.texts) : std::nullopt;
        const TokenCache::Entry entry = part_entry(cache, part, limit, hash);
        std::shared_ptr<const TokenFile> file = cache.find_tokens(entry, tokenizer.vocab_size(), notes);
        if (file) {
            ++store.parts_reused;
        } else {
            const auto report = [&](uint64_t bytes) {
                if (progress && total_bytes > 0)
                    progress(std::min(1.0, static_cast<double>(done_bytes + bytes) / static_cast<double>(total_bytes)));
            };
            file = encode_part(part, limit, tokenizer, cache, entry, report, cancel);
            ++store.parts_encoded;
        }
        done_bytes += part.bytes;
        store.stats.add(file->stats());
        for (const std::string& text : file->preview())
            if (store.preview.size() < kPreviewTexts)
                store.preview.push_back(text);
        store.corpus.append(std::move(file));
    }
    return store;
}

} // namespace i3
