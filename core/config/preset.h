// SPDX-License-Identifier: GPL-3.0-or-later
// A preset as a whole: a model shape and the training recipe that suits it (the settings the
// preset's file names; the others keep TrainConfig's defaults).
#pragma once

#include "config/model_config.h"
#include "config/train_config.h"

#include <string>

namespace i3 {

// The published i3-80M: the command line's default preset, and the studio's on a machine with a GPU.
inline constexpr const char* kPublishedPreset = "i3-80m";
// The studio's default on a machine without a GPU: its recipe writes readable sentences on the
// built-in corpus within minutes on 2 CPU cores (its file says how).
inline constexpr const char* kCpuPreset = "small";

struct Preset {
    std::string name;
    std::string description;
    ModelConfig model;
    TrainConfig training;
};

// Throws i3::Error for an unknown name.
Preset load_preset(const std::string& name);
// The preset whose model shape `model` has (every shape setting but the vocabulary size, which
// the data decides), or "" when it matches none.
std::string preset_of(const ModelConfig& model);
// Whether some preset's recipe sets the training setting `key`: its default depends on the preset.
bool some_recipe_sets(const std::string& key);

} // namespace i3
