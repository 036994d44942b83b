// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_trace.h"

#include "base/error.h"
#include "model/torch_features.h"

#if I3_TORCH_HAS_FUSED_TRAINING
#include <torch/csrc/autograd/profiler_kineto.h>
#endif

namespace i3::cli {

#if I3_TORCH_HAS_FUSED_TRAINING

namespace {

namespace profiler = torch::profiler::impl;

profiler::ProfilerConfig trace_config() { return profiler::ProfilerConfig(profiler::ProfilerState::KINETO); }

const std::set<profiler::ActivityType>& activities()
{
    static const std::set<profiler::ActivityType> both{profiler::ActivityType::CPU, profiler::ActivityType::CUDA};
    return both;
}

} // namespace

ProfilerTrace::ProfilerTrace(std::string path) : path_(std::move(path))
{
    torch::autograd::profiler::prepareProfiler(trace_config(), activities());
    torch::autograd::profiler::enableProfiler(trace_config(), activities());
}

void ProfilerTrace::save()
{
    const auto result = torch::autograd::profiler::disableProfiler();
    result->save(path_);
}

#else

ProfilerTrace::ProfilerTrace(std::string path) : path_(std::move(path))
{
    throw Error("--trace needs LibTorch 2.4 or later; this build has LibTorch " TORCH_VERSION);
}

void ProfilerTrace::save() {}

#endif

} // namespace i3::cli
