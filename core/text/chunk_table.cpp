// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/chunk_table.h"

namespace i3 {

namespace {

// At most half the slots are used, so probes stay short.
size_t capacity_for(size_t entries)
{
    size_t capacity = 16;
    while (capacity < 2 * entries)
        capacity *= 2;
    return capacity;
}

} // namespace

ChunkTable::ChunkTable(size_t expected_entries) { resize(capacity_for(expected_entries)); }

int64_t& ChunkTable::insert_at(size_t slot, uint64_t key)
{
    if (2 * (size_ + 1) > slots_.size()) {
        resize(2 * slots_.size());
        return (*this)[key];
    }
    ++size_;
    slots_[slot].key = key;
    return slots_[slot].value;
}

void ChunkTable::resize(size_t capacity)
{
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    mask_ = capacity - 1;
    shift_ = 64;
    for (size_t c = capacity; c > 1; c /= 2)
        --shift_;
    for (const Slot& entry : old) {
        if (entry.key == kEmpty)
            continue;
        size_t slot = home_of(entry.key);
        while (slots_[slot].key != kEmpty)
            slot = (slot + 1) & mask_;
        slots_[slot] = entry;
    }
}

std::vector<std::pair<uint64_t, int64_t>> ChunkTable::entries() const
{
    std::vector<std::pair<uint64_t, int64_t>> pairs;
    pairs.reserve(size_);
    for (const Slot& slot : slots_)
        if (slot.key != kEmpty)
            pairs.emplace_back(slot.key, slot.value);
    return pairs;
}

} // namespace i3
