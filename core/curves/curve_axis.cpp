// SPDX-License-Identifier: GPL-3.0-or-later
#include "curves/curve_axis.h"

namespace i3 {

double tokens_per_step(const RunInfo& info)
{
    return static_cast<double>(info.global_batch()) * static_cast<double>(info.training.grad_accum) *
           static_cast<double>(info.model.max_seq_len);
}

std::vector<double> curve_x(CurveAxis axis, const std::vector<double>& steps, const std::vector<double>& elapsed_seconds,
                            double tokens_per_step)
{
    switch (axis) {
    case CurveAxis::Step:
        return steps;
    case CurveAxis::WallTime:
        return elapsed_seconds;
    case CurveAxis::Tokens:
        break;
    }
    std::vector<double> tokens;
    tokens.reserve(steps.size());
    for (const double step : steps)
        tokens.push_back(step * tokens_per_step);
    return tokens;
}

} // namespace i3
