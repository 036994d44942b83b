// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/cuda_graph.h"

#include <torch/torch.h>

#ifdef I3_WITH_CUDA
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace i3 {

#ifdef I3_WITH_CUDA
namespace {

class GraphWork : public CapturedWork {
public:
    void replay() override { graph.replay(); }
    at::cuda::CUDAGraph graph;
};

} // namespace

std::unique_ptr<CapturedWork> capture_cuda_graph(const std::function<void()>& work, std::string& why_not,
                                                 int warm_ups)
{
    auto captured = std::make_unique<GraphWork>();
    const auto side_stream = c10::cuda::getStreamFromPool();
    torch::cuda::synchronize();
    try {
        {
            const c10::cuda::CUDAStreamGuard guard(side_stream);
            for (int warm_up = 0; warm_up < warm_ups; ++warm_up)
                work();
            side_stream.synchronize();
            captured->graph.capture_begin();
            try {
                work();
            } catch (...) {
                try {
                    captured->graph.capture_end();
                } catch (...) {
                }
                throw;
            }
            captured->graph.capture_end();
        }
        torch::cuda::synchronize();
    } catch (const c10::Error& error) {
        why_not = std::string("the CUDA graph could not be captured: ") + error.what_without_backtrace();
        torch::cuda::synchronize();
        return nullptr;
    }
    return captured;
}
#else
std::unique_ptr<CapturedWork> capture_cuda_graph(const std::function<void()>&, std::string& why_not, int)
{
    why_not = "this build has no CUDA";
    return nullptr;
}
#endif

} // namespace i3
