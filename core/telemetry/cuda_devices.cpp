// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/cuda_devices.h"

#ifdef I3_WITH_CUDA
#include <ATen/cuda/CUDAContext.h>
#include <torch/cuda.h>

#include <cstdio>
#endif

namespace i3 {

CudaDevices cuda_devices()
{
#ifdef I3_WITH_CUDA
    CudaDevices devices;
    try {
        if (!torch::cuda::is_available()) {
            devices.none_reason = "LibTorch sees no CUDA device (no NVIDIA driver, or CUDA_VISIBLE_DEVICES hides them)";
            return devices;
        }
        const auto count = static_cast<c10::DeviceIndex>(torch::cuda::device_count());
        for (c10::DeviceIndex index = 0; index < count; ++index) {
            const cudaDeviceProp* properties = at::cuda::getDeviceProperties(index);
            char id[32];
            std::snprintf(id, sizeof id, "%04x:%02x:%02x.0", static_cast<unsigned>(properties->pciDomainID),
                          static_cast<unsigned>(properties->pciBusID), static_cast<unsigned>(properties->pciDeviceID));
            devices.pci_bus_ids.push_back(id);
        }
    } catch (const std::exception& error) {
        devices.pci_bus_ids.clear();
        devices.none_reason = std::string("CUDA could not list its devices: ") + error.what();
    }
    return devices;
#else
    return {{}, "this build's LibTorch has no CUDA: training and generation run on the CPU"};
#endif
}

} // namespace i3
