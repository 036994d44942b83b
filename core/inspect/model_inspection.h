// SPDX-License-Identifier: GPL-3.0-or-later
// Inside a model for one prompt: the hybrid blocks' recurrent states h and s at every position,
// the eigenvalues of their A and their w_mix, and the attention weights of every attention block
// and head. A pass of its own, block by block with the blocks' weights, that keeps what the
// training and generation passes never materialise; those passes stay as they are.
#pragma once

#include "base/cancel_token.h"
#include "model/i3_model.h"

#include <ATen/Tensor.h>

#include <complex>
#include <cstdint>
#include <functional>
#include <vector>

namespace i3 {

// All tensors float32 on the CPU.
struct HybridInspection {
    int64_t layer = 0;   // i of layers.{i}
    at::Tensor h;        // [T, d]:       h_t = w ⊙ h_{t-1} + (1 - w) ⊙ u_t
    at::Tensor s;        // [T, d_state]: s_t = A s_{t-1} + B u_t
    at::Tensor w_mix;    // [d]
    std::vector<std::complex<double>> eigenvalues; // of A, by descending modulus
};

struct AttentionInspection {
    int64_t layer = 0;
    at::Tensor weights; // [heads, T, T]: softmax(q kᵀ / √head_dim) with the causal mask; row t = query t
};

struct ModelInspection {
    std::vector<int64_t> ids; // the prompt's tokens, the time axis of everything above
    std::vector<HybridInspection> hybrid;
    std::vector<AttentionInspection> attention;
};

// Called after each block: blocks done, of all blocks.
using InspectionProgress = std::function<void(int64_t done, int64_t blocks)>;

// ids: 1..max_seq_len tokens. Checks `cancel` between blocks (throws Cancelled).
ModelInspection inspect_model(I3Model& model, const std::vector<int64_t>& ids,
                              const InspectionProgress& progress = {}, const CancelToken* cancel = nullptr);

} // namespace i3
