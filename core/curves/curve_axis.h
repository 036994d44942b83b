// SPDX-License-Identifier: GPL-3.0-or-later
// What a curve's x axis counts, as in TensorBoard and Weights & Biases: optimizer steps, tokens
// seen (steps times the tokens of one step), or the training time of the run (paused time and the
// time between sessions of a resumed run not counted: the trainer's elapsed_s).
#pragma once

#include "runs/run_info.h"

#include <vector>

namespace i3 {

enum class CurveAxis { Step, Tokens, WallTime };

// Tokens one optimizer step trains on: batch × ranks × accumulated micro-batches × context.
double tokens_per_step(const RunInfo& info);

// The x of each logged point: `steps` and `elapsed_seconds` are the lines' (the same length).
std::vector<double> curve_x(CurveAxis axis, const std::vector<double>& steps, const std::vector<double>& elapsed_seconds,
                            double tokens_per_step);

} // namespace i3
