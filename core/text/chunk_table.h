// SPDX-License-Identifier: GPL-3.0-or-later
// A hash table from chunks packed into integers (chunk_tokenizer.cpp packs 1 to 3 code points into
// one uint64_t that is never 0) to a number: the id when encoding, the count when building.
// One flat array probed linearly: a lookup touches one or two cache lines, where
// std::unordered_map follows a pointer to a node of its own for every entry.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace i3 {

class ChunkTable {
public:
    explicit ChunkTable(size_t expected_entries = 0);

    // The value of `key`, or nullptr when it is absent.
    const int64_t* find(uint64_t key) const
    {
        for (size_t slot = home_of(key);; slot = (slot + 1) & mask_) {
            if (slots_[slot].key == key)
                return &slots_[slot].value;
            if (slots_[slot].key == kEmpty)
                return nullptr;
        }
    }

    // The value of `key`, inserted as 0 when absent.
    int64_t& operator[](uint64_t key)
    {
        for (size_t slot = home_of(key);; slot = (slot + 1) & mask_) {
            if (slots_[slot].key == key)
                return slots_[slot].value;
            if (slots_[slot].key == kEmpty)
                return insert_at(slot, key);
        }
    }

    size_t size() const { return size_; }
    // Every (key, value) pair, in no particular order.
    std::vector<std::pair<uint64_t, int64_t>> entries() const;

private:
    static constexpr uint64_t kEmpty = 0;

    struct Slot {
        uint64_t key = kEmpty;
        int64_t value = 0;
    };

    // Fibonacci hashing: the multiplication carries every bit of the key into the top bits, so
    // chunks that differ only in their last code point still land far apart.
    size_t home_of(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_); }
    int64_t& insert_at(size_t slot, uint64_t key);
    void resize(size_t capacity);

    std::vector<Slot> slots_;
    size_t mask_ = 0;
    unsigned shift_ = 64;
    size_t size_ = 0;
};

} // namespace i3
