// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet_codecs.h"

#include "base/error.h"
#include "formats/parquet_metadata.h"

#include <snappy.h>
#include <zlib.h>
#include <zstd.h>

#include <climits>

namespace i3::parquet {

namespace {

Error size_mismatch(int32_t codec, size_t expected, const std::string& found)
{
    return Error("malformed page: its " + codec_name(codec) + " data decompresses to " + found +
                 " bytes, its header says " + std::to_string(expected));
}

std::string snappy_decompress(std::string_view compressed, size_t size)
{
    size_t length = 0;
    if (!snappy::GetUncompressedLength(compressed.data(), compressed.size(), &length))
        throw Error("malformed page: its SNAPPY data is corrupt");
    if (length != size)
        throw size_mismatch(kSnappy, size, std::to_string(length));
    std::string out(size, '\0');
    if (!snappy::RawUncompress(compressed.data(), compressed.size(), out.data()))
        throw Error("malformed page: its SNAPPY data is corrupt");
    return out;
}

std::string zstd_decompress(std::string_view compressed, size_t size)
{
    // The first frame's size, where it is written down, tells a wrong page header before
    // anything is allocated (more frames may follow, so it can be smaller).
    const unsigned long long declared = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
    if (declared == ZSTD_CONTENTSIZE_ERROR)
        throw Error("malformed page: its ZSTD data is corrupt");
    if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared > size)
        throw size_mismatch(kZstd, size, std::to_string(declared));
    std::string out(size, '\0');
    const size_t written = ZSTD_decompress(out.data(), out.size(), compressed.data(), compressed.size());
    if (ZSTD_isError(written))
        throw Error(std::string("malformed page: its ZSTD data is corrupt (") + ZSTD_getErrorName(written) + ")");
    if (written != size)
        throw size_mismatch(kZstd, size, std::to_string(written));
    return out;
}

// GZIP members (zlib streams are accepted too, as some writers use them), one after another.
std::string gzip_decompress(std::string_view compressed, size_t size)
{
    if (compressed.size() > UINT_MAX || size > UINT_MAX)
        throw Error("malformed page: GZIP data over 4 GiB");
    std::string out(size, '\0');
    char spare = 0; // inflate needs somewhere to write even when nothing is expected
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 32) != Z_OK)
        throw Error("zlib could not start decompressing");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    stream.next_out = reinterpret_cast<Bytef*>(size > 0 ? out.data() : &spare);
    stream.avail_out = static_cast<uInt>(size > 0 ? size : 1);
    int status = Z_OK;
    while (true) {
        status = inflate(&stream, Z_FINISH);
        if (status != Z_STREAM_END || stream.avail_in == 0)
            break;
        status = inflateReset(&stream); // another member follows; the output carries on
        if (status != Z_OK)
            break;
    }
    const size_t written = (size > 0 ? size : 1) - stream.avail_out;
    inflateEnd(&stream);
    if (status != Z_STREAM_END) {
        if (stream.avail_out == 0)
            throw size_mismatch(kGzip, size, "more than " + std::to_string(size));
        throw Error("malformed page: its GZIP data is corrupt");
    }
    if (written != size)
        throw size_mismatch(kGzip, size, std::to_string(written));
    return out;
}

} // namespace

bool codec_supported(int32_t codec)
{
    return codec == kUncompressed || codec == kSnappy || codec == kGzip || codec == kZstd;
}

std::string decompress_page(int32_t codec, std::string_view compressed, size_t size)
{
    switch (codec) {
    case kUncompressed:
        if (compressed.size() != size)
            throw size_mismatch(codec, size, std::to_string(compressed.size()));
        return std::string(compressed);
    case kSnappy: return snappy_decompress(compressed, size);
    case kGzip: return gzip_decompress(compressed, size);
    case kZstd: return zstd_decompress(compressed, size);
    default: throw Error("the codec " + codec_name(codec) + " is not supported");
    }
}

} // namespace i3::parquet
