// SPDX-License-Identifier: GPL-3.0-or-later
// The hybrid step (hybrid_step_kernel.h). Both kernels give each output a warp: its lanes stride
// along one row of B and A (state kernel) or of C (output kernel), so the weight loads are
// coalesced, and a shuffle reduction sums the lanes. The new state goes to scratch first and is
// copied over s by the output kernel, so no block reads a half-updated state.
#include "hybrid_step_kernel.h"

#include <cuda_runtime.h>

namespace i3::cuda_kernels {

namespace {

constexpr int kWarp = 32;
constexpr int kWarpsPerBlock = 8;
constexpr unsigned kFullWarp = 0xffffffffu;

__device__ float warp_sum(float value)
{
    for (int offset = kWarp / 2; offset > 0; offset /= 2)
        value += __shfl_xor_sync(kFullWarp, value, offset);
    return value;
}

// grid (ceil(ds / 8), rows): warp i of the block makes s'[row, i].
__global__ void state_kernel(HybridStepWeights weights, const float* __restrict__ u, const float* __restrict__ s,
                             float* __restrict__ s_next, int d, int ds)
{
    const int i = blockIdx.x * kWarpsPerBlock + threadIdx.x / kWarp;
    const int lane = threadIdx.x % kWarp;
    const int64_t row = blockIdx.y;
    if (i >= ds)
        return;
    const float* b_row = weights.B + int64_t(i) * d;
    const float* a_row = weights.A + int64_t(i) * ds;
    const float* u_row = u + row * d;
    const float* s_row = s + row * ds;
    float sum = 0;
    for (int j = lane; j < d; j += kWarp)
        sum += b_row[j] * u_row[j];
    for (int k = lane; k < ds; k += kWarp)
        sum += a_row[k] * s_row[k];
    sum = warp_sum(sum);
    if (lane == 0)
        s_next[row * ds + i] = sum;
}

// grid (ceil(d / 8), rows): warp j of the block makes channel j of the row's output.
__global__ void output_kernel(HybridStepWeights weights, const float* __restrict__ u, const float* x,
                              float* __restrict__ h, float* __restrict__ s, const float* __restrict__ s_next,
                              float* out, int d, int ds)
{
    const int j = blockIdx.x * kWarpsPerBlock + threadIdx.x / kWarp;
    const int lane = threadIdx.x % kWarp;
    const int64_t row = blockIdx.y;
    if (blockIdx.x == 0)
        for (int k = threadIdx.x; k < ds; k += blockDim.x)
            s[row * ds + k] = s_next[row * ds + k];
    if (j >= d)
        return;
    const float* c_row = weights.C + int64_t(j) * ds;
    const float* state = s_next + row * ds;
    float sum = 0;
    for (int k = lane; k < ds; k += kWarp)
        sum += c_row[k] * state[k];
    sum = warp_sum(sum);
    if (lane == 0) {
        const int64_t at = row * d + j;
        const float h_new = weights.w[j] * h[at] + weights.one_minus_w[j] * u[at];
        h[at] = h_new;
        out[at] = x[at] + sum + weights.D[j] * h_new;
    }
}

} // namespace

const char* hybrid_step(const HybridStepWeights& weights, const float* u, const float* x, float* h, float* s,
                        float* s_next, float* out, int64_t rows, int64_t d, int64_t ds, void* stream)
{
    if (rows <= 0)
        return nullptr;
    if (rows > 65535)
        return "a hybrid step takes at most 65,535 rows";
    const auto queue = static_cast<cudaStream_t>(stream);
    const dim3 threads(kWarp * kWarpsPerBlock);
    state_kernel<<<dim3(unsigned((ds + kWarpsPerBlock - 1) / kWarpsPerBlock), unsigned(rows)), threads, 0, queue>>>(
        weights, u, s, s_next, int(d), int(ds));
    output_kernel<<<dim3(unsigned((d + kWarpsPerBlock - 1) / kWarpsPerBlock), unsigned(rows)), threads, 0, queue>>>(
        weights, u, x, h, s, s_next, out, int(d), int(ds));
    const cudaError_t error = cudaGetLastError();
    return error == cudaSuccess ? nullptr : cudaGetErrorString(error);
}

} // namespace i3::cuda_kernels
