// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/head_loss.h"

#include "base/error.h"
#include "model/autocast.h"

#include <torch/torch.h>

#include <algorithm>

namespace i3 {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

struct HeadOperands {
    at::Tensor weight; // [V, d], in the products' dtype
    at::Tensor bias;   // [V], likewise
};

// The loss of every block and, when `gradients` is set, d(summed loss)/d(hidden, weight, bias).
struct BlockedLoss {
    at::Tensor sum;             // a scalar, in the sums' dtype (float32 at least)
    at::Tensor hidden_gradient; // [N, d]
    at::Tensor weight_gradient; // [V, d], in the sums' dtype
    at::Tensor bias_gradient;   // [V], likewise
};

// The products' dtype: autocast's where it is on for the device, else the weights' own.
c10::ScalarType product_dtype(const at::Tensor& weight)
{
    return autocast_dtype(weight.device().type()).value_or(weight.scalar_type());
}

// Softmax, loss and sums: float32 at least (double stays double, for the exactness checks).
c10::ScalarType sum_dtype(c10::ScalarType products)
{
    return products == at::kBFloat16 || products == at::kHalf ? at::kFloat : products;
}

BlockedLoss blocked_loss(const at::Tensor& hidden, const at::Tensor& weight, const at::Tensor& bias,
                         const at::Tensor& targets, bool gradients, int64_t logits_per_block)
{
    const c10::ScalarType dtype = product_dtype(weight);
    // The casts are made once here, and autocast is off inside so that nothing is cast twice.
    const AutocastScope plain(weight.device().type(), std::nullopt);
    const HeadOperands head{weight.to(dtype), bias.to(dtype)};
    const int64_t positions = hidden.size(0), vocab = weight.size(0);
    const int64_t block = std::max<int64_t>(1, logits_per_block / std::max<int64_t>(1, vocab));
    const c10::ScalarType sums = sum_dtype(dtype);
    const auto sum_options = weight.options().dtype(sums);

    BlockedLoss result{at::zeros({}, sum_options), {}, {}, {}};
    if (gradients) {
        result.hidden_gradient = at::empty_like(hidden);
        result.weight_gradient = at::zeros({vocab, weight.size(1)}, sum_options);
        result.bias_gradient = at::zeros({vocab}, sum_options);
    }
    for (int64_t first = 0; first < positions; first += block) {
        const int64_t rows = std::min(block, positions - first);
        const at::Tensor h = hidden.narrow(0, first, rows).to(dtype);
        const at::Tensor target = targets.narrow(0, first, rows).unsqueeze(1);
        at::Tensor logits = at::addmm(head.bias, h, head.weight.t()).to(sums); // [rows, V]
        const at::Tensor log_normaliser = at::logsumexp(logits, 1, /*keepdim=*/true);
        result.sum += (log_normaliser - logits.gather(1, target)).sum();
        if (!gradients)
            continue;
        // d(loss)/d(logits) = softmax - one-hot, made in place of the logits.
        at::Tensor& softmax = logits.sub_(log_normaliser).exp_();
        softmax.scatter_add_(1, target, at::full({rows, 1}, -1.0, sum_options));
        const at::Tensor g = softmax.to(dtype);
        result.hidden_gradient.narrow(0, first, rows).copy_(at::matmul(g, head.weight));
        result.weight_gradient += at::matmul(g.t(), h).to(sums);
        result.bias_gradient += softmax.sum(0);
    }
    return result;
}

class HeadCrossEntropyFunction : public torch::autograd::Function<HeadCrossEntropyFunction> {
public:
    // hidden [N, d], targets [N]; returns the summed loss. The gradients are kept for backward.
    static at::Tensor forward(AutogradContext* context, const at::Tensor& hidden, const at::Tensor& weight,
                              const at::Tensor& bias, const at::Tensor& targets, int64_t logits_per_block)
    {
        BlockedLoss loss = blocked_loss(hidden, weight, bias, targets, true, logits_per_block);
        context->save_for_backward({loss.hidden_gradient, loss.weight_gradient, loss.bias_gradient});
        context->mark_non_differentiable({targets});
        return loss.sum;
    }

    static variable_list backward(AutogradContext* context, variable_list grad_outputs)
    {
        const auto saved = context->get_saved_variables();
        const at::Tensor& scale = grad_outputs[0];
        return {saved[0] * scale.to(saved[0].scalar_type()), saved[1] * scale, saved[2] * scale, at::Tensor(), at::Tensor()};
    }
};

} // namespace

at::Tensor head_cross_entropy(const at::Tensor& hidden, const torch::nn::LinearImpl& head, const at::Tensor& targets,
                              LossReduction reduction, int64_t logits_per_block)
{
    if (hidden.dim() < 1 || !hidden.sizes().slice(0, hidden.dim() - 1).equals(targets.sizes()))
        throw Error("the head's loss takes hidden states [..., d] and targets of the same leading shape");
    const at::Tensor rows = hidden.reshape({-1, hidden.size(-1)});
    const at::Tensor flat_targets = targets.reshape({-1});
    const bool wanted = torch::GradMode::is_enabled() &&
                        (rows.requires_grad() || head.weight.requires_grad() || head.bias.requires_grad());
    const at::Tensor sum =
        wanted ? HeadCrossEntropyFunction::apply(rows, head.weight, head.bias, flat_targets, logits_per_block)
               : blocked_loss(rows, head.weight, head.bias, flat_targets, false, logits_per_block).sum;
    if (reduction == LossReduction::Sum)
        return sum;
    return sum / static_cast<double>(std::max<int64_t>(1, flat_targets.numel()));
}

} // namespace i3
