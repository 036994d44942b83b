// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/lr_schedule.h"

#include <algorithm>
#include <cmath>

namespace i3 {

double LrSchedule::at(int64_t step) const
{
    if (step < warmup_steps)
        return peak_lr * static_cast<double>(step + 1) / static_cast<double>(warmup_steps);
    const double cosine_steps = static_cast<double>(std::max<int64_t>(1, total_steps - 1 - warmup_steps));
    const double progress = std::min(1.0, static_cast<double>(step - warmup_steps) / cosine_steps);
    const double final_lr = final_ratio * peak_lr;
    return final_lr + (peak_lr - final_lr) * 0.5 * (1.0 + std::cos(M_PI * progress));
}

} // namespace i3
