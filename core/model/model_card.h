// SPDX-License-Identifier: GPL-3.0-or-later
// The README.md of an exported model folder, as Hub repos expect: YAML front matter (library,
// tags, the Hub datasets it was trained on, the model it was fine-tuned from), then the
// architecture, parameter count, data sources, steps and final losses. The same facts always
// give the same text: no dates, times or machine names.
#pragma once

#include "config/model_config.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

inline constexpr const char* kModelCardFile = "README.md";

struct ModelCard {
    std::vector<std::string> hub_datasets; // repo ids ("owner/name"), for the front matter
    std::string init_from;                 // the model folder it was fine-tuned from; empty: from scratch
    std::string base_model;                // the Hub repo that folder came from, when it did
    int64_t steps = 0;
    std::optional<double> train_loss;      // the mean of the last `loss_window` training losses
    int64_t loss_window = 0;
    std::optional<double> validation_loss; // at the last step; none without a validation split
};

// The card for a model of `config` (its dataset_sources are the data sources listed).
std::string model_card_text(const ModelConfig& config, const ModelCard& card);

} // namespace i3
