// SPDX-License-Identifier: GPL-3.0-or-later
// TFRecord, the framing of TensorFlow's and TensorBoard's record files: each record is
//   uint64 length (little-endian) | uint32 masked CRC-32C of those 8 bytes | data | uint32 masked CRC-32C of data
// where CRC-32C is the Castagnoli CRC and "masked" is ((crc >> 15) | (crc << 17)) + 0xa282ead8,
// which TensorFlow applies so that a CRC stored inside data does not checksum to a constant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace i3 {

uint32_t crc32c(std::string_view bytes);
uint32_t masked_crc32c(std::string_view bytes);

// Appends one record holding `data` to `out`.
void append_tfrecord(std::string& out, std::string_view data);

} // namespace i3
