// SPDX-License-Identifier: GPL-3.0-or-later
// Attention for one new token per row during generation, in one CUDA kernel: the row's new key
// and value go into its cache at its position, then its query attends to cache entries
// 0..position. A single query per head is too little work for the general attention kernels,
// which spend more on setup, masks and copies than on the arithmetic.
// Plain C++ launcher (no LibTorch), float32, contiguous row-major device arrays:
//   qkv: [rows, 3 * heads * head_dim]: the query, key and value, each [heads, head_dim]
//   keys, values: [rows, heads, capacity, head_dim], written at each row's position
//   positions: [rows] int64, each < capacity   out: [rows, heads * head_dim]
// head_dim at most 256. Queued on `stream`; returns nullptr when the launch succeeded, else why not.
#pragma once

#include <cstdint>

namespace i3::cuda_kernels {

const char* decode_attention(const float* qkv, float* keys, float* values, const int64_t* positions, float* out,
                             int64_t rows, int64_t heads, int64_t head_dim, int64_t capacity, void* stream);

} // namespace i3::cuda_kernels
