// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/weight_recorder.h"

#include "base/error.h"
#include "inspect/tensor_histogram.h"
#include "runs/run_schema.h"

#include <torch/torch.h>

#include <cmath>

namespace i3 {

namespace {

// A row of statistics_row(): the three norms, then the weights' and the gradient's histograms.
constexpr int64_t kNorms = 3;

nlohmann::json finite_or_null(double value) { return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(); }

nlohmann::json histogram_json(const ValueHistogram& histogram)
{
    using namespace weight_keys;
    return {{kLow, finite_or_null(histogram.low)}, {kHigh, finite_or_null(histogram.high)}, {kCounts, histogram.counts}};
}

} // namespace

WeightRecorder::WeightRecorder(I3Model model, int bins) : bins_(bins)
{
    for (const auto& item : model->named_parameters()) {
        names_.push_back(item.key());
        parameters_.push_back(item.value());
    }
}

void WeightRecorder::before_step()
{
    const torch::NoGradGuard no_grad;
    before_.clear();
    for (const auto& p : parameters_)
        before_.push_back(p.detach().clone());
}

at::Tensor WeightRecorder::statistics_row(const at::Tensor& weights, const at::Tensor& grad,
                                          const at::Tensor& before) const
{
    const at::Tensor w = weights.detach().to(at::kDouble);
    // A parameter the step's loss did not reach has no gradient: its gradient is zero.
    const at::Tensor g = grad.defined() ? grad.detach().to(at::kDouble) : at::zeros_like(w);
    const at::Tensor norms = at::stack({w.norm(), g.norm(), (w - before.to(at::kDouble)).norm()});
    return at::cat({norms, tensor_histogram_row(w, bins_), tensor_histogram_row(g, bins_)});
}

nlohmann::json WeightRecorder::record(int64_t step)
{
    if (before_.size() != parameters_.size())
        throw Error("the weight statistics of a step need the weights from before it");
    const torch::NoGradGuard no_grad;
    std::vector<at::Tensor> rows;
    rows.reserve(parameters_.size());
    for (size_t i = 0; i < parameters_.size(); ++i)
        rows.push_back(statistics_row(parameters_[i], parameters_[i].grad(), before_[i]));
    before_.clear();
    const at::Tensor table = at::stack(rows).cpu().contiguous(); // the one wait for the device
    const int64_t histogram = histogram_row_size(bins_);
    using namespace weight_keys;
    nlohmann::json tensors = nlohmann::json::array();
    for (size_t i = 0; i < parameters_.size(); ++i) {
        const double* row = table[static_cast<int64_t>(i)].data_ptr<double>();
        tensors.push_back({{kName, names_[i]},
                           {kShape, parameters_[i].sizes().vec()},
                           {kWeightNorm, finite_or_null(row[0])},
                           {kGradNorm, finite_or_null(row[1])},
                           {kUpdateNorm, finite_or_null(row[2])},
                           {kWeights, histogram_json(histogram_from_row(row + kNorms, bins_))},
                           {kGrads, histogram_json(histogram_from_row(row + kNorms + histogram, bins_))}});
    }
    return {{kStep, step}, {kTensors, std::move(tensors)}};
}

} // namespace i3
