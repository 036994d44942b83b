// SPDX-License-Identifier: GPL-3.0-or-later
// Which texts a run trains on and which tokenizer it uses: the built-in corpus and/or sources
// (files, folders, Hub datasets; weighted or not), a limit on how many texts are read, and a
// tokenizer file or a vocabulary built from the texts.
#pragma once

#include "base/cancel_token.h"
#include "data/data_source.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

// What a file was when data was prepared from it: a file rewritten since differs. A Hub
// dataset's file is named "hf:owner/name@<commit>/<path>": its commit pins its bytes.
struct FileStamp {
    std::filesystem::path path;
    std::uintmax_t size = 0;       // 0 and time 0 for a file that is not there
    int64_t modified_ns = 0;
    bool operator==(const FileStamp& other) const
    {
        return path == other.path && size == other.size && modified_ns == other.modified_ns;
    }
};

struct DataSpec {
    bool builtin_corpus = true;
    // .txt, .jsonl, .json, .csv, .parquet, folders of .parquet files and Hub datasets, read after
    // the built-in corpus; either every one is weighted (they are mixed) or none is (they follow
    // one another).
    std::vector<DataSource> sources;
    std::string text_field = "text";          // the JSON field, CSV or Parquet column of local files
    size_t max_texts = 0;                     // read at most this many texts; 0: every text
    std::optional<size_t> tokenizer_texts;    // build the vocabulary from the first N texts only
    std::filesystem::path tokenizer_file;     // empty: build a vocabulary from the texts

    bool operator==(const DataSpec& other) const;
    bool operator!=(const DataSpec& other) const { return !(*this == other); }
    // The sources in words, for config.json's dataset_sources.
    std::vector<std::string> source_descriptions() const;
    // The files it names (texts, with each folder's .parquet files and each fetched Hub
    // dataset's files, then the tokenizer), as they are now.
    std::vector<FileStamp> stamps() const;
    bool weighted() const;
};

// The files of one source as DataSpec::stamps() lists them.
std::vector<FileStamp> source_stamps(const DataSource& source);

// Reads the chosen texts in order, or mixed by weight (data/source_mix.h), into memory: for small
// corpora and tests; training streams them (data/corpus_parts.h). Hub datasets must have been
// fetched (data/hub_dataset_fetch.h). Throws i3::Error (no source, unreadable file, no text at
// all, weights on some sources only) or i3::Cancelled.
std::vector<std::string> read_data_texts(const DataSpec& spec, const CancelToken* cancel = nullptr);

} // namespace i3
