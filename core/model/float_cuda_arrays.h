// SPDX-License-Identifier: GPL-3.0-or-later
// Whether tensors can be handed to our float32 CUDA kernels as plain device arrays.
#pragma once

#include <ATen/Tensor.h>

#include <initializer_list>

namespace i3 {

// Every tensor on a GPU, float32 and contiguous.
inline bool float_cuda_arrays(std::initializer_list<const at::Tensor*> tensors)
{
    for (const auto* t : tensors)
        if (!t->is_cuda() || t->scalar_type() != at::kFloat || !t->is_contiguous())
            return false;
    return true;
}

} // namespace i3
