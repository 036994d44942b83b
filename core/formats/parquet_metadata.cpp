// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet_metadata.h"

#include "base/error.h"
#include "formats/thrift_compact.h"

#include <initializer_list>
#include <iterator>
#include <utility>

namespace i3::parquet {

namespace {

// Remembers which fields of one struct were present, to name a required one that is missing.
class SeenFields {
public:
    void mark(int16_t id)
    {
        if (id > 0 && id < 64)
            seen_ |= uint64_t{1} << id;
    }

    void require(const char* structure, std::initializer_list<std::pair<int16_t, const char*>> fields) const
    {
        for (const auto& [id, name] : fields)
            if ((seen_ & (uint64_t{1} << id)) == 0)
                throw Error(std::string("malformed metadata: a ") + structure + " lacks its required field " + name);
    }

private:
    uint64_t seen_ = 0;
};

int64_t non_negative(int64_t value, const char* what)
{
    if (value < 0)
        throw Error(std::string("malformed metadata: ") + what + " is negative (" + std::to_string(value) + ")");
    return value;
}

// ---- FileMetaData ----------------------------------------------------------------------------

std::optional<int16_t> decode_logical_type(ThriftCompactReader& thrift)
{
    std::optional<int16_t> member;
    thrift.read_struct([&](const ThriftField& field) {
        member = field.id;
        thrift.skip(field.type);
    });
    return member;
}

SchemaElement decode_schema_element(ThriftCompactReader& thrift)
{
    SchemaElement element;
    SeenFields seen;
    thrift.read_struct([&](const ThriftField& field) {
        seen.mark(field.id);
        switch (field.id) {
        case 1: element.type = thrift.read_i32(field.type); break;
        case 3: element.repetition = thrift.read_i32(field.type); break;
        case 4: element.name = std::string(thrift.read_binary(field.type)); break;
        case 5:
            element.num_children =
                static_cast<int32_t>(non_negative(thrift.read_i32(field.type), "a schema element's child count"));
            break;
        case 6: element.converted_type = thrift.read_i32(field.type); break;
        case 10: element.logical_type = decode_logical_type(thrift); break;
        default: thrift.skip(field.type);
        }
    });
    seen.require("schema element", {{4, "name"}});
    return element;
}

void decode_column_metadata(ThriftCompactReader& thrift, ColumnChunk& chunk)
{
    SeenFields seen;
    thrift.read_struct([&](const ThriftField& field) {
        seen.mark(field.id);
        switch (field.id) {
        case 1: chunk.type = thrift.read_i32(field.type); break;
        case 2:
            thrift.read_list(field.type, [&](ThriftType type) { chunk.encodings.push_back(thrift.read_i32(type)); });
            break;
        case 3:
            thrift.read_list(field.type,
                             [&](ThriftType type) { chunk.path.emplace_back(thrift.read_binary(type)); });
            break;
        case 4: chunk.codec = thrift.read_i32(field.type); break;
        case 5: chunk.num_values = non_negative(thrift.read_integer(field.type), "a column chunk's value count"); break;
        case 7:
            chunk.total_compressed_size =
                non_negative(thrift.read_integer(field.type), "a column chunk's compressed size");
            break;
        case 9: chunk.data_page_offset = non_negative(thrift.read_integer(field.type), "a data page offset"); break;
        case 11:
            chunk.dictionary_page_offset = non_negative(thrift.read_integer(field.type), "a dictionary page offset");
            break;
        default: thrift.skip(field.type);
        }
    });
    seen.require("column chunk's metadata", {{1, "type"},
                                             {2, "encodings"},
                                             {3, "path_in_schema"},
                                             {4, "codec"},
                                             {5, "num_values"},
                                             {7, "total_compressed_size"},
                                             {9, "data_page_offset"}});
    chunk.has_metadata = true;
}

ColumnChunk decode_column_chunk(ThriftCompactReader& thrift)
{
    ColumnChunk chunk;
    thrift.read_struct([&](const ThriftField& field) {
        switch (field.id) {
        case 1:
            chunk.in_other_file = true;
            thrift.skip(field.type);
            break;
        case 3: decode_column_metadata(thrift, chunk); break;
        case 8:
        case 9:
            chunk.encrypted = true;
            thrift.skip(field.type);
            break;
        default: thrift.skip(field.type);
        }
    });
    return chunk;
}

RowGroup decode_row_group(ThriftCompactReader& thrift)
{
    RowGroup group;
    SeenFields seen;
    thrift.read_struct([&](const ThriftField& field) {
        seen.mark(field.id);
        switch (field.id) {
        case 1:
            thrift.read_list(field.type, [&](ThriftType type) {
                thrift.expect(type, ThriftType::Struct);
                group.columns.push_back(decode_column_chunk(thrift));
            });
            break;
        case 3: group.num_rows = non_negative(thrift.read_integer(field.type), "a row group's row count"); break;
        default: thrift.skip(field.type);
        }
    });
    seen.require("row group", {{1, "columns"}, {3, "num_rows"}});
    return group;
}

// ---- PageHeader ------------------------------------------------------------------------------

int32_t page_size(int32_t size)
{
    return static_cast<int32_t>(non_negative(size, "a page size"));
}

void decode_data_page_header(ThriftCompactReader& thrift, PageHeader& page)
{
    SeenFields seen;
    thrift.read_struct([&](const ThriftField& field) {
        seen.mark(field.id);
        switch (field.id) {
        case 1: page.num_values = thrift.read_i32(field.type); break;
        case 2: page.encoding = thrift.read_i32(field.type); break;
        case 3: page.definition_level_encoding = thrift.read_i32(field.type); break;
        case 4: page.repetition_level_encoding = thrift.read_i32(field.type); break;
        default: thrift.skip(field.type);
        }
    });
    seen.require("data page header", {{1, "num_values"}, {2, "encoding"}, {3, "definition_level_encoding"},
                                      {4, "repetition_level_encoding"}});
}

void decode_data_page_header_v2(ThriftCompactReader& thrift, PageHeader& page)
{
    SeenFields seen;
    thrift.read_struct([&](const ThriftField& field) {
        seen.mark(field.id);
        switch (field.id) {
        case 1: page.num_values = thrift.read_i32(field.type); break;
        case 4: page.encoding = thrift.read_i32(field.type); break;
        case 5: page.definition_levels_length = thrift.read_i32(field.type); break;
        case 6: page.repetition_levels_length = thrift.read_i32(field.type); break;
        case 7: page.values_compressed = thrift.read_bool(field.type); break;
        default: thrift.skip(field.type);
        }
    });
    seen.require("data page header (v2)", {{1, "num_values"}, {4, "encoding"},
                                           {5, "definition_levels_byte_length"},
                                           {6, "repetition_levels_byte_length"}});
}

void decode_dictionary_page_header(ThriftCompactReader& thrift, PageHeader& page)
{
    SeenFields seen;
    thrift.read_struct([&](const ThriftField& field) {
        seen.mark(field.id);
        switch (field.id) {
        case 1: page.num_values = thrift.read_i32(field.type); break;
        case 2: page.encoding = thrift.read_i32(field.type); break;
        default: thrift.skip(field.type);
        }
    });
    seen.require("dictionary page header", {{1, "num_values"}, {2, "encoding"}});
}

} // namespace

std::string codec_name(int32_t codec)
{
    static const char* const names[] = {"UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"};
    if (codec >= 0 && codec < static_cast<int32_t>(std::size(names)))
        return names[codec];
    return "unknown codec " + std::to_string(codec);
}

std::string encoding_name(int32_t encoding)
{
    static const char* const names[] = {"PLAIN",
                                        "GROUP_VAR_INT",
                                        "PLAIN_DICTIONARY",
                                        "RLE",
                                        "BIT_PACKED",
                                        "DELTA_BINARY_PACKED",
                                        "DELTA_LENGTH_BYTE_ARRAY",
                                        "DELTA_BYTE_ARRAY",
                                        "RLE_DICTIONARY",
                                        "BYTE_STREAM_SPLIT"};
    if (encoding >= 0 && encoding < static_cast<int32_t>(std::size(names)))
        return names[encoding];
    return "unknown encoding " + std::to_string(encoding);
}

FileMetaData decode_file_metadata(std::string_view bytes)
{
    ThriftCompactReader thrift(bytes);
    FileMetaData file;
    SeenFields seen;
    thrift.read_struct([&](const ThriftField& field) {
        seen.mark(field.id);
        switch (field.id) {
        case 2:
            thrift.read_list(field.type, [&](ThriftType type) {
                thrift.expect(type, ThriftType::Struct);
                file.schema.push_back(decode_schema_element(thrift));
            });
            break;
        case 3: file.num_rows = non_negative(thrift.read_integer(field.type), "the file's row count"); break;
        case 4:
            thrift.read_list(field.type, [&](ThriftType type) {
                thrift.expect(type, ThriftType::Struct);
                file.row_groups.push_back(decode_row_group(thrift));
            });
            break;
        case 8:
            file.encrypted = true;
            thrift.skip(field.type);
            break;
        default: thrift.skip(field.type);
        }
    });
    seen.require("file's metadata", {{2, "schema"}, {3, "num_rows"}, {4, "row_groups"}});
    return file;
}

PageHeader decode_page_header(std::string_view bytes, size_t& header_size)
{
    ThriftCompactReader thrift(bytes);
    PageHeader page;
    SeenFields seen;
    thrift.read_struct([&](const ThriftField& field) {
        seen.mark(field.id);
        switch (field.id) {
        case 1: page.type = thrift.read_i32(field.type); break;
        case 2: page.uncompressed_size = page_size(thrift.read_i32(field.type)); break;
        case 3: page.compressed_size = page_size(thrift.read_i32(field.type)); break;
        case 4: page.crc = static_cast<uint32_t>(thrift.read_i32(field.type)); break;
        case 5: decode_data_page_header(thrift, page); break;
        case 7: decode_dictionary_page_header(thrift, page); break;
        case 8: decode_data_page_header_v2(thrift, page); break;
        default: thrift.skip(field.type);
        }
    });
    seen.require("page header", {{1, "type"}, {2, "uncompressed_page_size"}, {3, "compressed_page_size"}});
    switch (page.type) {
    case kDataPage: seen.require("page header", {{5, "data_page_header"}}); break;
    case kDictionaryPage: seen.require("page header", {{7, "dictionary_page_header"}}); break;
    case kDataPageV2: seen.require("page header", {{8, "data_page_header_v2"}}); break;
    default: break; // index pages and unknown types: the reader skips or refuses them by type
    }
    header_size = thrift.position();
    return page;
}

} // namespace i3::parquet
