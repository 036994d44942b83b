// SPDX-License-Identifier: GPL-3.0-or-later
#include "distributed/rank_group.h"

#include "base/error.h"
#include "model/torch_features.h"

#include <torch/torch.h>
#include <torch/csrc/distributed/c10d/Types.hpp>
#include <torch/csrc/distributed/c10d/Work.hpp>
#if I3_TORCH_C10D_BACKEND
#include <torch/csrc/distributed/c10d/Backend.hpp>
#else
#include <torch/csrc/distributed/c10d/ProcessGroup.hpp>
#endif
#if I3_WITH_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
#if I3_WITH_NCCL
#include <c10/cuda/CUDAFunctions.h>
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

namespace i3 {

namespace {

// LibTorch 2.x gives a group's collectives to a c10d::Backend; 1.13's groups derive from
// c10d::ProcessGroup. Both have the same allreduce and broadcast.
#if I3_TORCH_C10D_BACKEND
using Collectives = c10d::Backend;
#else
using Collectives = c10d::ProcessGroup;
#endif

bool says(const std::exception& error, const char* words) { return std::string(error.what()).find(words) != std::string::npos; }

bool is_loopback(const std::string& address)
{
    return address == "localhost" || address == "::1" || address.rfind("127.", 0) == 0;
}

// What differs between rank 0's description and another rank's, a line per key; empty when alike.
std::string difference(const nlohmann::json& leader, const nlohmann::json& other, int other_rank)
{
    std::string lines;
    for (const auto& [key, value] : leader.items()) {
        const auto theirs = other.find(key);
        if (theirs == other.end() || *theirs != value)
            lines += "\n  " + key + ": rank 0 has " + value.dump() + ", rank " + std::to_string(other_rank) + " has " +
                     (theirs == other.end() ? std::string("none") : theirs->dump());
    }
    return lines;
}

// Each rank's description against rank 0's. Each other rank compares its own first and says so
// before rank 0 compares it, so that both can say what differs before rank 0 (who may hold the
// store) goes.
void check_descriptions(RankStore& store, const RankPlace& place, const nlohmann::json& mine)
{
    using rank_keys::kCompared;
    using rank_keys::kDescription;
    store.set(kDescription + std::to_string(place.rank), mine.dump());
    auto check = [&](int other_rank, const nlohmann::json& leader, const nlohmann::json& other) {
        const std::string lines = difference(leader, other, other_rank);
        if (lines.empty())
            return;
        const std::string message = "rank " + std::to_string(other_rank) +
                                    " was started differently from rank 0; every rank needs the same program and "
                                    "options:" + lines;
        store.report_failure(message);
        throw Error(message);
    };
    if (place.rank != 0) {
        const auto leader = nlohmann::json::parse(store.get(kDescription + std::string("0"), "rank 0 to start"));
        store.set(kCompared + std::to_string(place.rank), "");
        check(place.rank, leader, mine);
        return;
    }
    for (int rank = 1; rank < place.world_size; ++rank) {
        const std::string joining = "rank " + std::to_string(rank) + " to join";
        store.get(kCompared + std::to_string(rank), joining);
        check(rank, mine, nlohmann::json::parse(store.get(kDescription + std::to_string(rank), joining)));
    }
}

} // namespace

std::string group_unavailable_reason(const c10::Device& device)
{
    if (device.is_cuda()) {
#if I3_WITH_NCCL
        return "";
#else
        return "this build has no NCCL (it needs a CUDA LibTorch built with NCCL), so its ranks cannot train on GPUs";
#endif
    }
#if I3_WITH_GLOO
    return "";
#else
    return "this build has no Gloo (LibTorch's CPU collectives; Debian: libgloo-dev), so its ranks cannot train on "
           "the CPU";
#endif
}

struct RankGroup::Backend {
    c10::intrusive_ptr<Collectives> collectives;
    std::string name;
};

struct PendingSum::Work {
    c10::intrusive_ptr<c10d::Work> work;
    const RankGroup* group = nullptr;
};

PendingSum::PendingSum() = default;
PendingSum::PendingSum(PendingSum&&) noexcept = default;
PendingSum& PendingSum::operator=(PendingSum&&) noexcept = default;
PendingSum::~PendingSum() = default;

void PendingSum::wait()
{
    if (!work_)
        return;
    try {
        work_->work->wait();
    } catch (const std::exception& error) {
        throw work_->group->failure(error);
    }
    work_.reset();
}

RankGroup::RankGroup(RankPlace place, c10::Device device, RankStore store, std::unique_ptr<Backend> backend)
    : place_(std::move(place)), device_(device), store_(std::move(store)), backend_(std::move(backend))
{
}

RankGroup::~RankGroup()
{
#if I3_WITH_NCCL
    // NCCL's communicators are released by the group's shutdown (what Python's
    // destroy_process_group does); without it NCCL warns at exit that they may leak. After a
    // failure a peer may never answer, so the communicators are aborted instead of flushed.
    if (auto* nccl = dynamic_cast<c10d::ProcessGroupNCCL*>(backend_->collectives.get())) {
        try {
            if (failed_)
                nccl->abort();
            else
                nccl->shutdown();
        } catch (const std::exception&) {
            // Nothing more can be done for a group at its end; the process exits either way.
        }
    }
#endif
}

std::shared_ptr<RankGroup> RankGroup::connect(const RankPlace& place, const c10::Device& device,
                                              const nlohmann::json& description, std::chrono::milliseconds timeout)
{
    if (const std::string reason = group_unavailable_reason(device); !reason.empty())
        throw Error(reason);
    RankStore store = place.hosts_store() ? RankStore::host(place.master_addr, place.master_port, timeout)
                                          : RankStore::connect(place.master_addr, place.master_port, timeout);
    check_descriptions(store, place, description);
    auto backend = std::make_unique<Backend>();
    try {
        if (device.is_cuda()) {
#if I3_WITH_NCCL
            c10::cuda::set_device(device.index());
            auto options = c10d::ProcessGroupNCCL::Options::create();
            options->timeout = timeout;
            backend->collectives =
                c10::make_intrusive<c10d::ProcessGroupNCCL>(store.c10d_store(), place.rank, place.world_size, options);
            backend->name = "nccl";
#endif
        } else {
#if I3_WITH_GLOO
            auto options = c10d::ProcessGroupGloo::Options::create(timeout);
            // Local ranks talk over the loopback; across machines, over the interface that
            // GLOO_SOCKET_IFNAME names, else the one the host name resolves to.
            if (is_loopback(place.master_addr))
                options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
            else if (const auto interface = environment_variable("GLOO_SOCKET_IFNAME"))
                options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(*interface));
            else
                options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
            backend->collectives =
                c10::make_intrusive<c10d::ProcessGroupGloo>(store.c10d_store(), place.rank, place.world_size, options);
            backend->name = "gloo";
#endif
        }
    } catch (const std::exception& error) {
        const std::string message = "could not join the others' process group: " + std::string(error.what());
        store.report_failure(place.name() + ": " + message);
        throw Error(message);
    }
    return std::shared_ptr<RankGroup>(new RankGroup(place, device, std::move(store), std::move(backend)));
}

const char* RankGroup::backend_name() const { return backend_->name.c_str(); }

PendingSum RankGroup::start_sum(at::Tensor& tensor)
{
    std::vector<at::Tensor> tensors{tensor};
    PendingSum pending;
    pending.work_ = std::make_unique<PendingSum::Work>();
    pending.work_->group = this;
    try {
        pending.work_->work = backend_->collectives->allreduce(tensors);
    } catch (const std::exception& error) {
        throw failure(error);
    }
    return pending;
}

void RankGroup::broadcast_from_leader(at::Tensor& tensor)
{
    std::vector<at::Tensor> tensors{tensor};
    c10d::BroadcastOptions options;
    options.rootRank = 0;
    try {
        backend_->collectives->broadcast(tensors, options)->wait();
    } catch (const std::exception& error) {
        throw failure(error);
    }
}

std::vector<double> RankGroup::sum_values(const std::vector<double>& values)
{
    at::Tensor tensor = torch::tensor(values, torch::kDouble).to(device_);
    start_sum(tensor).wait();
    const at::Tensor summed = tensor.cpu();
    return {summed.data_ptr<double>(), summed.data_ptr<double>() + summed.numel()};
}

std::string ranks_in_words(int count) { return std::to_string(count) + (count == 1 ? " rank" : " ranks"); }

Error RankGroup::failure(const std::exception& error) const
{
    failed_ = true;
    const std::string seconds = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(store_.timeout()).count());
    if (says(error, "imed out") || says(error, "imeout"))
        return Error("no answer from the other ranks within " + seconds +
                     " s: one of them hangs or is far behind (--rank-timeout sets how long to wait) [" + error.what() + "]");
    for (const char* closed : {"Connection reset", "Connection closed", "Broken pipe", "Read error", "Write error",
                               "Connection refused", "EOF"})
        if (says(error, closed))
            return Error(std::string("another rank is gone: its connection closed (it crashed, was killed, or "
                                     "stopped on an error of its own) [") + error.what() + "]");
    return Error(std::string("the ranks' collective failed: ") + error.what());
}

} // namespace i3
