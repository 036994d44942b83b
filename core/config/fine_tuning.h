// SPDX-License-Identifier: GPL-3.0-or-later
// The seed's recipe for fine-tuning a published model on new data: its weights, its shape and its
// tokenizer stay; the learning rate drops to 1e-5 (the reference trains from scratch at 3e-4) and
// a few hundred steps suffice, so that the new data adjusts the model without wiping out what it
// learned.
#pragma once

#include "config/train_config.h"

#include <cstdint>

namespace i3 {

inline constexpr double kFineTuningLr = 1e-5;
inline constexpr int64_t kFewestFineTuningSteps = 100;
inline constexpr int64_t kMostFineTuningSteps = 500;

// `config` with the recipe's learning rate, a tenth of its steps kept between 100 and 500 (and
// never more than it had), and a warm-up of at most a tenth of those; every other setting is left
// as it was.
TrainConfig fine_tuning_recipe(TrainConfig config);

} // namespace i3
