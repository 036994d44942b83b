// SPDX-License-Identifier: GPL-3.0-or-later
// The hybrid step (hybrid_step_kernel.h). Both kernels give each output a warp: its lanes stride
// along one row of B and A (state kernel) or of C (output kernel), so the weight loads are
// coalesced, and a shuffle reduction sums the lanes. The new state goes to scratch first and is
// copied over s by the output kernel, so no block reads a half-updated state. Every block first
// takes its row's mean and spread for the layer norm.
#include "kernels/hybrid_step_kernel.h"

#include "kernels/cuda_common.cuh"

namespace i3::cuda_kernels {

namespace {

constexpr int kWarpsPerBlock = 8;

// The layer norm of one row of x, computed by the whole block.
struct RowNorm {
    const float* x;
    const float* gain;
    const float* shift;
    float mean, rstd;

    __device__ RowNorm(const float* row, const HybridStepWeights& weights, int d)
        : x(row), gain(weights.norm_weight), shift(weights.norm_bias)
    {
        __shared__ float scratch[kWarpsPerBlock];
        const RowStatistics statistics = row_statistics<kWarpsPerBlock>(
            d, float(d), weights.norm_eps, scratch, [row](int j) { return row[j]; },
            [row](int j, float mu) { return (row[j] - mu) * (row[j] - mu); });
        mean = statistics.mean;
        rstd = statistics.rstd;
    }
    __device__ float operator[](int j) const { return (x[j] - mean) * rstd * gain[j] + shift[j]; }
};

// grid (ceil(ds / 8), rows): warp i of the block makes s'[row, i].
__global__ void state_kernel(HybridStepWeights weights, const float* __restrict__ x, const float* __restrict__ s,
                             float* __restrict__ s_next, int d, int ds)
{
    const int i = blockIdx.x * kWarpsPerBlock + threadIdx.x / kWarpSize;
    const int lane = threadIdx.x % kWarpSize;
    const int64_t row = blockIdx.y;
    const RowNorm u(x + row * d, weights, d);
    if (i >= ds)
        return;
    const float* b_row = weights.B + int64_t(i) * d;
    const float* a_row = weights.A + int64_t(i) * ds;
    const float* s_row = s + row * ds;
    float sum = 0;
    for (int j = lane; j < d; j += kWarpSize)
        sum += b_row[j] * u[j];
    for (int k = lane; k < ds; k += kWarpSize)
        sum += a_row[k] * s_row[k];
    sum = warp_sum(sum);
    if (lane == 0)
        s_next[row * ds + i] = sum;
}

// grid (ceil(d / 8), rows): warp j of the block makes channel j of the row's output.
__global__ void output_kernel(HybridStepWeights weights, const float* __restrict__ x, float* __restrict__ h,
                              float* __restrict__ s, const float* __restrict__ s_next, float* __restrict__ out,
                              int d, int ds)
{
    const int j = blockIdx.x * kWarpsPerBlock + threadIdx.x / kWarpSize;
    const int lane = threadIdx.x % kWarpSize;
    const int64_t row = blockIdx.y;
    const RowNorm u(x + row * d, weights, d);
    if (blockIdx.x == 0)
        for (int k = threadIdx.x; k < ds; k += blockDim.x)
            s[row * ds + k] = s_next[row * ds + k];
    if (j >= d)
        return;
    const float* c_row = weights.C + int64_t(j) * ds;
    const float* state = s_next + row * ds;
    float sum = 0;
    for (int k = lane; k < ds; k += kWarpSize)
        sum += c_row[k] * state[k];
    sum = warp_sum(sum);
    if (lane == 0) {
        const int64_t at = row * d + j;
        const float h_new = weights.w[j] * h[at] + weights.one_minus_w[j] * u[j];
        h[at] = h_new;
        out[at] = x[at] + sum + weights.D[j] * h_new;
    }
}

} // namespace

const char* hybrid_step(const HybridStepWeights& weights, const float* x, float* h, float* s, float* s_next,
                        float* out, int64_t rows, int64_t d, int64_t ds, void* stream)
{
    if (rows <= 0)
        return nullptr;
    if (rows > 65535)
        return "a hybrid step takes at most 65,535 rows";
    const auto queue = static_cast<cudaStream_t>(stream);
    const dim3 threads(kWarpSize * kWarpsPerBlock);
    state_kernel<<<dim3(unsigned((ds + kWarpsPerBlock - 1) / kWarpsPerBlock), unsigned(rows)), threads, 0, queue>>>(
        weights, x, s, s_next, int(d), int(ds));
    output_kernel<<<dim3(unsigned((d + kWarpsPerBlock - 1) / kWarpsPerBlock), unsigned(rows)), threads, 0, queue>>>(
        weights, x, h, s, s_next, out, int(d), int(ds));
    return last_error();
}

} // namespace i3::cuda_kernels
