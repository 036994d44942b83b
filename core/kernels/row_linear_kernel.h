// SPDX-License-Identifier: GPL-3.0-or-later
// A linear layer for the few rows of a generation step, with what surrounds it in a block fused
// in:  out = [residual +] act(LayerNorm?(x) W^T + b).  cuBLAS would be one launch for the product
// alone, plus one each for the norm, the bias, GELU and the residual add; at one row each of those
// launches costs more than the arithmetic, and up to some 64 rows cuBLAS's float32 tiles leave
// most of the GPU idle. Plain C++ launcher (no LibTorch), float32, contiguous
// row-major device arrays:
//   x: [rows, in]   weight: [out_features, in]   bias: [out_features] or null
//   norm_weight, norm_bias: [in], or both null for no norm   residual: [rows, out_features] or null
//   out: [rows, out_features], not overlapping x or residual
// rows <= kRowLinearMaxRows; in a multiple of 4 and at most kRowLinearMaxIn; x, weight and the norm's
// arrays 16-byte aligned (row_linear_aligned).
// Queued on `stream`; returns nullptr when the launch succeeded, else why not.
#pragma once

#include <cstdint>

namespace i3::cuda_kernels {

constexpr int64_t kRowLinearMaxRows = 64;
constexpr int64_t kRowLinearMaxIn = 4096;

struct RowLinearArgs {
    const float* x = nullptr;
    int64_t rows = 0, in = 0, out_features = 0;
    const float* norm_weight = nullptr;
    const float* norm_bias = nullptr;
    float norm_eps = 1e-5f;
    const float* weight = nullptr;
    const float* bias = nullptr;
    bool gelu = false;
    const float* residual = nullptr;
    float* out = nullptr;
};

const char* row_linear(const RowLinearArgs& args, void* stream);

inline bool row_linear_aligned(const void* pointer) { return reinterpret_cast<uintptr_t>(pointer) % 16 == 0; }

} // namespace i3::cuda_kernels
