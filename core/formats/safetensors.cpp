// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/safetensors.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/host_memory.h"
#include "base/json_file.h"
#include "formats/shape_text.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>
#include <set>

namespace fs = std::filesystem;
using nlohmann::ordered_json; // keeps the header's order, which is the order we return

namespace i3 {

namespace {

// The reference implementation refuses headers above 100 MB; so do we, before allocating.
constexpr uint64_t kMaxHeaderBytes = 100'000'000;
constexpr const char* kMetadataKey = "__metadata__";

struct DtypeName {
    const char* name;
    at::ScalarType type;
};

const DtypeName kDtypes[] = {
    {"F64", at::kDouble}, {"F32", at::kFloat}, {"F16", at::kHalf}, {"BF16", at::kBFloat16},
    {"I64", at::kLong},   {"I32", at::kInt},   {"I16", at::kShort}, {"I8", at::kChar},
    {"U8", at::kByte},    {"BOOL", at::kBool},
};

// Names the format defines for which LibTorch (1.13 at least) has no tensor type.
const char* const kUnsupportedDtypes[] = {"U16", "U32", "U64", "F8_E4M3", "F8_E5M2", "F8_E8M0",
                                          "F6_E2M3", "F6_E3M2", "F4", "C64"};

// One tensor as the header describes it; begin/end are relative to the start of the data.
struct HeaderEntry {
    std::string name;
    at::ScalarType dtype;
    std::vector<int64_t> shape;
    uint64_t begin = 0;
    uint64_t end = 0;
};

at::ScalarType dtype_from_name(const std::string& name, const std::string& where)
{
    for (const auto& dtype : kDtypes)
        if (name == dtype.name)
            return dtype.type;
    for (const char* unsupported : kUnsupportedDtypes)
        if (name == unsupported)
            throw Error(where + ": dtype \"" + name + "\" is not supported (supported: F64, F32, F16, "
                        "BF16, I64, I32, I16, I8, U8, BOOL)");
    throw Error(where + ": unknown dtype \"" + name + "\"");
}

const char* name_of_dtype(at::ScalarType type)
{
    for (const auto& dtype : kDtypes)
        if (type == dtype.type)
            return dtype.name;
    return nullptr;
}

uint64_t read_u64_le(const unsigned char* bytes)
{
    uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | bytes[i];
    return value;
}

std::string u64_le(uint64_t value)
{
    std::string bytes(8, '\0');
    for (int i = 0; i < 8; ++i)
        bytes[i] = static_cast<char>((value >> (8 * i)) & 0xff);
    return bytes;
}

// Parses the header, refusing repeated names (which a plain JSON parse would silently merge).
ordered_json parse_header(const std::string& text, const std::string& file)
{
    std::string repeated;
    std::set<std::string> seen;
    auto note_keys = [&](int depth, ordered_json::parse_event_t event, ordered_json& parsed) {
        if (depth > kMaxJsonDepth)
            throw Error(file + ": the header nests JSON more than " + std::to_string(kMaxJsonDepth) + " levels deep");
        if (depth == 1 && event == ordered_json::parse_event_t::key && repeated.empty()) {
            const std::string key = parsed.get<std::string>();
            if (!seen.insert(key).second)
                repeated = key;
        }
        return true;
    };
    ordered_json header;
    try {
        header = ordered_json::parse(text, note_keys);
    } catch (const ordered_json::parse_error& e) {
        // The header starts after the 8-byte length; e.byte counts from 1.
        throw Error(file + ": the header is not valid JSON (byte " + std::to_string(8 + e.byte - 1) +
                    " of the file): " + e.what());
    }
    if (!header.is_object())
        throw Error(file + ": the header must be a JSON object, not " + header.type_name());
    if (!repeated.empty())
        throw Error(file + ": the header lists tensor \"" + repeated + "\" twice");
    return header;
}

void check_metadata(const ordered_json& metadata, const std::string& file)
{
    if (!metadata.is_object())
        throw Error(file + ": \"__metadata__\" must be an object of strings");
    for (const auto& item : metadata.items())
        if (!item.value().is_string())
            throw Error(file + ": \"__metadata__\" entry \"" + item.key() + "\" must be a string, not " +
                        json_excerpt(item.value()));
}

uint64_t unsigned_number(const ordered_json& value, const std::string& what, const std::string& where)
{
    if (!value.is_number_unsigned())
        throw Error(where + ": " + what + " must be a whole number >= 0, not " + json_excerpt(value));
    return value.get<uint64_t>();
}

HeaderEntry parse_entry(const std::string& name, const ordered_json& info, const std::string& file)
{
    const std::string where = file + ": tensor \"" + name + "\"";
    if (!info.is_object())
        throw Error(where + ": its header entry must be an object, not " + json_excerpt(info));
    for (const char* key : {"dtype", "shape", "data_offsets"})
        if (!info.contains(key))
            throw Error(where + ": the header entry has no \"" + key + "\"");

    HeaderEntry entry;
    entry.name = name;
    if (!info["dtype"].is_string())
        throw Error(where + ": \"dtype\" must be a string, not " + json_excerpt(info["dtype"]));
    const std::string dtype_name = info["dtype"].get<std::string>();
    entry.dtype = dtype_from_name(dtype_name, where);

    const auto& shape = info["shape"];
    if (!shape.is_array())
        throw Error(where + ": \"shape\" must be a list of sizes, not " + json_excerpt(shape));
    uint64_t elements = 1;
    bool overflow = false;
    for (const auto& dim : shape) {
        const uint64_t size = unsigned_number(dim, "every size in \"shape\"", where);
        if (size > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
            overflow = true;
        else if (size != 0 && elements > std::numeric_limits<uint64_t>::max() / size)
            overflow = true;
        else
            elements *= size;
        entry.shape.push_back(static_cast<int64_t>(std::min<uint64_t>(size, INT64_MAX)));
    }
    const uint64_t element_size = c10::elementSize(entry.dtype);
    if (overflow || elements > std::numeric_limits<uint64_t>::max() / element_size ||
        elements > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
        throw Error(where + ": shape " + shape_text(entry.shape) + " is impossibly large");

    const auto& offsets = info["data_offsets"];
    if (!offsets.is_array() || offsets.size() != 2)
        throw Error(where + ": \"data_offsets\" must be [begin, end], not " + json_excerpt(offsets));
    entry.begin = unsigned_number(offsets[0], "\"data_offsets\"", where);
    entry.end = unsigned_number(offsets[1], "\"data_offsets\"", where);
    if (entry.end < entry.begin)
        throw Error(where + ": \"data_offsets\" " + json_excerpt(offsets) + " end before they begin");

    const uint64_t needed = elements * element_size;
    if (entry.end - entry.begin != needed)
        throw Error(where + ": shape " + shape_text(entry.shape) + " of " + dtype_name + " needs " +
                    std::to_string(needed) + " bytes but \"data_offsets\" " + json_excerpt(offsets) + " span " +
                    std::to_string(entry.end - entry.begin));
    return entry;
}

// The data must be exactly tiled by the tensors: in bounds, no overlaps, no gaps, nothing after.
void check_layout(std::vector<const HeaderEntry*> entries, uint64_t data_size, const std::string& file)
{
    for (const auto* entry : entries)
        if (entry->end > data_size)
            throw Error(file + ": tensor \"" + entry->name + "\" ends at byte " + std::to_string(entry->end) +
                        " of the data, but the file holds only " + std::to_string(data_size) +
                        " bytes of data (is it truncated?)");
    std::sort(entries.begin(), entries.end(), [](const HeaderEntry* a, const HeaderEntry* b) {
        return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
    });
    uint64_t covered = 0;
    const HeaderEntry* previous = nullptr;
    for (const auto* entry : entries) {
        if (entry->begin < covered)
            throw Error(file + ": the data of tensors \"" + previous->name + "\" and \"" + entry->name +
                        "\" overlap");
        if (entry->begin > covered)
            throw Error(file + ": data bytes " + std::to_string(covered) + " to " + std::to_string(entry->begin) +
                        " (before tensor \"" + entry->name + "\") belong to no tensor");
        covered = entry->end;
        previous = entry;
    }
    if (covered < data_size)
        throw Error(file + ": " + std::to_string(data_size - covered) +
                    " unexpected bytes follow the last tensor's data");
}

at::Tensor read_tensor_data(std::ifstream& in, uint64_t data_start, const HeaderEntry& entry,
                            const std::string& file)
{
    at::Tensor tensor = at::empty(entry.shape, at::TensorOptions().dtype(entry.dtype));
    const auto bytes = static_cast<std::streamsize>(entry.end - entry.begin);
    in.seekg(static_cast<std::streamoff>(data_start + entry.begin));
    in.read(static_cast<char*>(tensor.data_ptr()), bytes);
    if (!in || in.gcount() != bytes)
        throw Error(file + ": could not read the data of tensor \"" + entry.name + "\"");
    if (entry.dtype == at::kBool) {
        const auto* flags = static_cast<const unsigned char*>(tensor.data_ptr());
        if (std::any_of(flags, flags + bytes, [](unsigned char b) { return b > 1; }))
            throw Error(file + ": tensor \"" + entry.name + "\" is BOOL but holds bytes other than 0 and 1");
    }
    return tensor;
}

} // namespace

NamedTensors read_safetensors(const fs::path& path)
{
    const std::string file = path.string();
    check_regular_file(path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("cannot open " + file + ": " + std::strerror(errno));
    std::error_code size_error;
    const uint64_t file_size = fs::file_size(path, size_error);
    if (size_error)
        throw Error("cannot read the size of " + file + ": " + size_error.message());
    check_host_memory(static_cast<double>(file_size), "loading " + file);
    if (file_size < 8)
        throw Error(file + ": too short for a safetensors file (" + std::to_string(file_size) +
                    " bytes; the header length alone takes 8)");

    unsigned char length_bytes[8];
    in.read(reinterpret_cast<char*>(length_bytes), 8);
    const uint64_t header_size = read_u64_le(length_bytes);
    if (header_size > file_size - 8)
        throw Error(file + ": the header length says " + std::to_string(header_size) + " bytes but only " +
                    std::to_string(file_size - 8) + " follow (is the file truncated, or not safetensors?)");
    if (header_size > kMaxHeaderBytes)
        throw Error(file + ": the header length " + std::to_string(header_size) +
                    " is above the format's limit of 100 MB");
    std::string header_text(header_size, '\0');
    in.read(header_text.data(), static_cast<std::streamsize>(header_size));
    if (!in)
        throw Error("could not read the header of " + file);

    const ordered_json header = parse_header(header_text, file);
    std::vector<HeaderEntry> entries;
    for (const auto& item : header.items()) {
        if (item.key() == kMetadataKey)
            check_metadata(item.value(), file);
        else
            entries.push_back(parse_entry(item.key(), item.value(), file));
    }
    std::vector<const HeaderEntry*> by_position;
    for (const auto& entry : entries)
        by_position.push_back(&entry);
    const uint64_t data_start = 8 + header_size;
    check_layout(by_position, file_size - data_start, file);

    NamedTensors tensors;
    for (const auto& entry : entries)
        tensors.emplace_back(entry.name, read_tensor_data(in, data_start, entry, file));
    return tensors;
}

void write_safetensors(const fs::path& path, const NamedTensors& tensors,
                       const std::map<std::string, std::string>& metadata)
{
    const std::string file = path.string();
    ordered_json header = ordered_json::object();
    if (!metadata.empty())
        header[kMetadataKey] = metadata;

    std::vector<at::Tensor> data;
    uint64_t offset = 0;
    for (const auto& [name, tensor] : tensors) {
        const std::string where = file + ": tensor \"" + name + "\"";
        if (name == kMetadataKey || header.contains(name))
            throw Error(where + ": the name is " + (name == kMetadataKey ? "reserved" : "used twice"));
        if (!tensor.defined())
            throw Error(where + ": has no value");
        const char* dtype = name_of_dtype(tensor.scalar_type());
        if (!dtype)
            throw Error(where + ": safetensors has no name for dtype " +
                        std::string(c10::toString(tensor.scalar_type())));
        data.push_back(tensor.to(at::kCPU).contiguous());
        const uint64_t bytes = static_cast<uint64_t>(data.back().numel()) * data.back().element_size();
        header[name] = {{"dtype", dtype}, {"shape", tensor.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
    }

    std::string header_text;
    try {
        header_text = header.dump();
    } catch (const ordered_json::exception& e) {
        throw Error(file + ": a tensor name or metadata string is not valid UTF-8 (" + e.what() + ")");
    }
    // Padding the header keeps the data 8-byte aligned for readers that map the file.
    header_text.append((8 - header_text.size() % 8) % 8, ' ');

    write_atomically(path, [&](const fs::path& temporary) {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            throw Error("cannot create " + file + ": " + std::strerror(errno));
        out << u64_le(header_text.size()) << header_text;
        for (const auto& tensor : data)
            out.write(static_cast<const char*>(tensor.data_ptr()),
                      static_cast<std::streamsize>(tensor.numel() * tensor.element_size()));
        out.flush();
        if (!out)
            throw write_error(path);
    });
}

} // namespace i3
