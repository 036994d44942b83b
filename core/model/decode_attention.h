// SPDX-License-Identifier: GPL-3.0-or-later
// Attention for one new token per row during generation (the attention block's step), each row
// at its own position: the new keys and values are written into the caches in place, and each
// row's query attends to its cache entries 0..position. On a GPU it is one kernel
// (decode_attention_kernel.h); elsewhere tensor operations.
#pragma once

#include <ATen/Tensor.h>

namespace i3 {

// qkv: [rows, 3 d] (query, key, value); keys, values: [rows, heads, capacity, d / heads];
// positions: [rows] int64 -> [rows, d], the heads' outputs side by side.
at::Tensor decode_attention(const at::Tensor& qkv, at::Tensor& keys, at::Tensor& values, const at::Tensor& positions,
                            int64_t heads);

} // namespace i3
