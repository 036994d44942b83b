// SPDX-License-Identifier: GPL-3.0-or-later
// The CUDA devices LibTorch numbers cuda:0, cuda:1, ..., each named by its PCI bus id, so that
// another library (NVML, telemetry) finds the same chip. Numbers alone do not carry over: CUDA
// counts only the GPUs CUDA_VISIBLE_DEVICES shows, in the order it lists them (or fastest first),
// while NVML counts every GPU of the machine in PCI order.
#pragma once

#include <string>
#include <vector>

namespace i3 {

struct CudaDevices {
    std::vector<std::string> pci_bus_ids; // "0000:41:00.0"; index i is LibTorch's cuda:i
    std::string none_reason;              // why there are none, in words (empty when there are)
};

// Asked once of the CUDA runtime through LibTorch; none when this LibTorch has no CUDA.
CudaDevices cuda_devices();

} // namespace i3
