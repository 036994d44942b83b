// SPDX-License-Identifier: GPL-3.0-or-later
// TensorBoard's event records: the protocol-buffer encoding of the few fields of TensorFlow's
// Event message (tensorflow/core/util/event.proto) that a file of scalars needs:
//   Event   { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5; }
//   Summary { repeated Value value = 1; }   Value { string tag = 1; float simple_value = 2; }
// TensorBoard, and tools that read its files (Weights & Biases' `wandb sync`), show each tag as a
// scalar plot.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace i3 {

// The version record every event file starts with ("brain.Event:2").
std::string file_version_event(double wall_time);

struct Scalar {
    std::string tag; // "train/loss"
    float value = 0;
};

// One Event with a Summary of scalars, all at one step.
std::string scalars_event(double wall_time, int64_t step, const std::vector<Scalar>& scalars);

} // namespace i3
