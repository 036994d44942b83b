// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/device_memory.h"

#include <torch/cuda.h>
#ifdef I3_WITH_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#endif

namespace i3 {

std::optional<DeviceMemory> cuda_memory(int device_index)
{
#ifdef I3_WITH_CUDA
    if (!torch::cuda::is_available())
        return std::nullopt;
    const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device_index);
    // StatType::AGGREGATE (all pools) is index 0; the enum's namespace moved between LibTorch versions.
    const size_t aggregate = 0;
    return DeviceMemory{stats.allocated_bytes[aggregate].current, stats.reserved_bytes[aggregate].current,
                        stats.allocated_bytes[aggregate].peak};
#else
    (void)device_index;
    return std::nullopt;
#endif
}

void reset_cuda_peak_memory(int device_index)
{
#ifdef I3_WITH_CUDA
    if (torch::cuda::is_available())
        c10::cuda::CUDACachingAllocator::resetPeakStats(device_index);
#else
    (void)device_index;
#endif
}

void synchronize_device(bool cuda)
{
    if (cuda)
        torch::cuda::synchronize();
}

} // namespace i3
