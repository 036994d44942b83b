// SPDX-License-Identifier: GPL-3.0-or-later
// Activation checkpointing for one block: the forward pass keeps only the block's input, and the
// backward pass runs the block again from it, with autograd on, to get the gradients. Memory for
// activations then grows with one block's worth instead of all of them, for about one more
// forward pass of compute.
#pragma once

#include "model/block.h"

namespace i3 {

// block.forward(x), differentiable in x and the block's parameters, storing only x.
at::Tensor checkpointed_forward(BlockImpl& block, const at::Tensor& x);

} // namespace i3
