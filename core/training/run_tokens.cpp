// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/run_tokens.h"

#include "base/atomic_file.h"
#include "base/error.h"

#include <algorithm>

namespace fs = std::filesystem;

namespace i3 {

namespace {

// Ids at a time when a stretch of the corpus is written out: a few MB of memory.
constexpr int64_t kCopyIds = int64_t(1) << 20;

// Writes ids [first, first + count) of `tokens` as a token file of their own.
void write_stretch(const fs::path& target, const TokenCorpus& tokens, int64_t first, int64_t count)
{
    write_atomically(target, [&](const fs::path& temporary) {
        TokenFileWriter writer(temporary, tokens.vocab_size(), "");
        std::vector<int64_t> wide(static_cast<size_t>(std::min(count, kCopyIds)));
        std::vector<int32_t> ids(wide.size());
        for (int64_t done = 0; done < count; done += kCopyIds) {
            const int64_t n = std::min(kCopyIds, count - done);
            tokens.read(first + done, n, wide.data());
            std::copy(wide.begin(), wide.begin() + n, ids.begin());
            writer.append(ids.data(), static_cast<size_t>(n));
        }
        writer.finish(DataStats(), {});
    });
}

} // namespace

void write_run_tokens(const RunFolder& folder, const TokenCorpus& tokens)
{
    fs::create_directories(folder.tokens_dir());
    int64_t start = 0;
    size_t index = 0;
    for (const TokenCorpus::Span& span : tokens.spans()) {
        const fs::path target = folder.token_file(index++);
        if (span.file && span.first == 0 && span.count == span.file->count())
            span.file->link_or_copy_to(target);
        else
            write_stretch(target, tokens, start, span.count);
        start += span.count;
    }
    sync_to_disk(folder.tokens_dir());
}

TokenCorpus read_run_tokens(const RunFolder& folder, int64_t vocab_size, const RunInfo& info)
{
    TokenCorpus tokens(vocab_size);
    std::error_code error;
    if (fs::exists(folder.legacy_train_tokens_file(), error)) {
        tokens.append(read_legacy_token_file(folder.legacy_train_tokens_file(), vocab_size));
        tokens.append(read_legacy_token_file(folder.legacy_validation_tokens_file(), vocab_size));
    } else {
        for (const fs::path& file : folder.token_files())
            tokens.append(TokenFile::open(file, vocab_size));
    }
    const int64_t expected = info.train_tokens + info.validation_tokens;
    if (info.train_tokens < 0 || info.validation_tokens < 0 || tokens.size() != expected)
        throw Error(folder.tokens_dir().string() + " holds " + std::to_string(tokens.size()) +
                    " tokens, but run.json says " + std::to_string(expected) +
                    " (its token files are missing or damaged)");
    return tokens;
}

} // namespace i3
