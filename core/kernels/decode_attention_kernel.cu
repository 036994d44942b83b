// SPDX-License-Identifier: GPL-3.0-or-later
// Decode attention (decode_attention_kernel.h). One block per (head, row). The block first
// stores the new key and value, then each of its warps takes every 4th (or 16th) cache position:
// its lanes split the head's dimensions, a shuffle sum gives the score, and the warp keeps a
// running softmax (maximum, sum of exponentials, weighted sum of values) so the cache is read
// once. Sixteen warps when there are few rows, because then the walk along the cache, one
// dependent load after another, is what takes the time; four when many blocks keep the GPU busy
// anyway. The warps' partial results are merged at the end with the usual rescaling by
// exp(m_w - m).
#include "kernels/decode_attention_kernel.h"

#include "kernels/cuda_common.cuh"

#include <math.h>

namespace i3::cuda_kernels {

namespace {

constexpr int kMaxDimsPerLane = 8; // head_dim <= 256
constexpr int64_t kFewBlocks = 256; // below this many (row, head) pairs, 16 warps per block, else 4

template <int kWarps>
__global__ void decode_attention_kernel(const float* __restrict__ qkv, float* keys, float* values,
                                        const int64_t* __restrict__ positions, float* __restrict__ out, int heads,
                                        int head_dim, int capacity)
{
    __shared__ float warp_max[kWarps], warp_exp_sum[kWarps];
    extern __shared__ float warp_acc[]; // [kWarps, head_dim]
    const int head = blockIdx.x;
    const int64_t row = blockIdx.y;
    const int warp = threadIdx.x / kWarpSize;
    const int lane = threadIdx.x % kWarpSize;
    const int d_model = heads * head_dim;
    const int64_t position = positions[row];
    const float* q = qkv + row * 3 * d_model + head * head_dim;
    const float* k_new = q + d_model;
    const float* v_new = q + 2 * d_model;
    float* k_cache = keys + (row * heads + head) * int64_t(capacity) * head_dim;
    float* v_cache = values + (row * heads + head) * int64_t(capacity) * head_dim;

    for (int t = threadIdx.x; t < head_dim; t += blockDim.x) {
        k_cache[position * head_dim + t] = k_new[t];
        v_cache[position * head_dim + t] = v_new[t];
    }
    __syncthreads();

    const float scale = 1.0f / sqrtf(float(head_dim));
    float q_lane[kMaxDimsPerLane], acc[kMaxDimsPerLane];
    for (int i = 0; i < kMaxDimsPerLane; ++i) {
        const int t = lane + i * kWarpSize;
        q_lane[i] = t < head_dim ? q[t] * scale : 0.0f;
        acc[i] = 0.0f;
    }
    float running_max = -INFINITY, running_sum = 0.0f;
    for (int64_t p = warp; p <= position; p += kWarps) {
        const float* k = k_cache + p * head_dim;
        float score = 0.0f;
        for (int i = 0; i < kMaxDimsPerLane; ++i) {
            const int t = lane + i * kWarpSize;
            if (t < head_dim)
                score += q_lane[i] * k[t];
        }
        score = warp_sum(score);
        const float new_max = fmaxf(running_max, score);
        const float rescale = expf(running_max - new_max);
        const float weight = expf(score - new_max);
        running_sum = running_sum * rescale + weight;
        const float* v = v_cache + p * head_dim;
        for (int i = 0; i < kMaxDimsPerLane; ++i) {
            const int t = lane + i * kWarpSize;
            if (t < head_dim)
                acc[i] = acc[i] * rescale + weight * v[t];
        }
        running_max = new_max;
    }
    if (lane == 0) {
        warp_max[warp] = running_max;
        warp_exp_sum[warp] = running_sum;
    }
    for (int i = 0; i < kMaxDimsPerLane; ++i) {
        const int t = lane + i * kWarpSize;
        if (t < head_dim)
            warp_acc[warp * head_dim + t] = acc[i];
    }
    __syncthreads();

    float overall_max = -INFINITY;
    for (int w = 0; w < kWarps; ++w)
        overall_max = fmaxf(overall_max, warp_max[w]);
    for (int t = threadIdx.x; t < head_dim; t += blockDim.x) {
        float numerator = 0.0f, denominator = 0.0f;
        for (int w = 0; w < kWarps; ++w) {
            if (warp_exp_sum[w] == 0.0f)
                continue; // a warp that saw no position
            const float factor = expf(warp_max[w] - overall_max);
            numerator += warp_acc[w * head_dim + t] * factor;
            denominator += warp_exp_sum[w] * factor;
        }
        out[row * d_model + head * head_dim + t] = numerator / denominator;
    }
}

template <int Warps>
void launch(const float* qkv, float* keys, float* values, const int64_t* positions, float* out, int64_t rows,
            int64_t heads, int64_t head_dim, int64_t capacity, void* stream)
{
    const dim3 grid{static_cast<unsigned>(heads), static_cast<unsigned>(rows)};
    const size_t shared_bytes = size_t(Warps) * size_t(head_dim) * sizeof(float);
    decode_attention_kernel<Warps><<<grid, Warps * kWarpSize, shared_bytes, static_cast<cudaStream_t>(stream)>>>(
        qkv, keys, values, positions, out, int(heads), int(head_dim), int(capacity));
}

} // namespace

const char* decode_attention(const float* qkv, float* keys, float* values, const int64_t* positions, float* out,
                             int64_t rows, int64_t heads, int64_t head_dim, int64_t capacity, void* stream)
{
    if (rows <= 0)
        return nullptr;
    if (head_dim > kWarpSize * kMaxDimsPerLane)
        return "decode attention supports heads of at most 256 dimensions";
    if (rows > 65535 || heads > 2147483647LL)
        return "too many rows or heads for decode attention";
    if (rows * heads < kFewBlocks)
        launch<16>(qkv, keys, values, positions, out, rows, heads, head_dim, capacity, stream);
    else
        launch<4>(qkv, keys, values, positions, out, rows, heads, head_dim, capacity, stream);
    return last_error();
}

} // namespace i3::cuda_kernels
