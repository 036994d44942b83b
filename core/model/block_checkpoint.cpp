// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/block_checkpoint.h"

#include "model/autocast.h"

#include <torch/torch.h>

#include <cstdint>

namespace i3 {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

constexpr const char* kBlock = "block";
constexpr const char* kAutocast = "autocast"; // the products' dtype during forward, or none

class CheckpointedBlock : public torch::autograd::Function<CheckpointedBlock> {
public:
    static at::Tensor forward(AutogradContext* context, const at::Tensor& x, BlockImpl* block)
    {
        // An IValue holds no pointer: the block's address travels as an integer. The block
        // outlives the graph, as the module owning the parameters it differentiates does.
        context->saved_data[kBlock] = static_cast<int64_t>(reinterpret_cast<intptr_t>(block));
        const auto dtype = autocast_dtype(x.device().type());
        context->saved_data[kAutocast] = dtype ? c10::IValue(static_cast<int64_t>(*dtype)) : c10::IValue();
        context->save_for_backward({x});
        return block->forward(x);
    }

    static variable_list backward(AutogradContext* context, variable_list grad_outputs)
    {
        auto* block = reinterpret_cast<BlockImpl*>(static_cast<intptr_t>(context->saved_data[kBlock].toInt()));
        const c10::IValue& saved_dtype = context->saved_data[kAutocast];
        const std::optional<c10::ScalarType> dtype =
            saved_dtype.isNone() ? std::nullopt : std::optional(static_cast<c10::ScalarType>(saved_dtype.toInt()));
        const at::Tensor x = context->get_saved_variables()[0].detach().requires_grad_(true);
        at::Tensor y;
        {
            // The same arithmetic as the forward pass, autocast included (the backward pass runs
            // on autograd's own threads, where autocast is off).
            const torch::AutoGradMode grad_on(true);
            const AutocastScope same_precision(x.device().type(), dtype);
            y = block->forward(x);
        }
        // The parameters' gradients accumulate in their .grad as usual; x's comes back here.
        torch::autograd::backward({y}, {grad_outputs[0]});
        return {x.grad(), at::Tensor()};
    }
};

} // namespace

at::Tensor checkpointed_forward(BlockImpl& block, const at::Tensor& x) { return CheckpointedBlock::apply(x, &block); }

} // namespace i3
