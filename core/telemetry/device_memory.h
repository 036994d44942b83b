// SPDX-License-Identifier: GPL-3.0-or-later
// What the CUDA caching allocator reports, for benchmarks, the probe and the training plots.
#pragma once

#include <cstdint>
#include <optional>

namespace i3 {

struct DeviceMemory {
    int64_t allocated_bytes = 0;
    int64_t reserved_bytes = 0;
    int64_t peak_allocated_bytes = 0;
};

// Empty on the CPU, or when this build has no CUDA.
std::optional<DeviceMemory> cuda_memory(int device_index = 0);
void reset_cuda_peak_memory(int device_index = 0);
// Waits for the GPU's queued work (no-op without CUDA), so timings are honest.
void synchronize_device(bool cuda);

} // namespace i3
