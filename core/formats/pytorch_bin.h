// SPDX-License-Identifier: GPL-3.0-or-later
// pytorch_model.bin: a state dict saved by Python's torch.save, read and written without Python.
#pragma once

#include "formats/named_tensors.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>

namespace i3 {

struct StateDictFile {
    NamedTensors tensors;                 // in the file's order, with their stored dtypes
    std::optional<nlohmann::json> config; // the wrapper's "config", when the file has one
};

// Accepts the bare state dict that torch.save(model.state_dict()) writes, and the reference's
// checkpoint wrapper {"model_state_dict": ..., "config": {...}, ...} (other keys, such as an
// optimizer state, are ignored). Throws i3::Error when a state-dict entry is not a tensor or the
// config holds something other than plain values.
StateDictFile read_pytorch_bin(const std::filesystem::path& path);

// Writes a state dict that Python's torch.load (also with weights_only=True) and
// load_state_dict accept, atomically. Tensors are stored contiguous, from the CPU.
void write_pytorch_bin(const std::filesystem::path& path, const NamedTensors& tensors);

} // namespace i3
