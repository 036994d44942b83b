// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/corpus_parts.h"

#include "base/error.h"
#include "data/builtin_corpus.h"
#include "data/source_mix.h"
#include "data/text_sources.h"
#include "hub/sha256.h"

#include <numeric>

namespace i3 {

namespace {

namespace fs = std::filesystem;

// The built-in corpus changes only with the program, and then its hash says so.
const std::string& builtin_corpus_hash()
{
    static const std::string hash = [] {
        Sha256 sha;
        for (const std::string& text : builtin_corpus_texts()) {
            const uint64_t size = text.size();
            sha.update(reinterpret_cast<const char*>(&size), sizeof size);
            sha.update(text.data(), text.size());
        }
        return sha.hex_digest();
    }();
    return hash;
}

CorpusPart builtin_part()
{
    CorpusPart part;
    part.description = "the built-in corpus";
    part.locator = {{"builtin", true}};
    part.stamps = {{"sha256", builtin_corpus_hash()}};
    for (const std::string& text : builtin_corpus_texts())
        part.bytes += text.size();
    part.open = [](std::optional<size_t> limit) -> std::unique_ptr<TextStream> {
        auto texts = std::make_unique<VectorTextStream>(builtin_corpus_texts());
        if (!limit)
            return texts;
        return std::make_unique<LimitedTextStream>(std::move(texts), *limit);
    };
    return part;
}

nlohmann::json stamps_json(const std::vector<FileStamp>& stamps)
{
    nlohmann::json list = nlohmann::json::array();
    for (const FileStamp& stamp : stamps)
        list.push_back({stamp.path.string(), stamp.size, stamp.modified_ns});
    return list;
}

uint64_t total_size(const std::vector<FileStamp>& stamps)
{
    return std::accumulate(stamps.begin(), stamps.end(), uint64_t(0),
                           [](uint64_t sum, const FileStamp& stamp) { return sum + stamp.size; });
}

// A local file or folder, or a fetched Hub dataset, with its column; absolute paths, so that a
// cache entry is the same whatever folder the program started in.
CorpusPart source_part(DataSource source, const std::string& text_field)
{
    CorpusPart part;
    source.weight = 0;
    if (source.hub) {
        const HubDataset& dataset = *source.hub;
        if (!dataset.fetched())
            throw Error(describe(dataset) + " has not been fetched from the Hub");
        part.locator = {{"hub", dataset.repo},   {"config", dataset.config_name()}, {"split", dataset.split},
                        {"field", dataset.text_field}, {"files", dataset.files}};
    } else {
        source.file = fs::absolute(source.file).lexically_normal();
        part.locator = {{"file", source.file.string()}, {"field", text_field}};
    }
    part.description = describe(source);
    const std::vector<FileStamp> stamps = source_stamps(source);
    part.stamps = stamps_json(stamps);
    part.bytes = total_size(stamps);
    part.open = [source, text_field](std::optional<size_t> limit) {
        TextReadOptions options;
        options.max_texts = limit;
        if (!source.hub) {
            options.text_field = text_field;
            return open_texts(source.file, options);
        }
        options.text_field = source.hub->text_field;
        std::vector<fs::path> files;
        for (const auto& file : source.hub->files)
            files.push_back(source.hub->snapshot / file);
        return open_texts(files, options);
    };
    return part;
}

// Weighted sources as one part: the mix depends on every one of them.
CorpusPart mixed_part(const DataSpec& spec)
{
    if (spec.builtin_corpus)
        throw Error("the built-in corpus has no weight: mix weighted sources without it");
    std::vector<CorpusPart> sources;
    std::vector<double> weights;
    CorpusPart mix;
    mix.locator = {{"mix", nlohmann::json::array()}, {"weights", nlohmann::json::array()}};
    mix.stamps = nlohmann::json::array();
    for (const DataSource& source : spec.sources) {
        if (source.weight <= 0)
            throw Error(describe(source) + " has no weight: give every source a weight (FILE:0.3) or none");
        sources.push_back(source_part(source, spec.text_field));
        weights.push_back(source.weight);
        mix.locator["mix"].push_back(sources.back().locator);
        mix.locator["weights"].push_back(source.weight);
        mix.stamps.push_back(sources.back().stamps);
        mix.bytes += sources.back().bytes;
        mix.description += (mix.description.empty() ? "" : " + ") + describe(source);
    }
    mix.open = [sources, weights](std::optional<size_t> limit) {
        // No source gives more than the whole corpus.
        const SourceOpener open = [sources, limit](size_t i) { return sources[i].open(limit); };
        return mix_streams(open, weights, limit.value_or(0));
    };
    return mix;
}

// The parts one after the other, sharing a limit.
class CorpusStream : public TextStream {
public:
    CorpusStream(std::vector<CorpusPart> parts, size_t max_texts) : parts_(std::move(parts)), limit_(max_texts) {}

    std::optional<std::string_view> next() override
    {
        while (limit_ == 0 || given_ < limit_) {
            if (!current_) {
                if (next_part_ == parts_.size())
                    break;
                current_ = parts_[next_part_++].open(limit_ > 0 ? std::optional<size_t>(limit_ - given_) : std::nullopt);
            }
            if (const std::optional<std::string_view> text = current_->next()) {
                ++given_;
                return text;
            }
            done_bytes_ += parts_[next_part_ - 1].bytes;
            current_.reset();
        }
        return std::nullopt;
    }

    uint64_t bytes_read() const override { return done_bytes_ + (current_ ? current_->bytes_read() : 0); }

private:
    std::vector<CorpusPart> parts_;
    size_t limit_;
    size_t next_part_ = 0;
    std::unique_ptr<TextStream> current_;
    size_t given_ = 0;
    uint64_t done_bytes_ = 0;
};

} // namespace

std::vector<CorpusPart> corpus_parts(const DataSpec& spec)
{
    if (!spec.builtin_corpus && spec.sources.empty())
        throw Error("no training data chosen: use the built-in corpus or add files");
    if (spec.weighted())
        return {mixed_part(spec)};
    std::vector<CorpusPart> parts;
    if (spec.builtin_corpus)
        parts.push_back(builtin_part());
    for (const DataSource& source : spec.sources)
        parts.push_back(source_part(source, spec.text_field));
    return parts;
}

std::unique_ptr<TextStream> open_corpus(std::vector<CorpusPart> parts, size_t max_texts)
{
    return std::make_unique<CorpusStream>(std::move(parts), max_texts);
}

} // namespace i3
