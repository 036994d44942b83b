// SPDX-License-Identifier: GPL-3.0-or-later
// How far a download has come, reported as its bytes arrive: for a progress bar with a rate and
// an ETA, on the command line or in the studio.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace i3 {

struct DownloadProgress {
    std::string file;            // the path in the repo
    size_t file_number = 0;      // 1-based, of file_count
    size_t file_count = 0;
    uint64_t bytes_done = 0;     // of this file, counting what an interrupted download had left
    uint64_t bytes_total = 0;    // 0 when the Hub did not say
    double bytes_per_second = 0; // over this transfer
    double seconds_left = -1;    // -1 when unknown
    bool from_cache = false;     // the file was already in the cache: nothing was transferred
};

using ProgressCallback = std::function<void(const DownloadProgress& progress)>;

// Turns bytes over time into a rate and an ETA.
class ProgressMeter {
public:
    // `already` bytes were there before this transfer started.
    explicit ProgressMeter(uint64_t already) : start_bytes_(already), start_(std::chrono::steady_clock::now()) {}

    void measure(DownloadProgress& progress) const
    {
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        const uint64_t moved = progress.bytes_done > start_bytes_ ? progress.bytes_done - start_bytes_ : 0;
        progress.bytes_per_second = seconds > 0 ? static_cast<double>(moved) / seconds : 0;
        progress.seconds_left = -1;
        if (progress.bytes_per_second > 0 && progress.bytes_total > 0 && progress.bytes_total >= progress.bytes_done)
            progress.seconds_left = static_cast<double>(progress.bytes_total - progress.bytes_done) / progress.bytes_per_second;
    }

private:
    uint64_t start_bytes_;
    std::chrono::steady_clock::time_point start_;
};

} // namespace i3
