// SPDX-License-Identifier: GPL-3.0-or-later
// Device telemetry: the host's numbers from /proc checked against other sources, the GPU's
// through NVML where there is one (and a reason where there is none), and the device list.
#include <torch/torch.h>

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
