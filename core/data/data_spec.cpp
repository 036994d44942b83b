// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/data_spec.h"

#include "base/error.h"
#include "data/builtin_corpus.h"
#include "data/text_sources.h"

#include <chrono>
#include <cstdint>
#include <iterator>

namespace i3 {

bool DataSpec::operator==(const DataSpec& other) const
{
    return builtin_corpus == other.builtin_corpus && files == other.files && text_field == other.text_field &&
           max_texts == other.max_texts && tokenizer_texts == other.tokenizer_texts &&
           tokenizer_file == other.tokenizer_file;
}

std::vector<std::string> DataSpec::source_descriptions() const
{
    std::vector<std::string> sources;
    if (builtin_corpus)
        sources.push_back(builtin_corpus_description());
    for (const auto& file : files)
        sources.push_back(file.string());
    return sources;
}

std::vector<FileStamp> DataSpec::stamps() const
{
    std::vector<std::filesystem::path> paths;
    for (const auto& file : files) {
        try {
            const auto parts = source_files(file);
            paths.insert(paths.end(), parts.begin(), parts.end());
        } catch (const Error&) {
            paths.push_back(file); // a folder that cannot be listed: reading it will say why
        }
    }
    if (!tokenizer_file.empty())
        paths.push_back(tokenizer_file);
    std::vector<FileStamp> found;
    for (const auto& path : paths) {
        FileStamp stamp{path};
        std::error_code size_error, time_error;
        const auto size = std::filesystem::file_size(path, size_error);
        const auto time = std::filesystem::last_write_time(path, time_error);
        if (!size_error && !time_error) {
            stamp.size = size;
            stamp.modified_ns =
                std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
        }
        found.push_back(stamp);
    }
    return found;
}

std::vector<std::string> read_data_texts(const DataSpec& spec, const CancelToken* cancel)
{
    if (!spec.builtin_corpus && spec.files.empty())
        throw Error("no training data chosen: use the built-in corpus or add files");
    const size_t limit = spec.max_texts > 0 ? spec.max_texts : SIZE_MAX;
    std::vector<std::string> texts;
    if (spec.builtin_corpus) {
        texts = builtin_corpus_texts();
        if (texts.size() > limit)
            texts.resize(limit);
    }
    for (const auto& file : spec.files) {
        if (cancel && cancel->cancelled())
            throw Cancelled();
        if (texts.size() >= limit)
            break;
        TextReadOptions options;
        options.text_field = spec.text_field;
        if (limit != SIZE_MAX)
            options.max_texts = limit - texts.size();
        auto more = read_texts(file, options);
        texts.insert(texts.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    return texts;
}

} // namespace i3
