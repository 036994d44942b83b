// SPDX-License-Identifier: GPL-3.0-or-later
// GPU work recorded once as a CUDA graph and then replayed with a single launch. Generating one
// token, or a training step at a small batch, is hundreds of small kernels; launching them one by
// one from the CPU costs more than running them, and a graph removes that cost.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace i3 {

class CapturedWork {
public:
    virtual ~CapturedWork() = default;
    // Runs the recorded kernels again, on the current CUDA stream, with the same memory: inputs
    // change by writing into the tensors the work read, outputs appear in the tensors it made.
    virtual void replay() = 0;
};

// Runs `work` `warm_ups` times on a side stream (so every lazy allocation and library handle
// exists; 0 when the caller has run it already and running it again would change something),
// then records it. Returns null, with the reason in `why_not`, when this build has no CUDA or the
// capture fails; the caller then runs `work` directly.
std::unique_ptr<CapturedWork> capture_cuda_graph(const std::function<void()>& work, std::string& why_not,
                                                 int warm_ups = 3);

} // namespace i3
