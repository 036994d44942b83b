// SPDX-License-Identifier: GPL-3.0-or-later
// The reference's learning-rate schedule (§6): linear warm-up from lr/warmup to lr, then cosine
// down to final_ratio * lr at the last step.
#pragma once

#include <cstdint>

namespace i3 {

struct LrSchedule {
    double peak_lr = 3e-4;
    int64_t warmup_steps = 100;
    int64_t total_steps = 5000;
    double final_ratio = 0.1;

    double at(int64_t step) const; // step counts from 0
};

} // namespace i3
