// SPDX-License-Identifier: GPL-3.0-or-later
// What the machine reports about itself while a job runs: for an NVIDIA GPU, through NVIDIA's
// management library (NVML), loaded at run time so that the program also runs where it is not
// installed; for the host, from /proc (CPU use, RAM, this process's resident memory). GPUs are
// numbered as LibTorch numbers them (cuda:N), found in NVML by their PCI bus ids; without CUDA in
// LibTorch there is no GPU to report, whatever NVML sees.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

struct GpuTelemetry {
    std::string name;
    double utilization_percent = -1; // -1: not reported by this GPU
    double power_watts = -1;
    double temperature_celsius = -1;
    int64_t memory_used_bytes = -1;
    int64_t memory_total_bytes = -1;
};

struct HostTelemetry {
    double cpu_percent = -1;        // all cores, since the previous sample (-1 on the first)
    int64_t ram_used_bytes = -1;    // MemTotal - MemAvailable
    int64_t ram_total_bytes = -1;
    int64_t process_rss_bytes = -1; // this process's resident memory
};

struct TelemetrySample {
    std::optional<GpuTelemetry> gpu; // empty without NVML or without an NVIDIA GPU
    HostTelemetry host;
};

struct CudaDevices;

class DeviceTelemetry {
public:
    DeviceTelemetry();  // LibTorch's CUDA devices (cuda_devices()); loads NVML if it is there; never throws
    // The GPUs `cuda` lists, looked up in the NVML library at `nvml_library` (a test's stand-in).
    DeviceTelemetry(const CudaDevices& cuda, const std::string& nvml_library);
    ~DeviceTelemetry();
    DeviceTelemetry(const DeviceTelemetry&) = delete;
    DeviceTelemetry& operator=(const DeviceTelemetry&) = delete;

    bool has_gpu() const;
    // Why there is no GPU telemetry, in words (empty when there is).
    std::string gpu_unavailable_reason() const;
    // `cuda_index` is LibTorch's: cuda:0, cuda:1... Cheap enough to call every second from a GUI timer.
    TelemetrySample sample(int cuda_index = 0);
    // NVML's name for cuda:`cuda_index` ("NVIDIA H200"); empty when NVML does not know it.
    std::optional<std::string> gpu_name(int cuda_index) const;

private:
    struct Nvml;
    std::unique_ptr<Nvml> nvml_;
    std::string gpu_unavailable_reason_;
    uint64_t previous_busy_ = 0, previous_total_ = 0; // /proc/stat jiffies
};

// "cpu" and, when this build has CUDA and a GPU is present, "cuda:0", "cuda:1", ...
std::vector<std::string> available_devices();
// A short name for the interface: "CPU (2 cores)", "NVIDIA H200".
std::string device_display_name(const std::string& device);

} // namespace i3
