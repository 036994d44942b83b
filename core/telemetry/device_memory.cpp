// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/device_memory.h"

#include <torch/cuda.h>
#ifdef I3_WITH_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#endif

namespace i3 {

#ifdef I3_WITH_CUDA
namespace {

using AllocatorStats = decltype(c10::cuda::CUDACachingAllocator::getDeviceStats(0));

// The caching allocator keeps no figures until a thread first uses CUDA (LibTorch 2.x then
// answers "Invalid device argument"): a studio's timer may ask before the training thread starts.
std::optional<AllocatorStats> allocator_stats(int device_index)
{
    if (!torch::cuda::is_available())
        return std::nullopt;
    try {
        return c10::cuda::CUDACachingAllocator::getDeviceStats(device_index);
    } catch (const c10::Error&) {
        return std::nullopt;
    }
}

} // namespace
#endif

std::optional<DeviceMemory> cuda_memory(int device_index)
{
#ifdef I3_WITH_CUDA
    const auto stats = allocator_stats(device_index);
    if (!stats)
        return std::nullopt;
    // StatType::AGGREGATE (all pools) is index 0; the enum's namespace moved between LibTorch versions.
    const size_t aggregate = 0;
    return DeviceMemory{stats->allocated_bytes[aggregate].current, stats->reserved_bytes[aggregate].current,
                        stats->allocated_bytes[aggregate].peak};
#else
    (void)device_index;
    return std::nullopt;
#endif
}

void reset_cuda_peak_memory(int device_index)
{
#ifdef I3_WITH_CUDA
    if (allocator_stats(device_index)) // nothing to reset before the allocator's first use
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
