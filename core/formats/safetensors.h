// SPDX-License-Identifier: GPL-3.0-or-later
// The Hugging Face safetensors format: an 8-byte little-endian header length, a JSON header
// naming each tensor's dtype, shape and byte range, then the raw little-endian data.
#pragma once

#include "formats/named_tensors.h"

#include <filesystem>
#include <map>
#include <string>

namespace i3 {

// Reads every tensor, in the order the header lists them. The tensors are CPU, contiguous and
// keep their stored dtype (F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL); callers convert.
// Anything malformed (sizes, JSON, dtypes, byte ranges, trailing bytes) throws i3::Error naming
// the file and, where there is one, the tensor.
NamedTensors read_safetensors(const std::filesystem::path& path);

// Writes the tensors in the given order, atomically. `metadata` becomes the header's
// "__metadata__" (left out when empty). Throws i3::Error for duplicate names or a dtype the
// format has no name for.
void write_safetensors(const std::filesystem::path& path, const NamedTensors& tensors,
                       const std::map<std::string, std::string>& metadata = {});

} // namespace i3
