// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/weight_history.h"

#include "runs/run_catalog.h"
#include "runs/run_folder.h"
#include "runs/run_schema.h"

#include <cmath>
#include <limits>

namespace i3 {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double number_or_nan(const nlohmann::json& object, const char* key)
{
    const auto found = object.find(key);
    return found != object.end() && found->is_number() ? found->get<double>() : kNaN;
}

std::optional<ValueHistogram> histogram_of(const nlohmann::json& object, const char* key)
{
    using namespace weight_keys;
    const auto found = object.find(key);
    if (found == object.end() || !found->is_object())
        return std::nullopt;
    const auto counts = found->find(kCounts);
    if (counts == found->end() || !counts->is_array())
        return std::nullopt;
    ValueHistogram histogram;
    histogram.low = number_or_nan(*found, kLow);
    histogram.high = number_or_nan(*found, kHigh);
    for (const auto& count : *counts) {
        if (!count.is_number_integer())
            return std::nullopt;
        histogram.counts.push_back(count.get<int64_t>());
    }
    return histogram;
}

std::optional<TensorStatistics> tensor_of(const nlohmann::json& object)
{
    using namespace weight_keys;
    if (!object.is_object())
        return std::nullopt;
    const auto name = object.find(kName);
    const auto shape = object.find(kShape);
    if (name == object.end() || !name->is_string() || shape == object.end() || !shape->is_array())
        return std::nullopt;
    TensorStatistics tensor;
    tensor.name = name->get<std::string>();
    for (const auto& size : *shape) {
        if (!size.is_number_integer())
            return std::nullopt;
        tensor.shape.push_back(size.get<int64_t>());
    }
    tensor.weight_norm = number_or_nan(object, kWeightNorm);
    tensor.grad_norm = number_or_nan(object, kGradNorm);
    tensor.update_norm = number_or_nan(object, kUpdateNorm);
    const auto weights = histogram_of(object, kWeights);
    const auto grads = histogram_of(object, kGrads);
    if (!weights || !grads)
        return std::nullopt;
    tensor.weights = *weights;
    tensor.grads = *grads;
    return tensor;
}

double ratio(double change, double size) { return size > 0 ? change / size : kNaN; }

} // namespace

int64_t TensorStatistics::size() const
{
    int64_t count = 1;
    for (const int64_t extent : shape)
        count *= extent;
    return count;
}

double TensorStatistics::update_ratio() const { return ratio(update_norm, weight_norm); }

double BlockStatistics::update_ratio() const { return ratio(update_norm, weight_norm); }

std::optional<WeightRecord> WeightRecord::from_line(const nlohmann::json& line)
{
    using namespace weight_keys;
    if (!line.is_object())
        return std::nullopt;
    const auto step = line.find(kStep);
    const auto tensors = line.find(kTensors);
    if (step == line.end() || !step->is_number_integer() || tensors == line.end() || !tensors->is_array())
        return std::nullopt;
    WeightRecord record;
    record.step = step->get<int64_t>();
    for (const auto& object : *tensors) {
        auto tensor = tensor_of(object);
        if (!tensor)
            return std::nullopt;
        record.tensors.push_back(std::move(*tensor));
    }
    return record;
}

const TensorStatistics* WeightRecord::find(const std::string& name) const
{
    for (const auto& tensor : tensors)
        if (tensor.name == name)
            return &tensor;
    return nullptr;
}

BlockStatistics block_statistics(const WeightRecord& record, const ModelBlock& block)
{
    BlockStatistics sums;
    for (const auto& tensor : record.tensors) {
        if (!block.owns(tensor.name))
            continue;
        sums.weight_norm += tensor.weight_norm * tensor.weight_norm;
        sums.grad_norm += tensor.grad_norm * tensor.grad_norm;
        sums.update_norm += tensor.update_norm * tensor.update_norm;
        ++sums.tensors;
    }
    sums.weight_norm = std::sqrt(sums.weight_norm);
    sums.grad_norm = std::sqrt(sums.grad_norm);
    sums.update_norm = std::sqrt(sums.update_norm);
    return sums;
}

std::vector<WeightRecord> read_weight_records(const std::filesystem::path& run_folder)
{
    MetricsFollower follower(RunFolder(run_folder).weights_file());
    std::vector<WeightRecord> records;
    for (const auto& line : follower.poll().lines)
        if (auto record = WeightRecord::from_line(line))
            records.push_back(std::move(*record));
    return records;
}

} // namespace i3
