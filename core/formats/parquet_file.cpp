// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet_file.h"

#include "base/atomic_file.h"
#include "base/error.h"

#include <fstream>
#include <utility>

namespace i3 {

namespace {

using namespace parquet;

constexpr std::string_view kMagic = "PAR1";
constexpr std::string_view kEncryptedMagic = "PARE";
constexpr size_t kTailBytes = 8; // the footer's length, then the magic
constexpr int kMaxSchemaDepth = 32;

std::string physical_type_words(const SchemaElement& element)
{
    switch (*element.type) {
    case kBoolean: return "boolean";
    case kInt32: return "int32";
    case kInt64: return "int64";
    case kInt96: return "int96";
    case kFloat: return "float";
    case kDouble: return "double";
    case kByteArray:
        return element.logical_type == kLogicalString || element.converted_type == kUtf8 ? "string" : "binary";
    case kFixedLenByteArray: return "fixed-length binary";
    default: throw Error("malformed metadata: column \"" + element.name + "\" has physical type " +
                         std::to_string(*element.type));
    }
}

std::string group_words(const SchemaElement& element)
{
    if (element.logical_type == kLogicalList || element.converted_type == kList)
        return "list (nested)";
    if (element.logical_type == kLogicalMap || element.converted_type == kMap ||
        element.converted_type == kMapKeyValue)
        return "map (nested)";
    return "struct (nested)";
}

// Steps over the element at `index` and everything below it; returns the index after them and
// counts the leaves (the columns that have chunks).
size_t skip_subtree(const std::vector<SchemaElement>& schema, size_t index, int depth, size_t& leaves)
{
    if (depth > kMaxSchemaDepth)
        throw Error("malformed metadata: the schema nests deeper than " + std::to_string(kMaxSchemaDepth) +
                    " levels");
    const SchemaElement& element = schema[index++];
    if (element.num_children == 0) {
        if (!element.type)
            throw Error("malformed metadata: schema element \"" + element.name + "\" has neither a type nor children");
        ++leaves;
        return index;
    }
    for (int32_t child = 0; child < element.num_children; ++child) {
        if (index >= schema.size())
            throw Error("malformed metadata: schema element \"" + element.name + "\" claims " +
                        std::to_string(element.num_children) + " children, more than the schema holds");
        index = skip_subtree(schema, index, depth + 1, leaves);
    }
    return index;
}

} // namespace

ParquetFile::ParquetFile(std::filesystem::path path) : path_(std::move(path))
{
    check_regular_file(path_); // its message names the file already
    try {
        read_footer();
        list_columns();
        check_row_groups();
    } catch (const Error& error) {
        throw Error(path_.string() + ": " + error.what());
    }
}

std::string ParquetFile::read_bytes(std::istream& in, uint64_t offset, size_t count) const
{
    if (offset > size_ || count > size_ - offset)
        throw Error("malformed file: bytes " + std::to_string(offset) + " to " + std::to_string(offset + count) +
                    " lie past its end (" + std::to_string(size_) + " bytes)");
    std::string bytes(count, '\0');
    in.clear();
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(bytes.data(), static_cast<std::streamsize>(count));
    if (static_cast<size_t>(in.gcount()) != count)
        throw Error("the file could not be read at byte " + std::to_string(offset) +
                    " (did it change since it was opened?)");
    return bytes;
}

void ParquetFile::read_footer()
{
    std::error_code size_error;
    size_ = std::filesystem::file_size(path_, size_error);
    std::ifstream in(path_, std::ios::binary);
    if (size_error || !in)
        throw Error("cannot open the file");
    if (size_ < kMagic.size() + kTailBytes)
        throw Error("not a Parquet file (only " + std::to_string(size_) + " bytes)");
    if (read_bytes(in, 0, kMagic.size()) != kMagic)
        throw Error("not a Parquet file (it does not start with PAR1)");
    const std::string tail = read_bytes(in, size_ - kTailBytes, kTailBytes);
    const std::string_view end_magic = std::string_view(tail).substr(4);
    if (end_magic == kEncryptedMagic)
        throw Error("the file is encrypted, which this reader does not support");
    if (end_magic != kMagic)
        throw Error("not a Parquet file, or cut short (it does not end with PAR1)");
    const uint64_t footer_size = little_endian_u32(tail);
    const uint64_t room = size_ - kMagic.size() - kTailBytes;
    if (footer_size > room || footer_size > kMaxFooterBytes)
        throw Error("malformed file: its footer claims " + std::to_string(footer_size) + " bytes, but " +
                    (footer_size > room ? "only " + std::to_string(room) + " are there"
                                        : "the limit is " + std::to_string(kMaxFooterBytes)));
    data_end_ = size_ - kTailBytes - footer_size;
    metadata_ = decode_file_metadata(read_bytes(in, data_end_, static_cast<size_t>(footer_size)));
    if (metadata_.encrypted)
        throw Error("the file is encrypted, which this reader does not support");
}

void ParquetFile::list_columns()
{
    const auto& schema = metadata_.schema;
    if (schema.empty())
        throw Error("malformed metadata: the schema is empty");
    size_t index = 1;
    size_t leaves = 0;
    for (int32_t field = 0; field < schema[0].num_children; ++field) {
        if (index >= schema.size())
            throw Error("malformed metadata: the schema's root claims " + std::to_string(schema[0].num_children) +
                        " columns, more than the schema holds");
        const SchemaElement& element = schema[index];
        ParquetColumn column{element.name, {}, false};
        const bool repeated = element.repetition == kRepeated;
        chunk_indices_.push_back(leaves);
        definition_levels_.push_back(element.repetition == kOptional ? 1 : 0);
        index = skip_subtree(schema, index, 1, leaves);
        if (element.num_children > 0) {
            column.type = group_words(element);
        } else {
            column.type = (repeated ? "repeated " : "") + physical_type_words(element);
            column.text = !repeated && column.type == "string";
        }
        columns_.push_back(std::move(column));
    }
    if (index != schema.size())
        throw Error("malformed metadata: the schema holds " + std::to_string(schema.size() - index) +
                    " elements outside its root");
    for (const auto& group : metadata_.row_groups)
        if (group.columns.size() != leaves)
            throw Error("malformed metadata: a row group has " + std::to_string(group.columns.size()) +
                        " column chunks; the schema has " + std::to_string(leaves) + " columns");
}

void ParquetFile::check_row_groups() const
{
    int64_t rows = 0;
    for (const auto& group : metadata_.row_groups) {
        if (group.num_rows > metadata_.num_rows - rows)
            throw Error("malformed metadata: the row groups hold more rows than the file's " +
                        std::to_string(metadata_.num_rows));
        rows += group.num_rows;
    }
    if (rows != metadata_.num_rows)
        throw Error("malformed metadata: the row groups hold " + std::to_string(rows) + " rows, the file says " +
                    std::to_string(metadata_.num_rows));
}

const ParquetColumn* ParquetFile::column(const std::string& name) const
{
    for (const auto& column : columns_)
        if (column.name == name)
            return &column;
    return nullptr;
}

size_t ParquetFile::chunk_index(const ParquetColumn& column) const
{
    return chunk_indices_.at(static_cast<size_t>(&column - columns_.data()));
}

int ParquetFile::max_definition_level(const ParquetColumn& column) const
{
    return definition_levels_.at(static_cast<size_t>(&column - columns_.data()));
}

} // namespace i3
