// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/device_telemetry.h"

#include "base/device.h"
#include "base/host_memory.h"
#include "telemetry/cuda_devices.h"

#include <torch/cuda.h>

#include <dlfcn.h>

#include <fstream>
#include <sstream>
#include <thread>

namespace i3 {

namespace {

// The few NVML declarations used here, as in NVIDIA's nvml.h (a stable C ABI), so that building
// needs no NVIDIA package.
using nvmlReturn_t = int; // 0 is NVML_SUCCESS
using nvmlDevice_t = struct nvmlDevice_st*;
struct nvmlUtilization_t {
    unsigned int gpu;    // percent of time a kernel ran
    unsigned int memory; // percent of time memory was read or written
};
struct nvmlMemory_t {
    unsigned long long total, free, used; // bytes; used counts what the driver keeps for itself
};
// NVML 11.5 and later: `used` without the driver's own reserve, as nvidia-smi shows it.
struct nvmlMemory_v2_t {
    unsigned int version; // kNvmlMemoryV2
    unsigned long long total, reserved, free, used;
};
constexpr unsigned int kNvmlMemoryV2 = sizeof(nvmlMemory_v2_t) | (2u << 24); // NVML_STRUCT_VERSION(Memory, 2)
constexpr int kNvmlTemperatureGpu = 0; // NVML_TEMPERATURE_GPU
constexpr unsigned int kNvmlNameLength = 96;

// The library, opened and started; nothing when either fails (reason() says why).
class NvmlLibrary {
public:
    explicit NvmlLibrary(const std::string& path)
    {
        handle_ = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle_) {
            reason_ = "no NVIDIA driver here (" + path + ", NVIDIA's management library, is not installed)";
            return;
        }
        const bool found = bind(init, "nvmlInit_v2") && bind(shutdown, "nvmlShutdown") &&
                           bind(handle_by_pci_bus_id, "nvmlDeviceGetHandleByPciBusId_v2") &&
                           bind(name, "nvmlDeviceGetName") && bind(utilization, "nvmlDeviceGetUtilizationRates") &&
                           bind(power, "nvmlDeviceGetPowerUsage") && bind(temperature, "nvmlDeviceGetTemperature") &&
                           bind(memory, "nvmlDeviceGetMemoryInfo");
        bind(memory_v2, "nvmlDeviceGetMemoryInfo_v2"); // older drivers lack it: memory then reads v1
        if (!found) {
            reason_ = "the NVIDIA management library here is too old (it lacks functions this program uses)";
            close();
            return;
        }
        if (const nvmlReturn_t error = init(); error != 0) {
            reason_ = "the NVIDIA management library did not start (NVML error " + std::to_string(error) +
                      "; is the driver loaded?)";
            close();
            return;
        }
        started_ = true;
    }
    ~NvmlLibrary() { close(); }
    NvmlLibrary(const NvmlLibrary&) = delete;
    NvmlLibrary& operator=(const NvmlLibrary&) = delete;

    bool usable() const { return started_; }
    const std::string& reason() const { return reason_; }

    // The device at a PCI bus id as CUDA writes it ("0000:41:00.0"); NVML reads its numbers as
    // hexadecimal, whatever the width of the domain ("00000000:41:00.0" is the same device).
    std::optional<nvmlDevice_t> device_at(const std::string& pci_bus_id) const
    {
        nvmlDevice_t device = nullptr;
        if (!started_ || handle_by_pci_bus_id(pci_bus_id.c_str(), &device) != 0)
            return std::nullopt;
        return device;
    }

    std::optional<std::string> device_name(nvmlDevice_t device) const
    {
        char text[kNvmlNameLength] = {};
        if (name(device, text, kNvmlNameLength) != 0)
            return std::nullopt;
        return std::string(text);
    }

    nvmlReturn_t (*init)() = nullptr;
    nvmlReturn_t (*shutdown)() = nullptr;
    nvmlReturn_t (*handle_by_pci_bus_id)(const char*, nvmlDevice_t*) = nullptr;
    nvmlReturn_t (*name)(nvmlDevice_t, char*, unsigned int) = nullptr;
    nvmlReturn_t (*utilization)(nvmlDevice_t, nvmlUtilization_t*) = nullptr;
    nvmlReturn_t (*power)(nvmlDevice_t, unsigned int*) = nullptr; // milliwatts
    nvmlReturn_t (*temperature)(nvmlDevice_t, int, unsigned int*) = nullptr;
    nvmlReturn_t (*memory)(nvmlDevice_t, nvmlMemory_t*) = nullptr;
    nvmlReturn_t (*memory_v2)(nvmlDevice_t, nvmlMemory_v2_t*) = nullptr;

private:
    template <typename Function>
    bool bind(Function& function, const char* symbol)
    {
        function = reinterpret_cast<Function>(dlsym(handle_, symbol));
        return function != nullptr;
    }

    void close()
    {
        if (started_)
            shutdown();
        started_ = false;
        if (handle_)
            dlclose(handle_);
        handle_ = nullptr;
    }

    void* handle_ = nullptr;
    bool started_ = false;
    std::string reason_;
};

GpuTelemetry read_gpu(const NvmlLibrary& nvml, nvmlDevice_t device, const std::string& name)
{
    GpuTelemetry gpu;
    gpu.name = name;
    nvmlUtilization_t utilization{};
    if (nvml.utilization(device, &utilization) == 0)
        gpu.utilization_percent = utilization.gpu;
    unsigned int milliwatts = 0;
    if (nvml.power(device, &milliwatts) == 0)
        gpu.power_watts = milliwatts / 1000.0;
    unsigned int celsius = 0;
    if (nvml.temperature(device, kNvmlTemperatureGpu, &celsius) == 0)
        gpu.temperature_celsius = celsius;
    nvmlMemory_v2_t memory_v2{};
    memory_v2.version = kNvmlMemoryV2;
    nvmlMemory_t memory{};
    if (nvml.memory_v2 && nvml.memory_v2(device, &memory_v2) == 0) {
        gpu.memory_used_bytes = static_cast<int64_t>(memory_v2.used);
        gpu.memory_total_bytes = static_cast<int64_t>(memory_v2.total);
    } else if (nvml.memory(device, &memory) == 0) {
        gpu.memory_used_bytes = static_cast<int64_t>(memory.used);
        gpu.memory_total_bytes = static_cast<int64_t>(memory.total);
    }
    return gpu;
}

// Jiffies spent busy and in total, all cores, from /proc/stat's first line; empty if unreadable.
std::optional<std::pair<uint64_t, uint64_t>> cpu_jiffies()
{
    std::ifstream in("/proc/stat");
    std::string label;
    uint64_t user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    if (!(in >> label >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal) || label != "cpu")
        return std::nullopt;
    // Guest time is already counted in user and nice; waiting for the disk is not work.
    const uint64_t busy = user + nice + system + irq + softirq + steal;
    return std::make_pair(busy, busy + idle + iowait);
}

std::string joined(const std::vector<std::string>& items)
{
    std::string text;
    for (const auto& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

// One for device_display_name, which the panels ask often.
const DeviceTelemetry& shared_telemetry()
{
    static const DeviceTelemetry telemetry;
    return telemetry;
}

} // namespace

// NVML's device for each of LibTorch's CUDA devices, by index; nothing where NVML does not know one.
struct DeviceTelemetry::Nvml {
    explicit Nvml(const std::string& path) : library(path) {}

    NvmlLibrary library;
    std::vector<std::optional<nvmlDevice_t>> gpus;
};

DeviceTelemetry::DeviceTelemetry() : DeviceTelemetry(cuda_devices(), "libnvidia-ml.so.1") {}

DeviceTelemetry::DeviceTelemetry(const CudaDevices& cuda, const std::string& nvml_library)
{
    if (cuda.pci_bus_ids.empty()) { // NVML may see GPUs, but the engine cannot use them
        gpu_unavailable_reason_ = cuda.none_reason;
        return;
    }
    auto nvml = std::make_unique<Nvml>(nvml_library);
    if (!nvml->library.usable()) {
        gpu_unavailable_reason_ = nvml->library.reason();
        return;
    }
    bool any = false;
    for (const std::string& id : cuda.pci_bus_ids) {
        nvml->gpus.push_back(nvml->library.device_at(id));
        any = any || nvml->gpus.back().has_value();
    }
    if (!any) {
        gpu_unavailable_reason_ = "the NVIDIA management library knows none of the CUDA devices (PCI bus ids " +
                                  joined(cuda.pci_bus_ids) + ")";
        return;
    }
    nvml_ = std::move(nvml);
}

DeviceTelemetry::~DeviceTelemetry() = default;

bool DeviceTelemetry::has_gpu() const { return nvml_ != nullptr; }

std::string DeviceTelemetry::gpu_unavailable_reason() const { return gpu_unavailable_reason_; }

std::optional<std::string> DeviceTelemetry::gpu_name(int cuda_index) const
{
    if (!nvml_ || cuda_index < 0 || cuda_index >= static_cast<int>(nvml_->gpus.size()))
        return std::nullopt;
    const auto& gpu = nvml_->gpus[static_cast<size_t>(cuda_index)];
    return gpu ? nvml_->library.device_name(*gpu) : std::nullopt;
}

TelemetrySample DeviceTelemetry::sample(int cuda_index)
{
    TelemetrySample sample;
    if (nvml_ && cuda_index >= 0 && cuda_index < static_cast<int>(nvml_->gpus.size())) {
        if (const auto& gpu = nvml_->gpus[static_cast<size_t>(cuda_index)])
            sample.gpu = read_gpu(nvml_->library, *gpu, nvml_->library.device_name(*gpu).value_or("NVIDIA GPU"));
    }

    HostTelemetry& host = sample.host;
    if (const auto jiffies = cpu_jiffies()) {
        const auto [busy, total] = *jiffies;
        // Two samples within one clock tick have nothing between them: wait for the next one.
        if (previous_total_ > 0 && total > previous_total_) {
            host.cpu_percent = 100.0 * static_cast<double>(busy - previous_busy_) /
                               static_cast<double>(total - previous_total_);
        }
        if (previous_total_ == 0 || total > previous_total_) {
            previous_busy_ = busy;
            previous_total_ = total;
        }
    }
    const int64_t ram_total = proc_kilobytes("/proc/meminfo", "MemTotal");
    const int64_t ram_available = proc_kilobytes("/proc/meminfo", "MemAvailable");
    if (ram_total >= 0 && ram_available >= 0) {
        host.ram_total_bytes = ram_total;
        host.ram_used_bytes = ram_total - ram_available;
    }
    host.process_rss_bytes = proc_kilobytes("/proc/self/status", "VmRSS");
    return sample;
}

std::vector<std::string> available_devices()
{
    std::vector<std::string> devices{"cpu"};
    try {
        if (torch::cuda::is_available())
            for (size_t index = 0; index < torch::cuda::device_count(); ++index)
                devices.push_back("cuda:" + std::to_string(index));
    } catch (const std::exception&) {
        // A broken CUDA installation leaves the CPU, which always works.
    }
    return devices;
}

std::string device_display_name(const std::string& device)
{
    if (device == "cpu") {
        const unsigned cores = std::thread::hardware_concurrency();
        return cores > 0 ? "CPU (" + std::to_string(cores) + " cores)" : "CPU";
    }
    const auto spec = parse_device(device);
    if (!spec || !spec->cuda)
        return device;
    const int index = spec->gpu_index();
    return shared_telemetry().gpu_name(index).value_or("CUDA GPU " + std::to_string(index));
}

} // namespace i3
