// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/data_spec.h"

#include "base/error.h"
#include "data/builtin_corpus.h"
#include "data/corpus_parts.h"
#include "data/text_sources.h"

#include <algorithm>
#include <chrono>
#include <cstdint>

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
        const std::vector<FileStamp> more = source_stamps(source);
        found.insert(found.end(), more.begin(), more.end());
    }
    if (!tokenizer_file.empty())
        found.push_back(stamp_of(tokenizer_file, tokenizer_file));
    return found;
}

bool DataSpec::weighted() const
{
    return std::any_of(sources.begin(), sources.end(), [](const DataSource& source) { return source.weight > 0; });
}

std::vector<FileStamp> source_stamps(const DataSource& source)
{
    std::vector<FileStamp> found;
    if (source.hub)
        add_hub_stamps(*source.hub, found);
    else
        add_local_stamps(source.file, found);
    return found;
}

std::vector<std::string> read_data_texts(const DataSpec& spec, const CancelToken* cancel)
{
    if (cancel && cancel->cancelled())
        throw Cancelled();
    return collect_texts(*open_corpus(corpus_parts(spec), spec.max_texts));
}

} // namespace i3
