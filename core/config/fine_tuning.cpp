// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/fine_tuning.h"

#include <algorithm>

namespace i3 {

TrainConfig fine_tuning_recipe(TrainConfig config)
{
    config.lr = kFineTuningLr;
    config.steps = std::min(config.steps, std::clamp(config.steps / 10, kFewestFineTuningSteps, kMostFineTuningSteps));
    config.warmup_steps = std::min(config.warmup_steps, config.steps / 10);
    return config;
}

} // namespace i3
