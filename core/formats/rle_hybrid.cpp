// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/rle_hybrid.h"

#include "base/error.h"

#include <algorithm>
#include <string>

namespace i3::parquet {

RleHybridDecoder::RleHybridDecoder(std::string_view bytes, int bit_width)
    : bytes_(bytes)
    , bit_width_(bit_width)
{
    if (bit_width < 0 || bit_width > kMaxBitWidth)
        throw Error("malformed page: a bit width of " + std::to_string(bit_width) + " (at most " +
                    std::to_string(kMaxBitWidth) + ")");
}

uint32_t RleHybridDecoder::next()
{
    while (repeated_left_ == 0 && packed_left_ == 0)
        start_run();
    if (repeated_left_ > 0) {
        --repeated_left_;
        return repeated_value_;
    }
    --packed_left_;
    return unpack();
}

void RleHybridDecoder::start_run()
{
    uint64_t header = 0;
    for (int shift = 0;; shift += 7) {
        if (position_ >= bytes_.size())
            throw Error("malformed page: its levels or dictionary indices end before its values do");
        if (shift > 56)
            throw Error("malformed page: a run header runs past 64 bits");
        const auto byte = static_cast<uint8_t>(bytes_[position_++]);
        header |= static_cast<uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0)
            break;
    }
    const size_t left = bytes_.size() - position_;
    // No page holds 2^32 values: the cap keeps the counts below from overflowing.
    const uint64_t count = std::min<uint64_t>(header >> 1, uint64_t{1} << 32);
    if ((header & 1) == 0) {
        const size_t value_bytes = static_cast<size_t>((bit_width_ + 7) / 8);
        if (value_bytes > left)
            throw Error("malformed page: a repeated run's value is cut off");
        uint32_t value = 0;
        for (size_t i = 0; i < value_bytes; ++i)
            value |= static_cast<uint32_t>(static_cast<uint8_t>(bytes_[position_ + i])) << (8 * i);
        position_ += value_bytes;
        repeated_value_ = value;
        repeated_left_ = count;
        return;
    }
    // count groups of 8 values, each group bit_width bytes. A last run may be cut short by the
    // end of the data; only the values actually present can be read.
    const uint64_t bytes = count * static_cast<uint64_t>(bit_width_);
    const uint64_t present = std::min<uint64_t>(bytes, left);
    packed_bit_ = position_ * 8;
    packed_left_ = bit_width_ == 0 ? count * 8 : std::min<uint64_t>(count * 8, present * 8 / bit_width_);
    position_ += static_cast<size_t>(present);
}

uint32_t RleHybridDecoder::unpack()
{
    if (bit_width_ == 0)
        return 0;
    // The value's bits start within byte packed_bit_ / 8 and span at most 5 bytes; start_run
    // made sure they are all inside bytes_.
    const size_t first = packed_bit_ / 8;
    const int shift = static_cast<int>(packed_bit_ % 8);
    const size_t span = static_cast<size_t>((shift + bit_width_ + 7) / 8);
    uint64_t window = 0;
    for (size_t i = 0; i < span; ++i)
        window |= static_cast<uint64_t>(static_cast<uint8_t>(bytes_[first + i])) << (8 * i);
    packed_bit_ += static_cast<size_t>(bit_width_);
    return static_cast<uint32_t>((window >> shift) & ((uint64_t{1} << bit_width_) - 1));
}

} // namespace i3::parquet
