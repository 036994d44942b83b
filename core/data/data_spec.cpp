// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/data_spec.h"

#include "base/error.h"
#include "data/builtin_corpus.h"
#include "data/source_mix.h"
#include "data/text_sources.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iterator>

namespace i3 {

namespace {

namespace fs = std::filesystem;

FileStamp stamp_of(const fs::path& path, const fs::path& name)
{
    FileStamp stamp{name};
    std::error_code size_error, time_error;
    const auto size = fs::file_size(path, size_error);
    const auto time = fs::last_write_time(path, time_error);
    if (!size_error && !time_error) {
        stamp.size = size;
        stamp.modified_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
    }
    return stamp;
}

void add_local_stamps(const fs::path& file, std::vector<FileStamp>& stamps)
{
    std::vector<fs::path> parts;
    try {
        parts = source_files(file);
    } catch (const Error&) {
        parts = {file}; // a folder that cannot be listed: reading it will say why
    }
    for (const auto& part : parts)
        stamps.push_back(stamp_of(part, part));
}

// A Hub file's identity is its commit and path; the time the cache got it says nothing.
void add_hub_stamps(const HubDataset& dataset, std::vector<FileStamp>& stamps)
{
    for (const auto& file : dataset.files) {
        FileStamp stamp = stamp_of(dataset.snapshot / file, kHubSourcePrefix + dataset.repo + "@" + dataset.commit + "/" + file);
        stamp.modified_ns = 0;
        stamps.push_back(stamp);
    }
}

std::vector<std::string> read_source(const DataSource& source, const TextReadOptions& options)
{
    if (!source.hub)
        return read_texts(source.file, options);
    const HubDataset& dataset = *source.hub;
    if (!dataset.fetched())
        throw Error(describe(dataset) + " has not been fetched from the Hub");
    std::vector<fs::path> files;
    for (const auto& file : dataset.files)
        files.push_back(dataset.snapshot / file);
    TextReadOptions hub_options = options;
    hub_options.text_field = dataset.text_field;
    return read_texts(files, hub_options);
}

} // namespace

bool DataSpec::operator==(const DataSpec& other) const
{
    return builtin_corpus == other.builtin_corpus && sources == other.sources && text_field == other.text_field &&
           max_texts == other.max_texts && tokenizer_texts == other.tokenizer_texts &&
           tokenizer_file == other.tokenizer_file;
}

std::vector<std::string> DataSpec::source_descriptions() const
{
    std::vector<std::string> descriptions;
    if (builtin_corpus)
        descriptions.push_back(builtin_corpus_description());
    for (const auto& source : sources)
        descriptions.push_back(describe(source));
    return descriptions;
}

std::vector<FileStamp> DataSpec::stamps() const
{
    std::vector<FileStamp> found;
    for (const auto& source : sources) {
        if (source.hub)
            add_hub_stamps(*source.hub, found);
        else
            add_local_stamps(source.file, found);
    }
    if (!tokenizer_file.empty())
        found.push_back(stamp_of(tokenizer_file, tokenizer_file));
    return found;
}

bool DataSpec::weighted() const
{
    return std::any_of(sources.begin(), sources.end(), [](const DataSource& source) { return source.weight > 0; });
}

std::vector<std::string> read_data_texts(const DataSpec& spec, const CancelToken* cancel)
{
    if (!spec.builtin_corpus && spec.sources.empty())
        throw Error("no training data chosen: use the built-in corpus or add files");
    const size_t limit = spec.max_texts > 0 ? spec.max_texts : SIZE_MAX;
    TextReadOptions options;
    options.text_field = spec.text_field;
    if (spec.weighted()) {
        if (spec.builtin_corpus)
            throw Error("the built-in corpus has no weight: mix weighted sources without it");
        std::vector<std::vector<std::string>> texts;
        std::vector<double> weights;
        for (const auto& source : spec.sources) {
            if (source.weight <= 0)
                throw Error(describe(source) + " has no weight: give every source a weight (FILE:0.3) or none");
            if (cancel && cancel->cancelled())
                throw Cancelled();
            if (limit != SIZE_MAX)
                options.max_texts = limit; // no source gives more than the whole corpus
            texts.push_back(read_source(source, options));
            weights.push_back(source.weight);
        }
        return mix_sources(std::move(texts), weights, spec.max_texts);
    }
    std::vector<std::string> texts;
    if (spec.builtin_corpus) {
        texts = builtin_corpus_texts();
        if (texts.size() > limit)
            texts.resize(limit);
    }
    for (const auto& source : spec.sources) {
        if (cancel && cancel->cancelled())
            throw Cancelled();
        if (texts.size() >= limit)
            break;
        if (limit != SIZE_MAX)
            options.max_texts = limit - texts.size();
        auto more = read_source(source, options);
        texts.insert(texts.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    return texts;
}

} // namespace i3
