// SPDX-License-Identifier: GPL-3.0-or-later
// Decompression of Parquet pages: SNAPPY (libsnappy), GZIP (zlib) and ZSTD (libzstd).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace i3::parquet {

// Whether decompress_page handles this codec (UNCOMPRESSED included).
bool codec_supported(int32_t codec);

// Decompresses one page written with `codec` into exactly `size` bytes, which the caller has
// checked against its limits. Throws i3::Error for malformed data or output of another size.
std::string decompress_page(int32_t codec, std::string_view compressed, size_t size);

} // namespace i3::parquet
