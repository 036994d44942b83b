// SPDX-License-Identifier: GPL-3.0-or-later
// The sampling sliders' scale, shared by the Playground and the token workbench: temperature and
// top-p move in steps of 1/20 (temperature 0.05 .. 2.0, top-p 0.05 .. 1.0); top-k's slider is k
// itself (0 .. 200, 0 turning the cut off).
#pragma once

#include <QtGlobal>

namespace sampling_sliders {

constexpr int kTemperatureMinimum = 1, kTemperatureMaximum = 40;
constexpr int kTopKMaximum = 200;
constexpr int kTopPMinimum = 1, kTopPMaximum = 20;

// Dividing (not multiplying by 0.05) gives the same double as the decimal the user reads, e.g.
// exactly 0.8.
constexpr double kSteps = 20.0;

inline int position(double value) { return qRound(value * kSteps); }
inline double value(int position) { return position / kSteps; }

} // namespace sampling_sliders
