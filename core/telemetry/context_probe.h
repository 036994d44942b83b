// SPDX-License-Identifier: GPL-3.0-or-later
// The context probe: how much memory one training step (forward + backward) takes as the context
// window grows, for a model shape and batch, measured on the device at hand, beside the
// reference's published figures (§8).
#pragma once

#include "base/cancel_token.h"
#include "base/precision.h"
#include "config/model_config.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

// On the CPU a step is tried only when its estimated need is at most this share of the available
// RAM.
inline constexpr double kProbeUsableRamShare = 0.8;

struct ProbeOptions {
    ModelConfig model;              // max_seq_len is replaced by each probed context
    int64_t batch_size = 1;
    std::vector<int64_t> contexts;  // increasing, each >= 1
    std::string device = "cpu";
    Precision precision = Precision::Float32;
    bool checkpoint_activations = false;
};

struct ProbePoint {
    int64_t context = 0;
    int64_t batch_size = 0;
    int64_t peak_bytes = 0;     // peak memory of the step above what was in use before it
    double seconds = 0;         // the step's time
    bool out_of_memory = false; // the step did not fit (the probe stops after such a point)
    // On the CPU, out_of_memory without running: the estimated need (estimated_bytes) is above
    // limit_bytes, the share of the available RAM a step may take.
    bool not_tried = false;
    int64_t estimated_bytes = 0;
    int64_t limit_bytes = 0;
    std::string note;           // e.g. why a CPU step was not attempted
};

// What the probe does for one context, in order; a context not tried has only Estimate, and
// WarmUp (a first, unmeasured step) comes before the first context only.
enum class ProbeStage { Estimate, WarmUp, BuildModel, TrainingStep };

struct ProbeProgress {
    size_t context_index = 0; // into ProbeOptions::contexts
    int64_t context = 0;
    ProbeStage stage = ProbeStage::Estimate;
    double fraction = 0; // of the sweep done when this stage begins, in [0, 1)
};

// Runs one training step per context, in order, calling on_point after each; stops after the
// first context that does not fit, or when `cancel` is set. On a GPU the peak comes from the
// CUDA allocator; on the CPU from the process's peak resident memory, and a context whose
// estimated need exceeds the available RAM is reported as out of memory without being tried
// (the kernel would kill the process rather than fail an allocation). on_stage hears each stage
// as it begins.
std::vector<ProbePoint> run_context_probe(const ProbeOptions& options,
                                          const std::function<void(const ProbePoint&)>& on_point = {},
                                          const CancelToken* cancel = nullptr,
                                          const std::function<void(const ProbeProgress&)>& on_stage = {});

// 128, 256, 512, ... up to and including max_context (the last one added even if not a power of 2).
std::vector<int64_t> doubling_contexts(int64_t first, int64_t max_context);

// The reference's measured peak memory (§8, NVIDIA H200, i3-80M shape, float32).
struct ReferenceMemoryFigure {
    int64_t batch_size;
    int64_t context;
    std::optional<double> gib; // empty: out of memory on 141 GB
};
const std::vector<ReferenceMemoryFigure>& reference_memory_figures();

} // namespace i3
