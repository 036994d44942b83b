// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/context_probe.h"

#include "base/device.h"
#include "base/error.h"
#include "base/host_memory.h"
#include "base/out_of_memory.h"
#include "model/i3_model.h"
#include "telemetry/device_memory.h"
#include "telemetry/device_telemetry.h"
#include "telemetry/memory_estimate.h"
#include "training/training_step.h"

#include <torch/torch.h>
#ifdef I3_WITH_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#endif

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <new>

namespace i3 {

namespace {

using Clock = std::chrono::steady_clock;

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
// Room on top of an extrapolated need, for the noise of measuring resident memory.
constexpr double kExtrapolationMargin = 1.25;

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string gib(double bytes)
{
    char text[48];
    if (bytes < 1024 * kGiB)
        std::snprintf(text, sizeof text, "%.2f GiB", bytes / kGiB);
    else
        std::snprintf(text, sizeof text, "%.0f TiB", bytes / (1024 * kGiB));
    return text;
}

// Sets the process's peak resident memory (VmHWM) back to its current resident memory.
bool reset_peak_resident_memory()
{
    std::ofstream clear_refs("/proc/self/clear_refs");
    clear_refs << "5";
    clear_refs.flush();
    return static_cast<bool>(clear_refs);
}

// Float32 weights and their gradients, at the given context (the position table grows with it).
double weights_and_gradients(ModelConfig config, int64_t context)
{
    config.max_seq_len = context;
    const TrainingMemoryEstimate estimate = estimate_training_memory(config, 1);
    return estimate.weight_bytes + estimate.gradient_bytes;
}

// A generous a-priori guess of a CPU step's need, for the first context, when nothing has been
// measured yet: three times the estimate (which lands within 15% of measured peaks, so this
// never lets an unmeasured step push the machine into swap), and room for the allocator and
// the thread pool.
double analytic_need(const ModelConfig& config, int64_t batch)
{
    return 3.0 * estimate_training_memory(config, batch).step_bytes() + 256.0 * 1024 * 1024;
}

// The need at `config`'s context extrapolated from the measured points. A step holds the weights
// and gradients plus activations that grow at most quadratically with the context (attention
// scores), so activations fitted as `a + k * context^2` through the last two points never
// underestimate; with one point, all of its activations are taken to grow quadratically.
double extrapolated_need(const std::vector<ProbePoint>& measured, const ModelConfig& config, int64_t batch)
{
    const auto square = [](int64_t value) { return static_cast<double>(value) * static_cast<double>(value); };
    const auto activations = [&](const ProbePoint& point) {
        return static_cast<double>(point.peak_bytes) - weights_and_gradients(config, point.context);
    };
    const int64_t context = config.max_seq_len;
    const ProbePoint& last = measured.back();
    if (activations(last) <= 0) // a measurement too small to be believed: guess instead
        return analytic_need(config, batch);
    double grown = activations(last) * square(context) / square(last.context);
    if (measured.size() >= 2) {
        const ProbePoint& before = measured[measured.size() - 2];
        const double slope = std::max(0.0, activations(last) - activations(before)) /
                             (square(last.context) - square(before.context));
        grown = activations(last) + slope * (square(context) - square(last.context));
    }
    return weights_and_gradients(config, context) + grown;
}

// Waits for the queued work of the device (of that very GPU, not the current one).
void wait_for(const torch::Device& device)
{
    if (device.is_cuda())
        torch::cuda::synchronize(device.has_index() ? device.index() : -1);
}

// How each probed step computes: the precision and activation checkpointing of the options.
struct StepChoice {
    std::optional<c10::ScalarType> autocast;
    bool checkpoint_activations = false;
};

I3Model probe_model(const ModelConfig& config, const torch::Device& device, const StepChoice& choice)
{
    I3Model model(config);
    model->to(device);
    model->train();
    model->set_activation_checkpointing(choice.checkpoint_activations);
    return model;
}

// Forward, loss and backward of `model` on a random batch; returns the seconds it took.
double training_step(I3Model& model, const ModelConfig& config, int64_t batch, const torch::Device& device,
                     const StepChoice& choice)
{
    const auto tokens = torch::randint(0, config.vocab_size, {batch, config.max_seq_len + 1},
                                       torch::TensorOptions().dtype(torch::kLong).device(device));
    const auto inputs = tokens.narrow(1, 0, config.max_seq_len);
    const auto targets = tokens.narrow(1, 1, config.max_seq_len);
    wait_for(device);
    const auto start = Clock::now();
    add_gradients(model, {inputs, targets}, choice.autocast);
    wait_for(device);
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A first, unmeasured step on a short context: what the first step of a process sets up once
// (thread pools, library workspaces) then counts in no point's peak or time.
void warm_up(ModelConfig config, const torch::Device& device, const StepChoice& choice)
{
    config.max_seq_len = std::min<int64_t>(config.max_seq_len, 16);
    I3Model model = probe_model(config, device, choice);
    training_step(model, config, 1, device, choice);
}

// Builds the model for the point's context and runs one step, filling peak_bytes and seconds;
// `stage` announces the step once the model is built. Throws c10::Error (or std::bad_alloc) when
// memory runs out.
void measure(ProbePoint& point, const ModelConfig& config, const torch::Device& device, const StepChoice& choice,
             const std::function<void()>& stage)
{
    const bool cuda = device.is_cuda();
    const int index = cuda && device.has_index() ? device.index() : 0;
    int64_t before = 0;
    if (cuda) {
        wait_for(device);
        reset_cuda_peak_memory(index);
        before = cuda_memory(index).value_or(DeviceMemory{}).allocated_bytes;
    } else {
        if (!reset_peak_resident_memory())
            throw Error("cannot measure memory on the CPU: /proc/self/clear_refs is not writable here");
        before = proc_kilobytes("/proc/self/status", "VmRSS");
    }
    {
        I3Model model = probe_model(config, device, choice);
        stage();
        point.seconds = training_step(model, config, point.batch_size, device, choice);
    }
    const int64_t peak = cuda ? cuda_memory(index).value_or(DeviceMemory{}).peak_allocated_bytes
                              : proc_kilobytes("/proc/self/status", "VmHWM");
    point.peak_bytes = std::max<int64_t>(0, peak - before);
}

// Gives what the last step freed back to the system, so the next one starts from a low baseline.
void release_free_memory(bool cuda)
{
#ifdef I3_WITH_CUDA
    if (cuda)
        c10::cuda::CUDACachingAllocator::emptyCache();
#else
    (void)cuda;
#endif
    malloc_trim(0);
}

void check(const ProbeOptions& options)
{
    if (options.batch_size < 1)
        throw Error("the probe's batch size must be at least 1, not " + std::to_string(options.batch_size));
    for (size_t i = 0; i < options.contexts.size(); ++i) {
        if (options.contexts[i] < 1)
            throw Error("a probed context must be at least 1, not " + std::to_string(options.contexts[i]));
        if (i > 0 && options.contexts[i] <= options.contexts[i - 1])
            throw Error("the probed contexts must increase (" + std::to_string(options.contexts[i - 1]) + " then " +
                        std::to_string(options.contexts[i]) + ")");
    }
}

} // namespace

std::vector<ProbePoint> run_context_probe(const ProbeOptions& options,
                                          const std::function<void(const ProbePoint&)>& on_point,
                                          const CancelToken* cancel,
                                          const std::function<void(const ProbeProgress&)>& on_stage)
{
    check(options);
    const torch::Device device = usable_device(options.device);
    const StepChoice choice{autocast_for(options.precision, device), options.checkpoint_activations};
    std::vector<ProbePoint> points;
    for (size_t index = 0; index < options.contexts.size(); ++index) {
        const int64_t context = options.contexts[index];
        if (cancel && cancel->cancelled())
            break;
        // Each context's share of the sweep, split evenly between its stages.
        const auto announce = [&](ProbeStage stage) {
            if (!on_stage)
                return;
            constexpr double kStages = 4;
            const double within = static_cast<double>(static_cast<int>(stage)) / kStages;
            on_stage({index, context, stage, (static_cast<double>(index) + within) / options.contexts.size()});
        };
        announce(ProbeStage::Estimate);
        ModelConfig config = options.model;
        config.max_seq_len = context;
        config.validate();
        ProbePoint point;
        point.context = context;
        point.batch_size = options.batch_size;
        release_free_memory(device.is_cuda());

        if (device.is_cpu()) {
            const double need = points.empty()
                                    ? analytic_need(config, options.batch_size)
                                    : kExtrapolationMargin * extrapolated_need(points, config, options.batch_size);
            const double available = static_cast<double>(available_host_memory());
            if (available > 0 && need > kProbeUsableRamShare * available) {
                point.out_of_memory = true;
                point.not_tried = true;
                point.estimated_bytes = static_cast<int64_t>(std::min(need, 9.0e18));
                point.limit_bytes = static_cast<int64_t>(kProbeUsableRamShare * available);
                point.note = "not tried: it would need about " + gib(need) + ", more than " +
                             std::to_string(static_cast<int>(std::lround(100 * kProbeUsableRamShare))) + "% of the " +
                             gib(available) + " of RAM available";
            }
        }
        if (!point.out_of_memory) {
            try {
                if (points.empty()) {
                    announce(ProbeStage::WarmUp);
                    warm_up(config, device, choice);
                }
                announce(ProbeStage::BuildModel);
                measure(point, config, device, choice, [&] { announce(ProbeStage::TrainingStep); });
            } catch (const c10::Error& error) {
                if (!is_out_of_memory(error))
                    throw Error("the probe failed at context " + std::to_string(context) + ": " +
                                first_line(error.what_without_backtrace()));
                point.out_of_memory = true;
                point.note = first_line(error.what_without_backtrace());
            } catch (const std::bad_alloc&) {
                point.out_of_memory = true;
                point.note = "the memory allocator ran out of memory";
            }
        }
        if (point.out_of_memory) {
            point.peak_bytes = 0;
            point.seconds = 0;
        }
        points.push_back(point);
        if (on_point)
            on_point(point);
        if (point.out_of_memory)
            break;
    }
    release_free_memory(device.is_cuda());
    return points;
}

std::vector<int64_t> doubling_contexts(int64_t first, int64_t max_context)
{
    if (first < 1)
        throw Error("the first probed context must be at least 1, not " + std::to_string(first));
    std::vector<int64_t> contexts;
    for (int64_t context = first; context <= max_context; context *= 2) {
        contexts.push_back(context);
        if (context > max_context / 2)
            break;
    }
    if (!contexts.empty() && contexts.back() != max_context)
        contexts.push_back(max_context);
    return contexts;
}

const std::vector<ReferenceMemoryFigure>& reference_memory_figures()
{
    static const std::vector<ReferenceMemoryFigure> figures{
        {1, 256, 0.68}, {1, 1024, 1.84}, {1, 4096, 13.3}, {1, 8192, 47.1},
        {4, 256, 1.46}, {4, 1024, 6.21}, {4, 4096, 51.5}, {4, 8192, std::nullopt},
    };
    return figures;
}

} // namespace i3
