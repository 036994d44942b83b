// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/tfrecord.h"

#include <array>

namespace i3 {

namespace {

// The Castagnoli polynomial 0x1EDC6F41, bit-reversed as the CRC is computed least bit first.
constexpr uint32_t kCastagnoliReversed = 0x82F63B78u;
constexpr uint32_t kMaskDelta = 0xa282ead8u;

std::array<uint32_t, 256> make_table()
{
    std::array<uint32_t, 256> table{};
    for (uint32_t byte = 0; byte < 256; ++byte) {
        uint32_t crc = byte;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ ((crc & 1u) ? kCastagnoliReversed : 0u);
        table[byte] = crc;
    }
    return table;
}

void append_little_endian(std::string& out, uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.push_back(static_cast<char>((value >> (8 * i)) & 0xffu));
}

} // namespace

uint32_t crc32c(std::string_view bytes)
{
    static const std::array<uint32_t, 256> table = make_table();
    uint32_t crc = 0xffffffffu;
    for (const char c : bytes)
        crc = (crc >> 8) ^ table[(crc ^ static_cast<unsigned char>(c)) & 0xffu];
    return crc ^ 0xffffffffu;
}

uint32_t masked_crc32c(std::string_view bytes)
{
    const uint32_t crc = crc32c(bytes);
    return ((crc >> 15) | (crc << 17)) + kMaskDelta;
}

void append_tfrecord(std::string& out, std::string_view data)
{
    std::string length;
    append_little_endian(length, data.size(), 8);
    out += length;
    append_little_endian(out, masked_crc32c(length), 4);
    out.append(data);
    append_little_endian(out, masked_crc32c(data), 4);
}

} // namespace i3
