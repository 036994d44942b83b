// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/thrift_compact.h"

#include <iterator>
#include <string>

namespace i3 {

namespace {

int64_t zigzag_decode(uint64_t value)
{
    return static_cast<int64_t>(value >> 1) ^ -static_cast<int64_t>(value & 1);
}

std::string type_name(ThriftType type)
{
    static const char* const names[] = {"stop", "bool", "bool", "byte", "i16", "i32", "i64",
                                        "double", "binary", "list", "set", "map", "struct"};
    const auto code = static_cast<uint8_t>(type);
    return code < std::size(names) ? names[code] : "unknown type " + std::to_string(code);
}

bool is_integer(ThriftType type)
{
    return type == ThriftType::Byte || type == ThriftType::I16 || type == ThriftType::I32 || type == ThriftType::I64;
}

} // namespace

uint8_t ThriftCompactReader::read_byte()
{
    if (position_ >= bytes_.size())
        throw ThriftTruncated();
    return static_cast<uint8_t>(bytes_[position_++]);
}

uint64_t ThriftCompactReader::read_varint()
{
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        const uint8_t byte = read_byte();
        value |= static_cast<uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0)
            return value;
    }
    throw Error("malformed Thrift data: a variable-length integer runs past 64 bits");
}

void ThriftCompactReader::expect(ThriftType actual, ThriftType expected) const
{
    if (actual != expected)
        throw Error("malformed Thrift data: found a " + type_name(actual) + " where a " + type_name(expected) +
                    " belongs");
}

void ThriftCompactReader::enter()
{
    if (++depth_ > kMaxDepth)
        throw Error("malformed Thrift data: values nest deeper than " + std::to_string(kMaxDepth) + " levels");
}

void ThriftCompactReader::read_struct(const std::function<void(const ThriftField&)>& field)
{
    enter();
    int16_t last_id = 0;
    while (true) {
        const uint8_t header = read_byte();
        const auto type = static_cast<ThriftType>(header & 0x0F);
        if (type == ThriftType::Stop)
            break;
        if (type > ThriftType::Struct)
            throw Error("malformed Thrift data: field type code " + std::to_string(header & 0x0F));
        const int delta = header >> 4;
        const int64_t id = delta != 0 ? last_id + delta : zigzag_decode(read_varint());
        if (id < INT16_MIN || id > INT16_MAX)
            throw Error("malformed Thrift data: field id " + std::to_string(id) + " is out of range");
        last_id = static_cast<int16_t>(id);
        field(ThriftField{last_id, type});
    }
    leave();
}

void ThriftCompactReader::read_list(ThriftType type, const std::function<void(ThriftType)>& element)
{
    if (type != ThriftType::List && type != ThriftType::Set)
        expect(type, ThriftType::List);
    enter();
    const uint8_t header = read_byte();
    uint64_t size = header >> 4;
    if (size == 15)
        size = read_varint();
    auto element_type = static_cast<ThriftType>(header & 0x0F);
    if (element_type == ThriftType::True || element_type == ThriftType::False)
        element_type = ThriftType::Byte;
    if (element_type == ThriftType::Stop || element_type > ThriftType::Struct)
        throw Error("malformed Thrift data: list element type code " + std::to_string(header & 0x0F));
    // Every element takes at least one byte: a longer list cannot be in what is left.
    if (size > bytes_.size() - position_)
        throw Error("malformed Thrift data: a list claims " + std::to_string(size) + " elements in " +
                    std::to_string(bytes_.size() - position_) + " bytes");
    for (uint64_t i = 0; i < size; ++i)
        element(element_type);
    leave();
}

int64_t ThriftCompactReader::read_integer(ThriftType type)
{
    if (!is_integer(type))
        expect(type, ThriftType::I64);
    if (type == ThriftType::Byte)
        return static_cast<int8_t>(read_byte());
    return zigzag_decode(read_varint());
}

int32_t ThriftCompactReader::read_i32(ThriftType type)
{
    const int64_t value = read_integer(type);
    if (value < INT32_MIN || value > INT32_MAX)
        throw Error("malformed Thrift data: " + std::to_string(value) + " does not fit in 32 bits");
    return static_cast<int32_t>(value);
}

bool ThriftCompactReader::read_bool(ThriftType type)
{
    if (type == ThriftType::True || type == ThriftType::False)
        return type == ThriftType::True;
    expect(type, ThriftType::Byte);
    return read_byte() == 1;
}

std::string_view ThriftCompactReader::read_binary(ThriftType type)
{
    expect(type, ThriftType::Binary);
    const uint64_t size = read_varint();
    if (size > bytes_.size() - position_)
        throw ThriftTruncated();
    const std::string_view value = bytes_.substr(position_, size);
    position_ += size;
    return value;
}

void ThriftCompactReader::skip(ThriftType type)
{
    switch (type) {
    case ThriftType::True:
    case ThriftType::False:
        return;
    case ThriftType::Byte:
    case ThriftType::I16:
    case ThriftType::I32:
    case ThriftType::I64:
        read_integer(type);
        return;
    case ThriftType::Double:
        if (bytes_.size() - position_ < 8)
            throw ThriftTruncated();
        position_ += 8;
        return;
    case ThriftType::Binary:
        read_binary(type);
        return;
    case ThriftType::List:
    case ThriftType::Set:
        read_list(type, [this](ThriftType element) { skip(element); });
        return;
    case ThriftType::Map: {
        enter();
        const uint64_t size = read_varint();
        if (size > 0) {
            const uint8_t types = read_byte();
            auto key = static_cast<ThriftType>(types >> 4);
            auto value = static_cast<ThriftType>(types & 0x0F);
            // Every entry takes at least two bytes.
            if (size > (bytes_.size() - position_) / 2)
                throw Error("malformed Thrift data: a map claims " + std::to_string(size) + " entries in " +
                            std::to_string(bytes_.size() - position_) + " bytes");
            for (auto* part : {&key, &value})
                if (*part == ThriftType::True || *part == ThriftType::False)
                    *part = ThriftType::Byte;
            for (uint64_t i = 0; i < size; ++i) {
                skip(key);
                skip(value);
            }
        }
        leave();
        return;
    }
    case ThriftType::Struct:
        read_struct([this](const ThriftField& field) { skip(field.type); });
        return;
    case ThriftType::Stop:
        break;
    }
    throw Error("malformed Thrift data: cannot skip a value of " + type_name(type));
}

} // namespace i3
