// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/tensorboard_event.h"

#include <cstring>

namespace i3 {

namespace {

// Protocol buffers' wire types (https://protobuf.dev/programming-guides/encoding/).
enum WireType : uint32_t { kVarint = 0, kFixed64 = 1, kLengthDelimited = 2, kFixed32 = 5 };

class MessageWriter {
public:
    void varint_field(uint32_t field, uint64_t value)
    {
        key(field, kVarint);
        varint(value);
    }
    void double_field(uint32_t field, double value)
    {
        uint64_t bits = 0;
        std::memcpy(&bits, &value, sizeof bits);
        key(field, kFixed64);
        little_endian(bits, 8);
    }
    void float_field(uint32_t field, float value)
    {
        uint32_t bits = 0;
        std::memcpy(&bits, &value, sizeof bits);
        key(field, kFixed32);
        little_endian(bits, 4);
    }
    // A string, bytes or an embedded message (its encoding).
    void bytes_field(uint32_t field, const std::string& bytes)
    {
        key(field, kLengthDelimited);
        varint(bytes.size());
        out_ += bytes;
    }
    const std::string& bytes() const { return out_; }

private:
    void key(uint32_t field, WireType type) { varint((static_cast<uint64_t>(field) << 3) | type); }
    void varint(uint64_t value)
    {
        while (value >= 0x80) {
            out_.push_back(static_cast<char>((value & 0x7f) | 0x80));
            value >>= 7;
        }
        out_.push_back(static_cast<char>(value));
    }
    void little_endian(uint64_t value, int bytes)
    {
        for (int i = 0; i < bytes; ++i)
            out_.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
    }

    std::string out_;
};

// Field numbers of event.proto and summary.proto.
constexpr uint32_t kEventWallTime = 1, kEventStep = 2, kEventFileVersion = 3, kEventSummary = 5;
constexpr uint32_t kSummaryValue = 1;
constexpr uint32_t kValueTag = 1, kValueSimpleValue = 2;

} // namespace

std::string file_version_event(double wall_time)
{
    MessageWriter event;
    event.double_field(kEventWallTime, wall_time);
    event.bytes_field(kEventFileVersion, "brain.Event:2");
    return event.bytes();
}

std::string scalars_event(double wall_time, int64_t step, const std::vector<Scalar>& scalars)
{
    MessageWriter summary;
    for (const Scalar& scalar : scalars) {
        MessageWriter value;
        value.bytes_field(kValueTag, scalar.tag);
        value.float_field(kValueSimpleValue, scalar.value);
        summary.bytes_field(kSummaryValue, value.bytes());
    }
    MessageWriter event;
    event.double_field(kEventWallTime, wall_time);
    event.varint_field(kEventStep, static_cast<uint64_t>(step)); // int64: two's complement, as protobuf does
    event.bytes_field(kEventSummary, summary.bytes());
    return event.bytes();
}

} // namespace i3
