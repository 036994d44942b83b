// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/recurrence_history.h"

#include "base/error.h"
#include "inspect/memory_half_life.h"
#include "model/model_artifacts.h"
#include "runs/run_folder.h"
#include "runs/run_schema.h"
#include "training/trainer.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <regex>

namespace fs = std::filesystem;

namespace i3 {

BlockRecurrence block_recurrence(int64_t layer, const at::Tensor& A, const at::Tensor& w_mix)
{
    BlockRecurrence block;
    block.layer = layer;
    double slowest = 0; // the longest half-life of the fading directions
    for (const auto& value : matrix_eigenvalues(A)) {
        block.spectral_radius = std::max(block.spectral_radius, std::abs(value));
        const HalfLife half = memory_half_life(value);
        slowest = half.memory == Memory::Fades ? std::max(slowest, half.steps) : std::numeric_limits<double>::infinity();
    }
    block.longest_half_life = slowest;
    const at::Tensor mix = w_mix.detach().to(torch::kCPU, torch::kDouble);
    block.w_mix_mean = mix.mean().item<double>();
    block.w_mix_min = mix.min().item<double>();
    block.w_mix_max = mix.max().item<double>();
    return block;
}

std::vector<BlockRecurrence> recurrence_of(const NamedTensors& weights, const std::string& source)
{
    static const std::regex kHybrid(R"(layers\.(\d+)\.hybrid\.(A|w_mix))");
    std::map<int64_t, std::pair<at::Tensor, at::Tensor>> pairs; // layer → (A, w_mix)
    for (const auto& [name, tensor] : weights) {
        std::smatch match;
        if (!std::regex_match(name, match, kHybrid))
            continue;
        auto& pair = pairs[std::stoll(match[1].str())];
        (match[2] == "A" ? pair.first : pair.second) = tensor;
    }
    std::vector<BlockRecurrence> blocks;
    for (const auto& [layer, pair] : pairs) {
        const auto& [A, w_mix] = pair;
        const std::string block = "layers." + std::to_string(layer) + ".hybrid";
        if (!A.defined() || !w_mix.defined())
            throw Error(source + ": " + block + " has " + (A.defined() ? "A but no w_mix" : "w_mix but no A"));
        if (A.dim() != 2 || A.size(0) != A.size(1) || w_mix.dim() != 1)
            throw Error(source + ": " + block + ".A must be square and w_mix a vector");
        blocks.push_back(block_recurrence(layer, A, w_mix));
    }
    return blocks;
}

std::vector<RecurrenceSnapshot> recurrence_over_training(const fs::path& run_folder, const HistoryProgress& progress,
                                                         const CancelToken* cancel)
{
    const std::vector<fs::path> checkpoints = RunFolder(run_folder).step_checkpoints();
    std::vector<RecurrenceSnapshot> history;
    for (size_t i = 0; i < checkpoints.size(); ++i) {
        if (cancel && cancel->cancelled())
            throw Cancelled();
        const fs::path weights = checkpoints[i] / run_files::kCheckpointWeights;
        try {
            RecurrenceSnapshot snapshot;
            snapshot.step = checkpoint_step(checkpoints[i]);
            snapshot.blocks = recurrence_of(read_weights(weights), weights.string());
            history.push_back(std::move(snapshot));
        } catch (const Error&) {
            if (fs::exists(checkpoints[i]))
                throw; // damaged, not removed
        }
        if (progress)
            progress(i + 1, checkpoints.size());
    }
    return history;
}

} // namespace i3
