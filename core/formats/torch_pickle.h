// SPDX-License-Identifier: GPL-3.0-or-later
// Reading what Python's torch.save writes (a zip holding data.pkl and the tensor storages)
// without running anything: a restricted unpickler that knows plain values, OrderedDict and
// tensors, and refuses every other Python global by name.
#pragma once

#include <ATen/Tensor.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace i3 {

// One unpickled value. Containers own their elements (a plain tree: values the pickle shares
// are copied into each place that refers to them).
struct PickleValue {
    enum class Kind { None, Bool, Int, Float, String, Bytes, List, Tuple, Dict, Tensor };

    Kind kind = Kind::None;
    bool boolean = false;
    int64_t integer = 0;
    double real = 0.0;
    std::string text;                                       // String (UTF-8) or Bytes
    std::vector<PickleValue> items;                         // List or Tuple
    std::vector<std::pair<PickleValue, PickleValue>> entries; // Dict, in insertion order
    at::Tensor tensor;                                      // CPU, contiguous, owns its memory

    bool is_string(const std::string& value) const { return kind == Kind::String && text == value; }
    // The value stored under the string key `key` of a Dict, or nullptr.
    const PickleValue* find(const std::string& key) const;
};

// "None", "int", "dict", ...: for error messages.
std::string kind_name(PickleValue::Kind kind);

// Reads a file written by torch.save (the zip format of PyTorch 1.6 and later). Throws i3::Error
// for anything else: a legacy or damaged file, a pickle that names a Python global outside the
// state-dict subset, an unsupported opcode, or storages that do not match the tensors.
PickleValue read_torch_zip(const std::filesystem::path& path);

} // namespace i3
