// SPDX-License-Identifier: GPL-3.0-or-later
// What the kernels of this folder share: the warp's shape, the launchers' way of reporting CUDA
// errors (nullptr, or CUDA's description), opting in to more shared memory, and the warp and block
// sums behind the dot products and layer norms. Only the .cu files include it; the launcher
// headers stay plain C++.
//
// The sums fix their order: the kernel checks compare against double loops, and a layer norm
// recomputed by several blocks must give every block the same bits.
#pragma once

#include <cuda_runtime.h>

#include <cstdint>

namespace i3::cuda_kernels {

constexpr int kWarpSize = 32;
constexpr unsigned kFullMask = 0xffffffffu; // every lane of the warp takes part

// ---- Host side ---------------------------------------------------------------------------------

// nullptr for cudaSuccess, else CUDA's description of the error.
inline const char* error_text(cudaError_t error) { return error == cudaSuccess ? nullptr : cudaGetErrorString(error); }

// The check after a launch (or after a failed runtime call): reading the error also clears it, so
// it is not reported again by the next launch.
inline const char* last_error() { return error_text(cudaGetLastError()); }

// The most dynamic shared memory one block may use on the current device once opted in.
inline cudaError_t shared_memory_limit(int64_t* bytes)
{
    int device = 0;
    if (const cudaError_t error = cudaGetDevice(&device))
        return error;
    int limit = 0;
    if (const cudaError_t error = cudaDeviceGetAttribute(&limit, cudaDevAttrMaxSharedMemoryPerBlockOptin, device))
        return error;
    *bytes = limit;
    return cudaSuccess;
}

// Lets `kernel` take `bytes` of dynamic shared memory: above 48 KiB a kernel must opt in.
template <typename Kernel>
cudaError_t allow_shared_memory(Kernel kernel, int64_t bytes)
{
    return cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(bytes));
}

// ---- Device side -------------------------------------------------------------------------------

// The sum of `value` over the warp, in every lane: butterfly exchanges at halving distances.
__device__ inline float warp_sum(float value)
{
    for (int offset = kWarpSize / 2; offset > 0; offset /= 2)
        value += __shfl_xor_sync(kFullMask, value, offset);
    return value;
}

// The sum of `value` over a block of Warps full warps, returned to every thread. `scratch` is
// Warps floats of shared memory. Every thread adds the warps' sums in warp order, so all get the
// same bits, call after call.
template <int Warps>
__device__ inline float block_sum(float value, float* scratch)
{
    value = warp_sum(value);
    if (threadIdx.x % kWarpSize == 0)
        scratch[threadIdx.x / kWarpSize] = value;
    __syncthreads();
    float total = 0.0f;
    for (int w = 0; w < Warps; ++w)
        total += scratch[w];
    __syncthreads(); // scratch is free again for the next call
    return total;
}

struct RowStatistics {
    float mean;
    float rstd; // 1 / sqrt(variance + eps)
};

// A layer norm's statistics of one row, computed by a block of Warps warps. The row is `count`
// numbers in `pieces` pieces (single numbers, or float4s), which thread t takes in turn: t,
// t + 32 Warps, ...; piece_sum(i) adds up piece i, piece_squares(i, mean) its squared distances
// from the mean. Two passes, because E[x²] - mean² cancels badly for rows far from zero.
template <int Warps, typename PieceSum, typename PieceSquares>
__device__ inline RowStatistics row_statistics(int pieces, float count, float eps, float* scratch,
                                               PieceSum piece_sum, PieceSquares piece_squares)
{
    constexpr int kThreads = Warps * kWarpSize;
    float sum = 0.0f;
    for (int i = threadIdx.x; i < pieces; i += kThreads)
        sum += piece_sum(i);
    const float mean = block_sum<Warps>(sum, scratch) / count;
    float squares = 0.0f;
    for (int i = threadIdx.x; i < pieces; i += kThreads)
        squares += piece_squares(i, mean);
    return {mean, rsqrtf(block_sum<Warps>(squares, scratch) / count + eps)};
}

} // namespace i3::cuda_kernels
