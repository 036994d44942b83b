// SPDX-License-Identifier: GPL-3.0-or-later
// Forking a run: a new run that starts from a checkpoint of another, with settings of its own.
// It trains on the parent's data (its tokenizer, its tokens and their train/validation split),
// from the checkpoint's weights and optimizer moments (Trainer's InitialWeights says what carries
// over); the model's shape must stay the parent's. run.json's forked_from records the parent
// folder, the checkpoint and its step.
#pragma once

#include "config/model_config.h"
#include "config/train_config.h"

#include <filesystem>
#include <memory>

namespace i3 {

class Trainer;

struct ForkSpec {
    std::filesystem::path parent;     // a run folder
    std::filesystem::path checkpoint; // one of its checkpoint folders (step-NNNNNNN or best)
    std::filesystem::path folder;     // the new run: absent or empty
    ModelConfig model;                // the parent's shape (its vocab_size and sources are taken from it)
    TrainConfig training;             // validation_fraction is replaced by the parent's split
};

// Checks the shape and the checkpoint, then creates the fork's folder and its trainer (the parent
// is only read). Throws i3::Error saying what does not fit; a refused folder is left untouched.
std::unique_ptr<Trainer> fork_run(const ForkSpec& spec);

} // namespace i3
