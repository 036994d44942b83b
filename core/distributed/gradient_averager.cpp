// SPDX-License-Identifier: GPL-3.0-or-later
#include "distributed/gradient_averager.h"

#include "base/error.h"

#include <torch/torch.h>

namespace i3 {

namespace {

// A run of parameters whose gradients are summed in one all-reduce, through one flat tensor.
struct Bucket {
    std::vector<size_t> members; // indices into the parameters
    std::vector<int64_t> offsets; // of each member in `flat`
    at::Tensor flat;
    size_t waiting = 0; // members whose gradient has not come in this step
    PendingSum sum;
};

} // namespace

struct GradientAverager::Shared {
    std::vector<at::Tensor> parameters;
    std::shared_ptr<RankGroup> group;
    std::vector<Bucket> buckets;
    std::vector<size_t> bucket_of;  // per parameter
    std::vector<size_t> position;   // per parameter: its place in its bucket
    std::vector<bool> arrived;      // per parameter, this step
    size_t next_to_start = 0;       // buckets start in order
    bool expecting = false;
    std::vector<std::pair<std::shared_ptr<torch::autograd::Node>, uintptr_t>> hooks;

    at::Tensor slot(size_t parameter)
    {
        const Bucket& bucket = buckets[bucket_of[parameter]];
        const at::Tensor& p = parameters[parameter];
        return bucket.flat.narrow(0, bucket.offsets[position[parameter]], p.numel());
    }

    void start_ready_buckets()
    {
        while (next_to_start < buckets.size() && buckets[next_to_start].waiting == 0) {
            Bucket& bucket = buckets[next_to_start++];
            bucket.sum = group->start_sum(bucket.flat);
        }
    }

    // Called by the backward pass (on its thread) once the parameter's gradient is complete.
    void gradient_ready(size_t parameter)
    {
        if (!expecting)
            return;
        if (arrived[parameter])
            throw Error("parameter " + std::to_string(parameter) +
                        "'s gradient grew after it was sent to the other ranks; each parameter may take part in "
                        "the backward pass once");
        arrived[parameter] = true;
        const at::Tensor& grad = parameters[parameter].grad();
        slot(parameter).copy_(grad.reshape({-1}));
        --buckets[bucket_of[parameter]].waiting;
        start_ready_buckets();
    }
};

class GradientAverager::ReadyHook : public torch::autograd::FunctionPostHook {
public:
    ReadyHook(std::weak_ptr<GradientAverager::Shared> shared, size_t parameter)
        : shared_(std::move(shared)), parameter_(parameter)
    {
    }

    torch::autograd::variable_list operator()(const torch::autograd::variable_list& outputs,
                                              const torch::autograd::variable_list&) override
    {
        if (const auto shared = shared_.lock())
            shared->gradient_ready(parameter_);
        return outputs;
    }

private:
    std::weak_ptr<GradientAverager::Shared> shared_;
    size_t parameter_;
};

GradientAverager::GradientAverager(std::vector<at::Tensor> parameters, std::shared_ptr<RankGroup> group,
                                   int64_t bucket_bytes)
    : shared_(std::make_shared<Shared>())
{
    Shared& s = *shared_;
    s.parameters = std::move(parameters);
    s.group = std::move(group);
    s.bucket_of.resize(s.parameters.size());
    s.position.resize(s.parameters.size());
    s.arrived.assign(s.parameters.size(), false);
    int64_t bucket_size = 0;
    for (size_t i = s.parameters.size(); i-- > 0;) {
        const at::Tensor& p = s.parameters[i];
        const int64_t bytes = p.numel() * static_cast<int64_t>(p.element_size());
        const bool fits = !s.buckets.empty() && bucket_size + bytes <= bucket_bytes &&
                          s.parameters[s.buckets.back().members.front()].scalar_type() == p.scalar_type();
        if (!fits) {
            s.buckets.emplace_back();
            bucket_size = 0;
        }
        Bucket& bucket = s.buckets.back();
        s.bucket_of[i] = s.buckets.size() - 1;
        s.position[i] = bucket.members.size();
        bucket.offsets.push_back(bucket.members.empty() ? 0 : bucket.offsets.back() + s.parameters[bucket.members.back()].numel());
        bucket.members.push_back(i);
        bucket_size += bytes;
    }
    for (Bucket& bucket : s.buckets) {
        const at::Tensor& last = s.parameters[bucket.members.back()];
        bucket.flat = torch::zeros({bucket.offsets.back() + last.numel()}, last.options());
    }
    for (size_t i = 0; i < s.parameters.size(); ++i) {
        auto accumulator = torch::autograd::impl::grad_accumulator(s.parameters[i]);
        const uintptr_t key = accumulator->add_post_hook(std::make_unique<ReadyHook>(shared_, i));
        s.hooks.emplace_back(std::move(accumulator), key);
    }
}

GradientAverager::~GradientAverager()
{
    for (auto& [accumulator, key] : shared_->hooks)
        accumulator->del_post_hook(key);
}

size_t GradientAverager::bucket_count() const { return shared_->buckets.size(); }

void GradientAverager::broadcast_parameters()
{
    Shared& s = *shared_;
    const torch::NoGradGuard no_grad;
    for (Bucket& bucket : s.buckets) {
        for (size_t m = 0; m < bucket.members.size(); ++m)
            s.slot(bucket.members[m]).copy_(s.parameters[bucket.members[m]].reshape({-1}));
        s.group->broadcast_from_leader(bucket.flat);
        for (size_t m = 0; m < bucket.members.size(); ++m) {
            at::Tensor& p = s.parameters[bucket.members[m]];
            p.copy_(s.slot(bucket.members[m]).view(p.sizes()));
        }
    }
}

void GradientAverager::expect_gradients()
{
    Shared& s = *shared_;
    for (Bucket& bucket : s.buckets)
        bucket.waiting = bucket.members.size();
    s.arrived.assign(s.parameters.size(), false);
    s.next_to_start = 0;
    s.expecting = true;
}

void GradientAverager::finish()
{
    Shared& s = *shared_;
    s.expecting = false;
    const torch::NoGradGuard no_grad;
    for (size_t b = s.next_to_start; b < s.buckets.size(); ++b) {
        Bucket& bucket = s.buckets[b];
        for (size_t member : bucket.members)
            if (!s.arrived[member]) {
                s.slot(member).zero_();
                --bucket.waiting;
            }
    }
    s.start_ready_buckets();
    const double ranks = static_cast<double>(s.group->size());
    for (Bucket& bucket : s.buckets) {
        bucket.sum.wait();
        bucket.flat.div_(ranks);
        for (size_t member : bucket.members) {
            at::Tensor& p = s.parameters[member];
            const at::Tensor mean = s.slot(member).view(p.sizes());
            if (p.grad().defined())
                p.mutable_grad().copy_(mean);
            else
                p.mutable_grad() = mean.clone();
        }
    }
}

} // namespace i3
