// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of Parquet's metadata (parquet.thrift) that reading a text column needs: the footer's
// FileMetaData (schema, row groups, column chunks) and the header in front of every page, decoded
// from the Thrift compact protocol. Fields the reader does not use are skipped; required fields
// that are missing, and values out of range, throw i3::Error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace i3::parquet {

// Enumerations as parquet.thrift numbers them (only the values the reader tells apart).
enum PhysicalType : int32_t { kBoolean = 0, kInt32 = 1, kInt64 = 2, kInt96 = 3, kFloat = 4, kDouble = 5,
                              kByteArray = 6, kFixedLenByteArray = 7 };
enum Repetition : int32_t { kRequired = 0, kOptional = 1, kRepeated = 2 };
enum ConvertedType : int32_t { kUtf8 = 0, kMap = 1, kMapKeyValue = 2, kList = 3 };
enum Codec : int32_t { kUncompressed = 0, kSnappy = 1, kGzip = 2, kLzo = 3, kBrotli = 4, kLz4 = 5, kZstd = 6,
                       kLz4Raw = 7 };
enum Encoding : int32_t { kPlain = 0, kPlainDictionary = 2, kRle = 3, kBitPacked = 4, kDeltaBinaryPacked = 5,
                          kDeltaLengthByteArray = 6, kDeltaByteArray = 7, kRleDictionary = 8,
                          kByteStreamSplit = 9 };
enum PageType : int32_t { kDataPage = 0, kIndexPage = 1, kDictionaryPage = 2, kDataPageV2 = 3 };

// Names as parquet.thrift spells them, for messages ("LZ4", "DELTA_BYTE_ARRAY").
std::string codec_name(int32_t codec);
std::string encoding_name(int32_t encoding);

// The members of the LogicalType union that the reader tells apart (their field ids).
enum LogicalType : int16_t { kLogicalString = 1, kLogicalMap = 2, kLogicalList = 3 };

struct SchemaElement {
    std::string name;
    std::optional<int32_t> type; // a PhysicalType; absent for groups
    std::optional<int32_t> repetition;
    int32_t num_children = 0;
    std::optional<int32_t> converted_type;
    std::optional<int16_t> logical_type; // which member of the LogicalType union is set
};

struct ColumnChunk {
    bool in_other_file = false; // file_path is set: the data lives in another file
    bool encrypted = false;     // crypto metadata or encrypted column metadata is set
    bool has_metadata = false;
    int32_t type = 0;
    std::vector<int32_t> encodings;
    std::vector<std::string> path;
    int32_t codec = 0;
    int64_t num_values = 0;
    int64_t total_compressed_size = 0;
    int64_t data_page_offset = 0;
    std::optional<int64_t> dictionary_page_offset;
};

struct RowGroup {
    int64_t num_rows = 0;
    std::vector<ColumnChunk> columns;
};

struct FileMetaData {
    std::vector<SchemaElement> schema; // depth first, the root first
    int64_t num_rows = 0;
    std::vector<RowGroup> row_groups;
    bool encrypted = false; // an encryption algorithm is named (a plaintext footer)
};

FileMetaData decode_file_metadata(std::string_view bytes);

struct PageHeader {
    int32_t type = 0;
    int32_t uncompressed_size = 0;
    int32_t compressed_size = 0;
    std::optional<uint32_t> crc;
    int32_t num_values = 0; // of the data or dictionary page
    int32_t encoding = 0;   // of the values
    // Data pages v1: how the levels in front of the values are encoded.
    int32_t definition_level_encoding = kRle;
    int32_t repetition_level_encoding = kRle;
    // Data pages v2: the levels' lengths (they are never compressed) and whether the values are.
    int32_t definition_levels_length = 0;
    int32_t repetition_levels_length = 0;
    bool values_compressed = true;
};

// Decodes the page header at the start of `bytes` and sets `header_size` to its length.
// Throws ThriftTruncated when `bytes` ends inside the header.
PageHeader decode_page_header(std::string_view bytes, size_t& header_size);

} // namespace i3::parquet
