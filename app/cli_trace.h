// SPDX-License-Identifier: GPL-3.0-or-later
// `--trace FILE` of `i3lm bench train`: PyTorch's profiler (Kineto) over the timed steps, saved
// as a Chrome trace (chrome://tracing, Perfetto, or scripts/kernel_times.py for a table of the
// GPU kernels). Needs LibTorch 2.4 or later.
#pragma once

#include <memory>
#include <string>

namespace i3::cli {

class ProfilerTrace {
public:
    // Starts recording CPU operators and CUDA kernels; throws i3::Error where it cannot.
    explicit ProfilerTrace(std::string path);
    // Stops and writes the trace.
    void save();

private:
    std::string path_;
};

} // namespace i3::cli
