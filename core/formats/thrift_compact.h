// SPDX-License-Identifier: GPL-3.0-or-later
// A reader of Apache Thrift's compact protocol, the encoding of Parquet's footer and page headers.
// It decodes values on request and skips what the caller does not ask for; it trusts nothing in
// the bytes: every length is checked against the bytes left and nesting is bounded, so a corrupt
// input throws i3::Error instead of allocating or recursing without end.
#pragma once

#include "base/error.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

namespace i3 {

// The compact protocol's type codes (booleans in a struct carry their value in the code).
enum class ThriftType : uint8_t {
    Stop = 0,
    True = 1,
    False = 2,
    Byte = 3,
    I16 = 4,
    I32 = 5,
    I64 = 6,
    Double = 7,
    Binary = 8,
    List = 9,
    Set = 10,
    Map = 11,
    Struct = 12,
};

struct ThriftField {
    int16_t id = 0;
    ThriftType type = ThriftType::Stop;
};

// Thrown when the bytes end in the middle of a value: a caller that read only a window of a
// larger input may retry with more.
class ThriftTruncated : public Error {
public:
    ThriftTruncated() : Error("the Thrift data ends in the middle of a value") {}
};

class ThriftCompactReader {
public:
    // Structs and lists nested deeper than this are refused; Parquet's own metadata nests about 6.
    static constexpr int kMaxDepth = 32;

    explicit ThriftCompactReader(std::string_view bytes) : bytes_(bytes) {}

    // Reads one struct: calls `field` for each of its fields, which must consume the value (with
    // one of the read functions or skip).
    void read_struct(const std::function<void(const ThriftField&)>& field);
    // Reads one list (or set): calls `element` once per element with the elements' type. A list
    // of booleans reports its elements as Byte: each is one byte, 1 for true.
    void read_list(ThriftType type, const std::function<void(ThriftType)>& element);

    int64_t read_integer(ThriftType type);           // any of Byte, I16, I32 and I64
    int32_t read_i32(ThriftType type);               // an integer that must fit in 32 bits
    bool read_bool(ThriftType type);                 // a boolean field (True, False) or element (Byte)
    std::string_view read_binary(ThriftType type);   // a string or binary, viewing the input
    void skip(ThriftType type);
    // Throws unless a value of type `actual` is one of type `expected`.
    void expect(ThriftType actual, ThriftType expected) const;

    size_t position() const { return position_; }

private:
    uint8_t read_byte();
    uint64_t read_varint();
    void enter();
    void leave() { --depth_; }

    std::string_view bytes_;
    size_t position_ = 0;
    int depth_ = 0;
};

} // namespace i3
