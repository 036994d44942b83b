// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_ranks.h"

#include "base/cpu_threads.h"
#include "base/device.h"
#include "base/error.h"
#include "cli_interrupt.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <algorithm>
#include <iostream>

namespace i3::cli {

namespace {

// The launcher's own options: its ranks are not given them.
const char* const kLauncherOptions[] = {"nproc-per-node", "nnodes", "node-rank", "master-addr", "master-port"};

bool is_launcher_option(std::string name)
{
    std::replace(name.begin(), name.end(), '_', '-');
    return std::find(std::begin(kLauncherOptions), std::end(kLauncherOptions), name) != std::end(kLauncherOptions);
}

// `raw` without the launcher's options and their values.
Args rank_arguments(const Args& raw)
{
    Args kept;
    for (size_t i = 0; i < raw.size(); ++i) {
        const std::string& arg = raw[i];
        if (arg == "--") {
            kept.insert(kept.end(), raw.begin() + static_cast<std::ptrdiff_t>(i), raw.end());
            break;
        }
        if (arg.size() > 2 && arg.compare(0, 2, "--") == 0) {
            const std::string name = arg.substr(2, arg.find('=') - 2);
            if (is_launcher_option(name)) {
                if (arg.find('=') == std::string::npos)
                    ++i; // its value
                continue;
            }
        }
        kept.push_back(arg);
    }
    return kept;
}

int cuda_devices() { return torch::cuda::is_available() ? static_cast<int>(torch::cuda::device_count()) : 0; }

} // namespace

std::chrono::milliseconds rank_timeout(const Arguments& args)
{
    const double seconds = args.number("rank-timeout", static_cast<double>(kDefaultRankTimeout.count()));
    if (!(seconds > 0))
        throw UsageError("--rank-timeout must be a positive number of seconds");
    return std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000));
}

bool launches_ranks(const Arguments& args)
{
    const bool launch = args.has("nproc-per-node");
    for (const char* option : kLauncherOptions)
        if (args.has(option) && !launch)
            throw UsageError(std::string("--") + option + " goes with --nproc-per-node");
    if (launch && rank_place())
        throw UsageError("--nproc-per-node starts ranks, but this process is a rank already (RANK is set)");
    return launch;
}

LaunchPlan launch_plan(const Arguments& args, const Args& raw, const std::string& command, const std::string& device,
                       const std::vector<std::string>& extra)
{
    LaunchPlan plan;
    plan.ranks_per_node = static_cast<int>(*args.count("nproc-per-node"));
    plan.nodes = static_cast<int>(args.count("nnodes").value_or(1));
    plan.node_rank = static_cast<int>(args.integer("node-rank", 0));
    if (plan.node_rank < 0 || plan.node_rank >= plan.nodes)
        throw UsageError("--node-rank must be from 0 to " + std::to_string(plan.nodes - 1));
    plan.master_addr = args.get("master-addr", plan.master_addr);
    plan.master_port = static_cast<int>(args.integer("master-port", plan.nodes > 1 ? kDefaultMasterPort : 0));
    if (plan.master_port < 0 || plan.master_port > 65535)
        throw UsageError("--master-port must be from 1 to 65535");
    plan.timeout = rank_timeout(args);
    const auto spec = parse_device(device);
    if (spec && spec->cuda) {
        if (spec->index >= 0)
            throw UsageError("with --nproc-per-node each rank takes its own GPU: give --device cuda, not " + device);
        const int gpus = cuda_devices();
        if (plan.ranks_per_node > gpus)
            throw UsageError(std::to_string(plan.ranks_per_node) + " ranks on this machine need as many GPUs; it has " +
                             std::to_string(gpus));
    }
    plan.threads_per_rank = std::max(1, allowed_cpus() / plan.ranks_per_node);
    plan.arguments.push_back(command);
    const Args kept = rank_arguments(raw);
    plan.arguments.insert(plan.arguments.end(), kept.begin(), kept.end());
    plan.arguments.insert(plan.arguments.end(), extra.begin(), extra.end());
    return plan;
}

int run_launch(const LaunchPlan& plan)
{
    const InterruptScope interrupt;
    const LaunchOutcome outcome = launch_local_ranks(plan, &interrupt.token());
    for (const std::string& report : outcome.reports)
        std::cerr << kProgram << ": " << report << std::endl;
    if (!outcome.all_succeeded)
        return 1;
    return outcome.interrupted ? interrupted_exit_code() : 0;
}

std::optional<RankPlace> rank_place() { return rank_place_from(); }

std::shared_ptr<RankGroup> join_ranks(const RankPlace& place, const std::string& device, const std::string& command,
                                      const Args& raw, std::chrono::milliseconds timeout)
{
    c10::Device rank_device = usable_device(device);
    if (rank_device.is_cuda()) {
        if (place.local_rank >= cuda_devices())
            throw Error("local rank " + std::to_string(place.local_rank) + " takes GPU " +
                        std::to_string(place.local_rank) + ", but this machine has " + std::to_string(cuda_devices()) +
                        " GPU(s)");
        rank_device = c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>(place.local_rank));
    }
    const nlohmann::json description = {{"program", std::string(kProgram) + " " + I3_VERSION},
                                        {"libtorch", TORCH_VERSION},
                                        {"world_size", place.world_size},
                                        {"command", command},
                                        {"arguments", rank_arguments(raw)}};
    return RankGroup::connect(place, rank_device, description, timeout);
}

} // namespace i3::cli
