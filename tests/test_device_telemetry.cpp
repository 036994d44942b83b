// SPDX-License-Identifier: GPL-3.0-or-later
// Device telemetry: the host's numbers from /proc checked against other sources, the GPU's
// through NVML where there is one (and a reason where there is none), the GPUs found in NVML by
// CUDA's PCI bus ids (a stand-in NVML, fake_nvml.cpp, numbers them otherwise), and the device list.
#include <torch/torch.h>

#include "telemetry/cuda_devices.h"
#include "telemetry/device_telemetry.h"

#include <QtTest>

#include <unistd.h>

#include <chrono>
#include <cstring>
#include <thread>

class TestDeviceTelemetry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hostNumbersAreSane()
    {
        i3::DeviceTelemetry telemetry;
        const auto first = telemetry.sample();
        QCOMPARE(first.host.cpu_percent, -1.0); // nothing to compare with yet
        const double page = static_cast<double>(sysconf(_SC_PAGESIZE));
        const double physical = static_cast<double>(sysconf(_SC_PHYS_PAGES)) * page;
        QVERIFY(first.host.ram_total_bytes > 0);
        QVERIFY(std::abs(static_cast<double>(first.host.ram_total_bytes) - physical) < 0.01 * physical);
        QVERIFY(first.host.ram_used_bytes > 0);
        QVERIFY(first.host.ram_used_bytes < first.host.ram_total_bytes);
        QVERIFY(first.host.process_rss_bytes > 0);

        // Touch 256 MiB: the process's resident memory grows by about as much.
        std::vector<char> block(256u << 20);
        std::memset(block.data(), 1, block.size());
        // Keep a core busy for a while, so the second sample has something to measure.
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
        volatile double sink = 0;
        while (std::chrono::steady_clock::now() < until)
            sink = sink + 1;
        const auto second = telemetry.sample();
        QVERIFY(second.host.process_rss_bytes - first.host.process_rss_bytes > (200 << 20));
        QVERIFY(block[12345] == 1);
        qInfo("cpu %.1f%%, rss %.0f MiB", second.host.cpu_percent, second.host.process_rss_bytes / 1048576.0);
        QVERIFY(second.host.cpu_percent >= 0);
        QVERIFY(second.host.cpu_percent <= 100);
        // One core of this machine's was busy the whole time: at least a share of it shows.
        const double one_core = 100.0 / std::max(1u, std::thread::hardware_concurrency());
        QVERIFY2(second.host.cpu_percent > 0.5 * one_core, qPrintable(QString::number(second.host.cpu_percent)));
    }

    void gpuOrAReasonWhyNot()
    {
        i3::DeviceTelemetry telemetry;
        const auto sample = telemetry.sample();
        if (telemetry.has_gpu()) {
            QVERIFY(telemetry.gpu_unavailable_reason().empty());
            QVERIFY(sample.gpu.has_value());
            QVERIFY(!sample.gpu->name.empty());
            QVERIFY(sample.gpu->memory_total_bytes > 0);
            QVERIFY(sample.gpu->memory_used_bytes >= 0);
            QVERIFY(sample.gpu->memory_used_bytes <= sample.gpu->memory_total_bytes);
            QVERIFY(!telemetry.sample(1000).gpu.has_value()); // no such GPU
        } else {
            qInfo("no GPU: %s", telemetry.gpu_unavailable_reason().c_str());
            QVERIFY(!telemetry.gpu_unavailable_reason().empty());
            QVERIFY(!sample.gpu.has_value());
        }
    }

    // The stand-in has GPUs on buses 01, 41 and 81, numbered 0, 1, 2 as NVML does. With
    // CUDA_VISIBLE_DEVICES=2,0 CUDA's cuda:0 is the GPU on bus 81 and cuda:1 the one on bus 01,
    // and that is what the telemetry must report for them.
    void gpusFollowCudasNumbering()
    {
        i3::DeviceTelemetry telemetry(i3::CudaDevices{{"0000:81:00.0", "0000:01:00.0"}, ""}, I3_FAKE_NVML);
        QVERIFY2(telemetry.has_gpu(), telemetry.gpu_unavailable_reason().c_str());
        const auto first = telemetry.sample(0);
        QVERIFY(first.gpu.has_value());
        QCOMPARE(first.gpu->name, std::string("Fake GPU on bus 81"));
        QCOMPARE(first.gpu->memory_total_bytes, int64_t(80) << 30);
        QCOMPARE(first.gpu->memory_used_bytes, (int64_t(40) << 30) - (int64_t(1) << 30)); // v2: without the reserve
        QCOMPARE(first.gpu->utilization_percent, 81.0);
        QCOMPARE(first.gpu->power_watts, 129.0); // 0x81 W
        QCOMPARE(first.gpu->temperature_celsius, 28.0);
        const auto second = telemetry.sample(1);
        QVERIFY(second.gpu.has_value());
        QCOMPARE(second.gpu->name, std::string("Fake GPU on bus 01"));
        QCOMPARE(second.gpu->memory_total_bytes, int64_t(24) << 30);
        QCOMPARE(telemetry.gpu_name(1), std::optional<std::string>("Fake GPU on bus 01"));
        QVERIFY(!telemetry.sample(2).gpu.has_value()); // CUDA has two GPUs here, not three
        QVERIFY(!telemetry.sample(-1).gpu.has_value());
        QVERIFY(!telemetry.gpu_name(2).has_value());
    }

    // NVML writes the domain with 8 digits, CUDA with 4: the same numbers are the same GPU.
    void busIdsAreNumbersNotText()
    {
        i3::DeviceTelemetry telemetry(i3::CudaDevices{{"00000000:41:00.0"}, ""}, I3_FAKE_NVML);
        QCOMPARE(telemetry.gpu_name(0), std::optional<std::string>("Fake GPU on bus 41"));
    }

    // LibTorch without CUDA, or CUDA_VISIBLE_DEVICES="": no GPU, though NVML sees three.
    void noCudaDeviceMeansNoGpu()
    {
        i3::DeviceTelemetry telemetry(i3::CudaDevices{{}, "LibTorch sees no CUDA device"}, I3_FAKE_NVML);
        QVERIFY(!telemetry.has_gpu());
        QCOMPARE(telemetry.gpu_unavailable_reason(), std::string("LibTorch sees no CUDA device"));
        QVERIFY(!telemetry.sample(0).gpu.has_value());
        QVERIFY(!telemetry.gpu_name(0).has_value());
#ifndef I3_WITH_CUDA
        const i3::CudaDevices none = i3::cuda_devices();
        QVERIFY(none.pci_bus_ids.empty());
        QVERIFY(none.none_reason.find("no CUDA") != std::string::npos);
        QVERIFY(!i3::DeviceTelemetry().has_gpu());
#endif
    }

    // A CUDA device NVML does not know has no telemetry; the others keep theirs.
    void unknownBusIds()
    {
        i3::DeviceTelemetry unknown(i3::CudaDevices{{"0000:02:00.0"}, ""}, I3_FAKE_NVML);
        QVERIFY(!unknown.has_gpu());
        QVERIFY2(unknown.gpu_unavailable_reason().find("0000:02:00.0") != std::string::npos,
                 unknown.gpu_unavailable_reason().c_str());
        i3::DeviceTelemetry partly(i3::CudaDevices{{"0000:02:00.0", "0000:41:00.0"}, ""}, I3_FAKE_NVML);
        QVERIFY(partly.has_gpu());
        QVERIFY(!partly.sample(0).gpu.has_value());
        QCOMPARE(partly.sample(1).gpu->name, std::string("Fake GPU on bus 41"));
    }

    void missingLibraryIsNamed()
    {
        i3::DeviceTelemetry telemetry(i3::CudaDevices{{"0000:41:00.0"}, ""}, "/nonexistent/libnvidia-ml.so.1");
        QVERIFY(!telemetry.has_gpu());
        QVERIFY2(telemetry.gpu_unavailable_reason().find("/nonexistent/libnvidia-ml.so.1") != std::string::npos,
                 telemetry.gpu_unavailable_reason().c_str());
    }

    void devices()
    {
        const auto devices = i3::available_devices();
        QVERIFY(!devices.empty());
        QCOMPARE(devices.front(), std::string("cpu"));
        if (!torch::cuda::is_available())
            QCOMPARE(devices, std::vector<std::string>{"cpu"});
        else
            QCOMPARE(devices.size(), 1 + torch::cuda::device_count());

        const long cores = sysconf(_SC_NPROCESSORS_ONLN);
        QCOMPARE(i3::device_display_name("cpu"), "CPU (" + std::to_string(cores) + " cores)");
        if (!i3::DeviceTelemetry().has_gpu())
            QCOMPARE(i3::device_display_name("cuda:3"), std::string("CUDA GPU 3"));
        QVERIFY(!i3::device_display_name("cuda").empty());
    }
};

QTEST_GUILESS_MAIN(TestDeviceTelemetry)
#include "test_device_telemetry.moc"
