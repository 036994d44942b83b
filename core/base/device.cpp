// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/device.h"

#include "base/error.h"

#include <torch/cuda.h>

#include <cctype>

namespace i3 {

std::optional<DeviceSpec> parse_device(const std::string& text)
{
    if (text == "cpu")
        return DeviceSpec{};
    if (text == "cuda")
        return DeviceSpec{true, -1};
    const std::string prefix = "cuda:";
    if (text.compare(0, prefix.size(), prefix) != 0 || text.size() == prefix.size() || text.size() > prefix.size() + 3)
        return std::nullopt;
    int index = 0;
    for (size_t i = prefix.size(); i < text.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return std::nullopt;
        index = index * 10 + (text[i] - '0');
    }
    return DeviceSpec{true, index};
}

c10::Device usable_device(const std::string& text)
{
    const auto spec = parse_device(text);
    if (!spec)
        throw Error("unknown device \"" + text + "\" (cpu, cuda, cuda:1, ...)");
    if (!spec->cuda)
        return c10::Device(c10::kCPU);
    if (!torch::cuda::is_available())
        throw Error("device " + text + ": CUDA is not available on this machine or in this build");
    if (spec->index >= static_cast<int>(torch::cuda::device_count()))
        throw Error("device " + text + ": this machine has " + std::to_string(torch::cuda::device_count()) +
                    " GPU(s)");
    return c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>(spec->index));
}

} // namespace i3
