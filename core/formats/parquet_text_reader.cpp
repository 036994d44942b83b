// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet_text_reader.h"

#include "base/error.h"
#include "formats/parquet_codecs.h"
#include "formats/thrift_compact.h"
#include "text/unicode_text.h"

#include <zlib.h>

#include <algorithm>

namespace i3 {

namespace {

using namespace parquet;

constexpr size_t kFirstHeaderWindow = 4096;

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

std::string quoted_names(const std::vector<ParquetColumn>& columns, bool text_only)
{
    std::string list;
    for (const auto& column : columns)
        if (column.text || !text_only)
            list += (list.empty() ? "" : ", ") + quoted(column.name);
    return list.empty() ? "none" : list;
}

const ParquetColumn& text_column(const ParquetFile& file, const std::string& name)
{
    const ParquetColumn* column = file.column(name);
    if (!column)
        throw Error("no column " + quoted(name) + " (the columns are " + quoted_names(file.columns(), false) + ")");
    if (column->text)
        return *column;
    const bool nested = column->type.find("nested") != std::string::npos;
    const bool repeated = column->type.rfind("repeated", 0) == 0;
    throw Error("column " + quoted(name) +
                (nested     ? " is a " + column->type + " column; only flat text columns can be read"
                 : repeated ? " is repeated (" + column->type + "); only flat text columns can be read"
                            : " holds " + column->type + " values, not text") +
                " (the text columns are " + quoted_names(file.columns(), true) + ")");
}

bool encoding_supported(int32_t encoding)
{
    return encoding == kPlain || encoding == kPlainDictionary || encoding == kRleDictionary || encoding == kRle ||
           encoding == kBitPacked;
}

// One PLAIN BYTE_ARRAY value (a 4-byte length, then the bytes) from the front of `values`.
std::string_view take_plain_value(std::string_view& values)
{
    if (values.size() < 4)
        throw Error("malformed page: its values end before its value count does");
    const uint32_t length = little_endian_u32(values);
    if (length > values.size() - 4)
        throw Error("malformed page: a value of " + std::to_string(length) + " bytes runs past the page's end");
    const std::string_view value = values.substr(4, length);
    values.remove_prefix(4 + size_t{length});
    return value;
}

void check_utf8(std::string_view text)
{
    if (!is_valid_utf8(text))
        throw Error("a text is not valid UTF-8");
}

// Where a chunk's pages begin: at its dictionary page, if it has one.
uint64_t chunk_start(const ColumnChunk& chunk)
{
    return static_cast<uint64_t>(chunk.dictionary_page_offset.value_or(0) > 0
                                     ? std::min(*chunk.dictionary_page_offset, chunk.data_page_offset)
                                     : chunk.data_page_offset);
}

// Checks a chunk of `column` before any of its pages is read, so that what the reader does not
// support is refused at once, by name.
void check_chunk(const ColumnChunk& chunk, const ParquetColumn& column, const ParquetFile& file)
{
    if (chunk.encrypted)
        throw Error("column " + quoted(column.name) + " is encrypted, which this reader does not support");
    if (chunk.in_other_file)
        throw Error("column " + quoted(column.name) + " keeps its data in another file, which this reader "
                    "does not support");
    if (!chunk.has_metadata)
        throw Error("malformed metadata: a chunk of column " + quoted(column.name) + " has no metadata");
    if (!codec_supported(chunk.codec))
        throw Error("column " + quoted(column.name) + " is compressed with " + codec_name(chunk.codec) +
                    ", which this reader does not support (it reads UNCOMPRESSED, SNAPPY, GZIP and ZSTD)");
    for (const int32_t encoding : chunk.encodings)
        if (!encoding_supported(encoding))
            throw Error("column " + quoted(column.name) + " uses the " + encoding_name(encoding) +
                        " encoding, which this reader does not support (it reads PLAIN and dictionary encodings)");
    if (chunk.type != kByteArray || chunk.path != std::vector<std::string>{column.name})
        throw Error("malformed metadata: a column chunk does not belong to column " + quoted(column.name));
    // pyarrow writes an empty row group's chunks with offsets that point nowhere; none is read.
    if (chunk.num_values == 0)
        return;
    const uint64_t begin = chunk_start(chunk);
    const uint64_t size = static_cast<uint64_t>(chunk.total_compressed_size);
    if (begin < 4 || begin > file.data_end() || size > file.data_end() - begin)
        throw Error("malformed metadata: a chunk of column " + quoted(column.name) + " claims bytes " +
                    std::to_string(begin) + " to " + std::to_string(begin + size) +
                    ", outside the file's data (bytes 4 to " + std::to_string(file.data_end()) + ")");
}

} // namespace

ParquetTextReader::ParquetTextReader(const ParquetFile& file, const std::string& column)
    : file_(file)
    , column_([&]() -> const ParquetColumn& {
        try {
            return text_column(file, column);
        } catch (const Error& error) {
            throw Error(file.path().string() + ": " + error.what());
        }
    }())
    , chunk_index_(file.chunk_index(column_))
    , max_definition_(file.max_definition_level(column_))
    , in_(file.path(), std::ios::binary)
{
    try {
        if (!in_)
            throw Error("cannot open the file");
        for (const auto& group : file.metadata().row_groups) {
            const ColumnChunk& chunk = group.columns[chunk_index_];
            check_chunk(chunk, column_, file);
            if (chunk.num_values != group.num_rows)
                throw Error("malformed metadata: a chunk of column " + quoted(column_.name) + " holds " +
                            std::to_string(chunk.num_values) + " values in a row group of " +
                            std::to_string(group.num_rows) + " rows");
        }
    } catch (const Error& error) {
        throw Error(file.path().string() + ": " + error.what());
    }
}

std::string ParquetTextReader::where() const
{
    return file_.path().string() + ": column " + quoted(column_.name) + ", row group " +
           std::to_string(row_group_ + 1) + " of " + std::to_string(file_.metadata().row_groups.size()) + ": ";
}

std::optional<std::string_view> ParquetTextReader::next()
{
    try {
        return next_text();
    } catch (const Error& error) {
        throw Error(where() + error.what());
    }
}

std::optional<std::string_view> ParquetTextReader::next_text()
{
    while (true) {
        if (page_values_left_ > 0) {
            --page_values_left_;
            if (definition_levels_) {
                const uint32_t level = definition_levels_->next();
                if (level > static_cast<uint32_t>(max_definition_))
                    throw Error("malformed page: definition level " + std::to_string(level) + " in a column whose " +
                                "levels go up to " + std::to_string(max_definition_));
                if (level < static_cast<uint32_t>(max_definition_))
                    continue; // a null
            }
            return next_value();
        }
        if (!next_page())
            return std::nullopt;
    }
}

bool ParquetTextReader::start_next_chunk()
{
    const auto& groups = file_.metadata().row_groups;
    if (chunk_started_)
        ++row_group_;
    if (row_group_ >= groups.size())
        return false;
    chunk_started_ = true;
    const ColumnChunk& chunk = groups[row_group_].columns[chunk_index_];
    position_ = chunk_start(chunk);
    chunk_end_ = position_ + static_cast<uint64_t>(chunk.total_compressed_size);
    chunk_values_left_ = chunk.num_values;
    data_page_seen_ = false;
    has_dictionary_ = false;
    dictionary_.clear();
    dictionary_bytes_.clear();
    return true;
}

bool ParquetTextReader::next_page()
{
    while (true) {
        if (!chunk_started_ || chunk_values_left_ == 0) {
            if (!start_next_chunk())
                return false;
            continue;
        }
        if (position_ >= chunk_end_)
            throw Error("malformed column chunk: its pages end " + std::to_string(chunk_values_left_) +
                        " values before its metadata's count");
        std::string body;
        const PageHeader page = read_page_header(body);
        switch (page.type) {
        case kDictionaryPage: load_dictionary(page, body); break;
        case kDataPage:
        case kDataPageV2:
            start_data_page(page, body);
            if (page_values_left_ > 0)
                return true;
            break;
        case kIndexPage: break;
        default: throw Error("malformed column chunk: a page of unknown type " + std::to_string(page.type));
        }
    }
}

// Reads the page header at position_ and the page's bytes as stored (compressed) into `body`,
// checking its sizes and checksum, and moves position_ past it.
PageHeader ParquetTextReader::read_page_header(std::string& body)
{
    const uint64_t room = chunk_end_ - position_;
    size_t window = static_cast<size_t>(std::min<uint64_t>(room, kFirstHeaderWindow));
    size_t header_size = 0;
    PageHeader page;
    while (true) {
        const std::string bytes = file_.read_bytes(in_, position_, window);
        try {
            page = decode_page_header(bytes, header_size);
            break;
        } catch (const ThriftTruncated&) {
            if (window == room)
                throw Error("malformed column chunk: a page header runs past the chunk's end");
            if (window >= kMaxPageHeaderBytes)
                throw Error("malformed column chunk: a page header longer than " +
                            std::to_string(kMaxPageHeaderBytes) + " bytes");
            window = static_cast<size_t>(std::min<uint64_t>({room, uint64_t{window} * 8, kMaxPageHeaderBytes}));
        }
    }
    const auto stored = static_cast<size_t>(page.compressed_size);
    if (stored > room - header_size)
        throw Error("malformed column chunk: a page of " + std::to_string(stored) + " bytes runs past the chunk's end");
    if (stored > kMaxPageBytes || static_cast<size_t>(page.uncompressed_size) > kMaxPageBytes)
        throw Error("a page larger than this reader's limit of " + std::to_string(kMaxPageBytes) + " bytes");
    body = file_.read_bytes(in_, position_ + header_size, stored);
    if (page.crc) {
        const auto crc = static_cast<uint32_t>(
            crc32(0L, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size())));
        if (crc != *page.crc)
            throw Error("malformed page: its checksum does not match its bytes");
    }
    position_ += header_size + stored;
    return page;
}

void ParquetTextReader::load_dictionary(const PageHeader& page, std::string& body)
{
    if (has_dictionary_ || data_page_seen_)
        throw Error("malformed column chunk: a dictionary page that is not the chunk's first page");
    if (page.encoding != kPlain && page.encoding != kPlainDictionary)
        throw Error("a dictionary page in the " + encoding_name(page.encoding) +
                    " encoding, which this reader does not support");
    const int32_t codec = file_.metadata().row_groups[row_group_].columns[chunk_index_].codec;
    dictionary_bytes_ = decompress_page(codec, body, static_cast<size_t>(page.uncompressed_size));
    // Every entry takes at least its 4-byte length.
    if (page.num_values < 0 || static_cast<size_t>(page.num_values) > dictionary_bytes_.size() / 4)
        throw Error("malformed page: a dictionary of " + std::to_string(page.num_values) + " entries in " +
                    std::to_string(dictionary_bytes_.size()) + " bytes");
    std::string_view values = dictionary_bytes_;
    dictionary_.reserve(static_cast<size_t>(page.num_values));
    for (int32_t i = 0; i < page.num_values; ++i) {
        const std::string_view entry = take_plain_value(values);
        check_utf8(entry);
        dictionary_.push_back(entry);
    }
    has_dictionary_ = true;
}

void ParquetTextReader::start_data_page(const PageHeader& page, std::string& body)
{
    data_page_seen_ = true;
    if (page.num_values < 0 || page.num_values > chunk_values_left_)
        throw Error("malformed page: it claims " + std::to_string(page.num_values) + " values, but only " +
                    std::to_string(chunk_values_left_) + " are left in the column chunk");
    if (page.encoding != kPlain && page.encoding != kPlainDictionary && page.encoding != kRleDictionary)
        throw Error("a page in the " + encoding_name(page.encoding) +
                    " encoding, which this reader does not support (it reads PLAIN and dictionary encodings)");
    chunk_values_left_ -= page.num_values;
    const int32_t codec = file_.metadata().row_groups[row_group_].columns[chunk_index_].codec;
    const auto size = static_cast<size_t>(page.uncompressed_size);
    definition_levels_.reset();
    std::string_view values;
    if (page.type == kDataPage) {
        values_bytes_ = decompress_page(codec, body, size);
        values = values_bytes_;
        if (max_definition_ > 0) {
            if (page.definition_level_encoding != kRle)
                throw Error("definition levels in the " + encoding_name(page.definition_level_encoding) +
                            " encoding, which this reader does not support");
            if (values.size() < 4 || little_endian_u32(values) > values.size() - 4)
                throw Error("malformed page: its definition levels run past its end");
            const size_t levels = little_endian_u32(values);
            definition_levels_.emplace(values.substr(4, levels), 1);
            values.remove_prefix(4 + levels);
        }
    } else {
        const auto levels = static_cast<size_t>(std::max(page.definition_levels_length, 0));
        if (page.repetition_levels_length != 0 || page.definition_levels_length < 0)
            throw Error("malformed page: repetition levels in a flat column, or a negative length");
        if (levels > body.size() || levels > size || (max_definition_ == 0 && levels > 0))
            throw Error("malformed page: its definition levels do not fit its sizes");
        levels_bytes_ = body.substr(0, levels);
        const std::string_view stored = std::string_view(body).substr(levels);
        if (page.values_compressed && codec != kUncompressed)
            values_bytes_ = decompress_page(codec, stored, size - levels);
        else
            values_bytes_ = decompress_page(kUncompressed, stored, size - levels);
        values = values_bytes_;
        if (max_definition_ > 0)
            definition_levels_.emplace(levels_bytes_, 1);
    }
    start_values(values, page.encoding);
    page_values_left_ = page.num_values;
}

void ParquetTextReader::start_values(std::string_view values, int32_t encoding)
{
    dictionary_indices_.reset();
    dictionary_encoded_ = encoding != kPlain;
    if (!dictionary_encoded_) {
        plain_values_ = values;
        return;
    }
    // A page of nulls only may carry no indices at all (not even their bit width): any value
    // read from it fails.
    if (values.empty()) {
        dictionary_indices_.emplace(values, 0);
        return;
    }
    if (!has_dictionary_)
        throw Error("malformed column chunk: a dictionary-encoded page without a dictionary page");
    dictionary_indices_.emplace(values.substr(1), static_cast<uint8_t>(values[0]));
}

std::string_view ParquetTextReader::next_value()
{
    if (dictionary_encoded_) {
        const uint32_t index = dictionary_indices_->next();
        if (index >= dictionary_.size())
            throw Error("malformed page: dictionary index " + std::to_string(index) + " in a dictionary of " +
                        std::to_string(dictionary_.size()) + " entries");
        return dictionary_[index];
    }
    const std::string_view text = take_plain_value(plain_values_);
    check_utf8(text);
    return text;
}

} // namespace i3
