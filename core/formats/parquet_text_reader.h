// SPDX-License-Identifier: GPL-3.0-or-later
// Streams the texts of one string column of a Parquet file, one page at a time: memory holds a
// page and the current row group's dictionary, never the whole column.
//
// Read: data pages v1 and v2, dictionary pages, the PLAIN, PLAIN_DICTIONARY and RLE_DICTIONARY
// encodings, RLE definition levels (nulls are skipped), page checksums when present, and the
// codecs UNCOMPRESSED, SNAPPY, GZIP and ZSTD. Refused, by name: other codecs (LZ4, BROTLI, ...),
// other encodings (DELTA_BYTE_ARRAY, ...), nested, repeated and non-string columns. Every text
// must be valid UTF-8. Errors are i3::Error messages that start with the file's path and name
// the column and row group.
#pragma once

#include "formats/parquet_file.h"
#include "formats/rle_hybrid.h"

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace i3 {

class ParquetTextReader {
public:
    static constexpr size_t kMaxPageBytes = size_t{512} << 20;
    static constexpr size_t kMaxPageHeaderBytes = size_t{16} << 20;

    // Checks that `column` is a text column whose codecs and encodings this reader supports
    // (`file` must outlive the reader);
    // throws i3::Error naming the problem (and the file's columns when it is not there).
    ParquetTextReader(const ParquetFile& file, const std::string& column);

    // The next text that is not null, in row order; nullopt after the last. The view stays
    // valid until the next call.
    std::optional<std::string_view> next();
    // Where the next page starts, in bytes from the file's start: how far it has read.
    uint64_t position() const { return position_; }

private:
    std::optional<std::string_view> next_text();
    bool next_page();
    bool start_next_chunk();
    parquet::PageHeader read_page_header(std::string& body);
    void load_dictionary(const parquet::PageHeader& page, std::string& body);
    void start_data_page(const parquet::PageHeader& page, std::string& body);
    void start_values(std::string_view values, int32_t encoding);
    std::string_view next_value();
    std::string where() const;

    const ParquetFile& file_;
    const ParquetColumn& column_;
    size_t chunk_index_;
    int max_definition_;
    std::ifstream in_;

    // The current column chunk.
    size_t row_group_ = 0;
    bool chunk_started_ = false;
    uint64_t position_ = 0; // the next page header, in bytes from the file's start
    uint64_t chunk_end_ = 0;
    int64_t chunk_values_left_ = 0;
    bool data_page_seen_ = false;
    std::string dictionary_bytes_;
    std::vector<std::string_view> dictionary_;
    bool has_dictionary_ = false;

    // The current data page.
    std::string levels_bytes_;
    std::string values_bytes_;
    int64_t page_values_left_ = 0;
    std::optional<parquet::RleHybridDecoder> definition_levels_;
    bool dictionary_encoded_ = false;
    std::string_view plain_values_;
    std::optional<parquet::RleHybridDecoder> dictionary_indices_;
};

} // namespace i3
