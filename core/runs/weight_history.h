// SPDX-License-Identifier: GPL-3.0-or-later
// weights.jsonl's lines as values (runs/run_schema.h says what each number means), and the
// statistics of a whole block (config/model_blocks.h) gathered from its tensors'. Read through a
// MetricsFollower (runs/run_catalog.h), so a run still training is followed as it grows and a
// half-written last line waits for the next poll.
#pragma once

#include "config/model_blocks.h"
#include "inspect/value_histogram.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

struct TensorStatistics {
    std::string name;
    std::vector<int64_t> shape;
    double weight_norm = 0; // NaN where the file holds null (a value that was not finite)
    double grad_norm = 0;
    double update_norm = 0;
    ValueHistogram weights, grads;

    int64_t size() const; // the number of values: the product of the shape
    // update_norm / weight_norm: how far the step moved the weights, relative to their size.
    double update_ratio() const;
};

struct WeightRecord {
    int64_t step = 0;
    std::vector<TensorStatistics> tensors;

    // One weights.jsonl object; empty when it is not one (a line of another program).
    static std::optional<WeightRecord> from_line(const nlohmann::json& line);
    // The tensor of that name; nullptr when the record has none.
    const TensorStatistics* find(const std::string& name) const;
};

// A block's tensors taken together, as if they were one vector: each norm is the root of the
// sum of the squared norms of its tensors.
struct BlockStatistics {
    double weight_norm = 0;
    double grad_norm = 0;
    double update_norm = 0;
    int tensors = 0; // how many of the record's tensors the block owns

    double update_ratio() const;
};

BlockStatistics block_statistics(const WeightRecord& record, const ModelBlock& block);

// Every record of a run's weights.jsonl, in the file's order (none when it is absent).
std::vector<WeightRecord> read_weight_records(const std::filesystem::path& run_folder);

} // namespace i3
