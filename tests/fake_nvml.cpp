// SPDX-License-Identifier: GPL-3.0-or-later
// A stand-in for NVIDIA's management library (libnvidia-ml.so.1) on a machine with three GPUs,
// for test_device_telemetry: the functions i3's telemetry calls, with the C ABI of NVIDIA's
// nvml.h, and numbers that tell the GPUs apart. Like NVML, it numbers the GPUs in PCI order,
// and it finds a GPU by a PCI bus id read as hexadecimal numbers "domain:bus:device.function".
#include <cstdio>
#include <cstring>

namespace {

struct FakeGpu {
    unsigned domain, bus, device;
    const char* name;
    unsigned long long memory_total; // bytes
    unsigned utilization;            // percent
};

constexpr unsigned long long kGiB = 1ull << 30;
FakeGpu gpus[] = {
    {0, 0x01, 0, "Fake GPU on bus 01", 24 * kGiB, 11},
    {0, 0x41, 0, "Fake GPU on bus 41", 48 * kGiB, 41},
    {0, 0x81, 0, "Fake GPU on bus 81", 80 * kGiB, 81},
};

constexpr int kSuccess = 0, kInvalidArgument = 2, kNotFound = 6, kInsufficientSize = 7;

// The forms nvml.h accepts: "domain:bus:device.function", "domain:bus:device", "bus:device.function".
bool parse_bus_id(const char* text, unsigned& domain, unsigned& bus, unsigned& device)
{
    unsigned function = 0;
    const int read = std::sscanf(text, "%x:%x:%x.%x", &domain, &bus, &device, &function);
    if (read == 3 || read == 4)
        return true;
    domain = 0;
    return std::sscanf(text, "%x:%x.%x", &bus, &device, &function) == 3;
}

} // namespace

extern "C" {

struct nvmlUtilization_t {
    unsigned int gpu, memory;
};
struct nvmlMemory_t {
    unsigned long long total, free, used;
};
struct nvmlMemory_v2_t {
    unsigned int version;
    unsigned long long total, reserved, free, used;
};

int nvmlInit_v2() { return kSuccess; }
int nvmlShutdown() { return kSuccess; }

int nvmlDeviceGetHandleByPciBusId_v2(const char* id, FakeGpu** handle)
{
    unsigned domain = 0, bus = 0, device = 0;
    if (!id || !handle || !parse_bus_id(id, domain, bus, device))
        return kInvalidArgument;
    for (FakeGpu& gpu : gpus) {
        if (gpu.domain == domain && gpu.bus == bus && gpu.device == device) {
            *handle = &gpu;
            return kSuccess;
        }
    }
    return kNotFound;
}

int nvmlDeviceGetName(FakeGpu* gpu, char* name, unsigned int length)
{
    if (std::strlen(gpu->name) + 1 > length)
        return kInsufficientSize;
    std::strcpy(name, gpu->name);
    return kSuccess;
}

int nvmlDeviceGetUtilizationRates(FakeGpu* gpu, nvmlUtilization_t* utilization)
{
    *utilization = {gpu->utilization, 0};
    return kSuccess;
}

int nvmlDeviceGetPowerUsage(FakeGpu* gpu, unsigned int* milliwatts)
{
    *milliwatts = 1000 * gpu->bus;
    return kSuccess;
}

int nvmlDeviceGetTemperature(FakeGpu* gpu, int, unsigned int* celsius)
{
    *celsius = 20 + gpu->utilization / 10;
    return kSuccess;
}

// Half the memory in use, of which the driver's own reserve is 1 GiB: v1 counts the reserve as
// used, v2 (what nvidia-smi shows) does not.
int nvmlDeviceGetMemoryInfo(FakeGpu* gpu, nvmlMemory_t* memory)
{
    *memory = {gpu->memory_total, gpu->memory_total / 2, gpu->memory_total / 2};
    return kSuccess;
}

int nvmlDeviceGetMemoryInfo_v2(FakeGpu* gpu, nvmlMemory_v2_t* memory)
{
    // NVML_STRUCT_VERSION(Memory, 2), as nvml.h defines it; NVML_ERROR_ARGUMENT_VERSION_MISMATCH.
    if (memory->version != (40u | (2u << 24)))
        return 25;
    const unsigned long long reserve = 1ull << 30;
    *memory = {memory->version, gpu->memory_total, reserve, gpu->memory_total / 2, gpu->memory_total / 2 - reserve};
    return kSuccess;
}

} // extern "C"
