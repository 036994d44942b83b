// SPDX-License-Identifier: GPL-3.0-or-later
// A Parquet file opened for its text columns: the footer read and checked, the top-level columns
// listed (for a column picker), and what ParquetTextReader needs to find each column's chunks.
//
// Read: the metadata as pyarrow and the Hugging Face Hub's converter write it. Refused, by name:
// encrypted files, column data kept in other files. Nothing in the file is trusted: the footer's
// length, every offset and every size are checked against the file's size and sane limits before
// anything is allocated. Errors are i3::Error messages that start with the file's path.
#pragma once

#include "formats/parquet_metadata.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace i3 {

namespace parquet {
// Parquet's 4-byte lengths (the footer's, a PLAIN value's, a v1 page's levels') are little-endian.
inline uint32_t little_endian_u32(std::string_view bytes)
{
    uint32_t value = 0;
    for (size_t i = 0; i < 4; ++i)
        value |= static_cast<uint32_t>(static_cast<uint8_t>(bytes[i])) << (8 * i);
    return value;
}
} // namespace parquet

struct ParquetColumn {
    std::string name;
    std::string type;  // in words: "string", "int64", "binary", "list (nested)", "repeated string"...
    bool text = false; // a flat column of strings, which ParquetTextReader reads
};

class ParquetFile {
public:
    static constexpr uint64_t kMaxFooterBytes = uint64_t{256} << 20;

    // Reads and checks the footer; throws i3::Error when the file cannot be read, is not
    // Parquet, is encrypted or its metadata is malformed.
    explicit ParquetFile(std::filesystem::path path);

    const std::filesystem::path& path() const { return path_; }
    int64_t rows() const { return metadata_.num_rows; }
    const std::vector<ParquetColumn>& columns() const { return columns_; }
    const parquet::FileMetaData& metadata() const { return metadata_; }

    // The column called `name`, or nullptr.
    const ParquetColumn* column(const std::string& name) const;
    // Where a top-level column's chunks sit in each row group's list (only for flat columns).
    size_t chunk_index(const ParquetColumn& column) const;
    // 1 for a column that may hold nulls, 0 for a required one.
    int max_definition_level(const ParquetColumn& column) const;
    // Where the column chunks end: the footer follows.
    uint64_t data_end() const { return data_end_; }
    // Reads `count` bytes at `offset` of this file through `in`; throws when the file is shorter
    // than that (it may have changed since it was opened).
    std::string read_bytes(std::istream& in, uint64_t offset, size_t count) const;

private:
    void read_footer();
    void list_columns();
    void check_row_groups() const;

    std::filesystem::path path_;
    uint64_t size_ = 0;
    uint64_t data_end_ = 0;
    parquet::FileMetaData metadata_;
    std::vector<ParquetColumn> columns_;
    std::vector<size_t> chunk_indices_;  // per column: its first leaf's index
    std::vector<int> definition_levels_; // per column
};

} // namespace i3
