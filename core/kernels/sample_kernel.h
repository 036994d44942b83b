// SPDX-License-Identifier: GPL-3.0-or-later
// sampler.h's rule without top-p, one kernel for all rows: scale by the temperature, keep the
// logits >= the k-th largest (found by a radix select over the floats' bit patterns, so k may be
// anything up to the vocabulary), exponentiate in double, and take the first token whose running
// sum exceeds draw * total. Unfused that is some fifteen launches over [rows, vocab], several in
// double, plus a full sort for top-k. Plain C++ launcher (no LibTorch):
//   logits: [rows, vocab] float32   draws: [rows] double in [0, 1)
//   ids: [rows] int64 and probabilities: [rows] double (under the sampling distribution), written
// top_k <= 0 or >= vocab keeps every token. Queued on `stream`; returns nullptr when the launch
// succeeded, else why not.
#pragma once

#include <cstdint>

namespace i3::cuda_kernels {

const char* sample_rows(const float* logits, int64_t rows, int64_t vocab, float temperature, int64_t top_k,
                        const double* draws, int64_t* ids, double* probabilities, void* stream);

} // namespace i3::cuda_kernels
