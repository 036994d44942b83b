// SPDX-License-Identifier: GPL-3.0-or-later
// The one way to start a new run, for the command line and the studio alike: check the settings
// and the folder, fetch the Hub datasets, build (in one pass over the texts) or load the
// tokenizer, encode the corpus into the token store (or reuse what the token cache or an
// analysis of the same data holds), then create the run folder and its trainer, from fresh
// weights or from a published model's (fine-tuning).
#pragma once

#include "base/cancel_token.h"
#include "data/corpus_encoding.h"
#include "data/data_spec.h"
#include "data/data_stats.h"
#include "data/token_corpus.h"
#include "hub/hub_client.h"
#include "config/model_config.h"
#include "text/chunk_tokenizer.h"
#include "config/train_config.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace i3 {

class RankGroup;
class Trainer;

// The data of a DataSpec made ready to train on: its tokenizer and the encoded corpus.
struct PreparedData {
    DataSpec spec;               // what it was made from
    std::vector<FileStamp> stamps; // its files as they were then
    ChunkTokenizer tokenizer;
    bool tokenizer_built = false; // from the texts (worth saving), not loaded from a file
    bool tokenizer_reused = false; // built before from the same files: found in the token cache
    TokenCorpus tokens;           // every non-blank text encoded, no separators (memory-mapped)
    DataStats stats;              // counted while encoding
    std::vector<std::string> first_texts; // the first kPreviewTexts texts, each cut short, for a preview
    std::filesystem::path token_cache;     // where the encoded parts are kept
    size_t parts_encoded = 0;              // parts of the corpus encoded now
    size_t parts_reused = 0;               // found in the token cache
    std::vector<std::string> notes;        // what to know (a damaged cache entry made again)
    static constexpr size_t kPreviewTexts = i3::kPreviewTexts;
};

enum class PreparationPhase { ReadingTexts, LoadingTokenizer, BuildingTokenizer, Encoding, CreatingFolder };
// A phase and how far it is (0..1, or below 0 when unknown). Called now and then from the
// working thread.
using PreparationProgress = std::function<void(PreparationPhase phase, double fraction)>;

// Fetches the Hub datasets not yet fetched (without progress), builds or loads the tokenizer and
// encodes the data into the token cache (data/token_cache.h: $I3_TOKEN_CACHE, else
// $XDG_CACHE_HOME/i3-studio/tokens, else ~/.cache/i3-studio/tokens), reusing what it holds.
// Throws i3::Error or i3::Cancelled.
std::shared_ptr<const PreparedData> prepare_data(const DataSpec& spec, const PreparationProgress& progress = {},
                                                 const CancelToken* cancel = nullptr);

struct RunSpec {
    DataSpec data;
    ModelConfig model;     // vocab_size is replaced by the tokenizer's
    TrainConfig training;
    std::filesystem::path folder; // absent or empty
    // A model folder to fine-tune: training starts from its weights with its tokenizer, and
    // `model` must be its configuration (and data.tokenizer_file empty or its tokenizer). Empty:
    // fresh weights.
    std::filesystem::path init_from;
    // Reused instead of preparing the data again when it was made from the same DataSpec and
    // its files have not changed since.
    std::shared_ptr<const PreparedData> prepared;
    // The data-parallel ranks it trains on, this process being their rank 0; none: this process alone.
    std::shared_ptr<RankGroup> ranks;
};

struct RunCreationCallbacks {
    PreparationProgress progress;
    DownloadCallbacks download; // the Hub datasets' files; its cancel defaults to create_run's
    // The data is ready, the folder not yet made: its counts, for a log.
    std::function<void(const PreparedData& data, int64_t train_tokens, int64_t validation_tokens)> prepared;
};

// Checks the settings and the folder first (before minutes of reading and encoding), prepares
// the data, and creates the run folder with its trainer. Throws i3::Error or i3::Cancelled;
// a refused folder is left untouched.
std::unique_ptr<Trainer> create_run(const RunSpec& spec, const RunCreationCallbacks& callbacks = {},
                                    const CancelToken* cancel = nullptr);

} // namespace i3
