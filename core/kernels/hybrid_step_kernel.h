// SPDX-License-Identifier: GPL-3.0-or-later
// One generation step of every hybrid mixer row, added to the residual, in two CUDA kernels,
// with u = LayerNorm(x) computed inside both (each block normalises its row again: 512 numbers,
// cheaper than a launch):
//   s' = A s + B u                              (state kernel: one warp per entry of s')
//   h' = w ⊙ h + (1 - w) ⊙ u;  out = x + C s' + D ⊙ h'   (output kernel: one warp per channel)
// Unfused, that is ten small kernels per hybrid block per token; and one block per row would
// leave the GPU idle while a single multiprocessor reads all the weights. Plain C++ launcher (no
// LibTorch), float32, contiguous row-major device arrays:
//   x, out: [rows, d], not overlapping   h: [rows, d] and s: [rows, ds], updated in place
//   s_next: [rows, ds] scratch   norm_weight, norm_bias, w, one_minus_w, D: [d]
//   A: [ds, ds]   B: [ds, d]   C: [d, ds]
// Queued on `stream`; returns nullptr when the launch succeeded, else why not.
#pragma once

#include <cstdint>

namespace i3::cuda_kernels {

struct HybridStepWeights {
    const float* norm_weight;
    const float* norm_bias;
    float norm_eps;
    const float* w;
    const float* one_minus_w;
    const float* A;
    const float* B;
    const float* C;
    const float* D;
};

const char* hybrid_step(const HybridStepWeights& weights, const float* x, float* h, float* s, float* s_next,
                        float* out, int64_t rows, int64_t d, int64_t ds, void* stream);

} // namespace i3::cuda_kernels
