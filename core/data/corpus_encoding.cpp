// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/corpus_encoding.h"

#include "base/allowed_cpus.h"
#include "data/text_stream.h"
#include "data/token_file.h"
#include "text/chunk_tokenizer.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace i3 {

namespace {

// About this many bytes of text make a block: large enough that handing blocks out costs
// nothing, small enough that progress and cancellation are noticed within milliseconds.
constexpr size_t kBlockBytes = size_t(1) << 20;
// encode_stream() reads this many bytes of text for each thread before encoding them: a few
// blocks each, so that the threads share the batch evenly.
constexpr size_t kBatchBytesPerThread = 4 * kBlockBytes;

struct Block {
    size_t first = 0; // texts [first, end)
    size_t end = 0;
    size_t bytes = 0;
    std::vector<int32_t> tokens;
    std::exception_ptr error;
};

std::vector<Block> cut_into_blocks(const std::vector<std::string>& texts)
{
    std::vector<Block> blocks;
    for (size_t i = 0; i < texts.size(); ++i) {
        if (blocks.empty() || blocks.back().bytes >= kBlockBytes)
            blocks.push_back(Block{i, i, 0, {}, nullptr});
        blocks.back().end = i + 1;
        blocks.back().bytes += texts[i].size();
    }
    return blocks;
}

bool is_blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

void encode_block(const ChunkTokenizer& tokenizer, const std::vector<std::string>& texts, Block& block,
                  LoweredText& lowered)
{
    // About one token for every two bytes of text.
    block.tokens.reserve(block.bytes / 2 + 16);
    try {
        for (size_t i = block.first; i < block.end; ++i)
            if (!is_blank(texts[i]))
                tokenizer.encode_append(texts[i], block.tokens, lowered);
    } catch (...) {
        block.error = std::current_exception();
    }
}

// The blocks are handed out in order from one counter. With one thread the caller encodes them
// all; with several it only reports progress as they finish, so the callback never runs on
// another thread.
class BlockEncoder {
public:
    BlockEncoder(const ChunkTokenizer& tokenizer, const std::vector<std::string>& texts, std::vector<Block>& blocks,
                 const CancelToken* cancel)
        : tokenizer_(tokenizer), texts_(texts), blocks_(blocks), cancel_(cancel)
    {
    }

    void run(int threads, const std::function<void(size_t, size_t)>& progress)
    {
        if (threads == 1) {
            work([&](size_t done) {
                if (progress)
                    progress(done, texts_.size());
            });
            return;
        }
        // The progress callback may throw (Cancelled, for one): the workers stop and are joined
        // before the exception goes on.
        std::vector<std::thread> workers;
        std::exception_ptr error;
        try {
            for (int t = 0; t < threads; ++t)
                workers.emplace_back([this] { work([this](size_t) { block_finished(); }); });
            report_until_finished(static_cast<int>(workers.size()), progress);
        } catch (...) {
            error = std::current_exception();
            stop_.store(true);
        }
        for (std::thread& worker : workers)
            worker.join();
        if (error)
            std::rethrow_exception(error);
    }

private:
    // Encodes blocks until none is left, calling finished(texts done so far) after each.
    template <typename Finished>
    void work(Finished&& finished)
    {
        LoweredText lowered;
        for (;;) {
            // A failed block ends the work: the blocks before it were handed out already, so the
            // first error in the texts' order is among the blocks that get done.
            if (stop_.load() || (cancel_ && cancel_->cancelled()))
                break;
            const size_t index = next_.fetch_add(1);
            if (index >= blocks_.size())
                break;
            Block& block = blocks_[index];
            encode_block(tokenizer_, texts_, block, lowered);
            if (block.error)
                stop_.store(true);
            finished(texts_done_.fetch_add(block.end - block.first) + (block.end - block.first));
        }
        std::lock_guard<std::mutex> lock(mutex_);
        ++workers_done_;
        changed_.notify_one();
    }

    void block_finished()
    {
        std::lock_guard<std::mutex> lock(mutex_);
        changed_.notify_one();
    }

    void report_until_finished(int threads, const std::function<void(size_t, size_t)>& progress)
    {
        std::unique_lock<std::mutex> lock(mutex_);
        size_t reported = 0;
        while (workers_done_ < threads) {
            changed_.wait(lock);
            const size_t done = texts_done_.load();
            if (progress && done != reported) {
                reported = done;
                lock.unlock();
                progress(done, texts_.size());
                lock.lock();
            }
        }
    }

    const ChunkTokenizer& tokenizer_;
    const std::vector<std::string>& texts_;
    std::vector<Block>& blocks_;
    const CancelToken* cancel_;
    std::atomic<size_t> next_{0};
    std::atomic<size_t> texts_done_{0};
    std::atomic<bool> stop_{false};
    std::mutex mutex_; // guards workers_done_, and the waits on changed_
    std::condition_variable changed_;
    int workers_done_ = 0;
};

// A text cut to kPreviewBytes, at a character's first byte.
std::string preview_of(std::string_view text)
{
    size_t end = std::min(text.size(), kPreviewBytes);
    while (end < text.size() && end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return std::string(text.substr(0, end));
}

size_t thread_count(int threads) { return static_cast<size_t>(threads > 0 ? threads : allowed_cpus()); }

std::vector<int32_t> concatenate(std::vector<Block>& blocks)
{
    size_t count = 0;
    for (const Block& block : blocks)
        count += block.tokens.size();
    std::vector<int32_t> tokens;
    tokens.reserve(count);
    for (Block& block : blocks) {
        tokens.insert(tokens.end(), block.tokens.begin(), block.tokens.end());
        std::vector<int32_t>().swap(block.tokens);
    }
    return tokens;
}

} // namespace

std::vector<int32_t> encode_corpus(const ChunkTokenizer& tokenizer, const std::vector<std::string>& texts,
                                   const std::function<void(size_t, size_t)>& progress, const CancelToken* cancel,
                                   int threads)
{
    std::vector<Block> blocks = cut_into_blocks(texts);
    // No more threads than blocks: a small corpus is encoded on the calling thread alone.
    const size_t wanted = thread_count(threads);
    const size_t used = std::max<size_t>(1, std::min(wanted, blocks.size()));
    BlockEncoder(tokenizer, texts, blocks, cancel).run(static_cast<int>(used), progress);
    if (cancel && cancel->cancelled())
        throw Cancelled();
    for (const Block& block : blocks)
        if (block.error)
            std::rethrow_exception(block.error);
    if (progress)
        progress(texts.size(), texts.size());
    return concatenate(blocks);
}

EncodedTexts encode_stream(const ChunkTokenizer& tokenizer, TextStream& texts, TokenFileWriter& out,
                           const std::function<void(uint64_t)>& progress, const CancelToken* cancel, int threads)
{
    const size_t batch_bytes = kBatchBytesPerThread * thread_count(threads);
    EncodedTexts seen;
    std::vector<std::string> batch;
    for (bool more = true; more;) {
        if (cancel && cancel->cancelled())
            throw Cancelled();
        batch.clear();
        size_t bytes = 0;
        while (bytes < batch_bytes) {
            const std::optional<std::string_view> text = texts.next();
            if (!text) {
                more = false;
                break;
            }
            seen.stats.add_text(*text);
            if (seen.preview.size() < kPreviewTexts)
                seen.preview.push_back(preview_of(*text));
            batch.emplace_back(*text);
            bytes += text->size();
        }
        const std::vector<int32_t> ids = encode_corpus(tokenizer, batch, {}, cancel, threads);
        out.append(ids.data(), ids.size());
        if (progress)
            progress(texts.bytes_read());
    }
    return seen;
}

} // namespace i3
