// SPDX-License-Identifier: GPL-3.0-or-later
// Parquet's RLE / bit-packing hybrid (Encodings.md): runs of one repeated value and runs of
// values packed at a fixed bit width, least significant bit first. It carries the definition
// levels of nullable columns and the dictionary indices of dictionary-encoded pages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace i3::parquet {

class RleHybridDecoder {
public:
    static constexpr int kMaxBitWidth = 32;

    // `bytes` holds the runs (without a length prefix); throws i3::Error for a bit width over 32.
    RleHybridDecoder(std::string_view bytes, int bit_width);

    // The next value; throws i3::Error when the runs end first.
    uint32_t next();

private:
    void start_run();
    uint32_t unpack();

    std::string_view bytes_;
    int bit_width_;
    size_t position_ = 0;        // the next run's header, in bytes
    uint64_t repeated_left_ = 0; // values left in a repeated run
    uint32_t repeated_value_ = 0;
    uint64_t packed_left_ = 0;   // values left in a bit-packed run
    size_t packed_bit_ = 0;      // the next packed value, in bits from the start of bytes_
};

} // namespace i3::parquet
