// SPDX-License-Identifier: GPL-3.0-or-later
// Where the engine computes: "cpu", "cuda" (the current GPU) or "cuda:N". Every device string a
// user or a file gives is read here, once.
#pragma once

#include <c10/core/Device.h>

#include <optional>
#include <string>

namespace i3 {

struct DeviceSpec {
    bool cuda = false;
    int index = -1; // the GPU's number; -1 for "cuda" without one (the current GPU)

    int gpu_index() const { return cuda ? (index < 0 ? 0 : index) : -1; } // -1 on the CPU
};

// "cpu", "cuda", "cuda:N"; nothing for any other text.
std::optional<DeviceSpec> parse_device(const std::string& text);
// The device `text` names, checked to be usable in this build on this machine; throws i3::Error
// naming the text otherwise.
c10::Device usable_device(const std::string& text);

} // namespace i3
