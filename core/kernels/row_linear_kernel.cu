// SPDX-License-Identifier: GPL-3.0-or-later
// Row linear (row_linear_kernel.h). Every block copies a chunk of up to 8 rows of x into shared
// memory and, when asked, layer-normalises them there (each block redoes this: the rows are a few
// kilobytes, and it spares a launch). Each warp then owns a tile of Outs outputs × Rows rows:
//  - its lanes read the tile's weight rows in 16-byte loads, a whole chunk of them issued before
//    any is used (the first chunk even before x is staged), so each warp keeps many loads in
//    flight, and each weight is read from memory once per chunk of rows;
//  - every weight is multiplied with all the staged rows, and with 8 rows a warp takes 4 outputs,
//    so that shared-memory reads do not limit the arithmetic;
//  - the Outs × Rows sums are reduced across the lanes by halving exchanges, which leave one sum in
//    each group of lanes, so the bias, GELU and residual are applied by many lanes at once.
// More rows than 8 are cut into chunks, one per blockIdx.y; the chunks' blocks walk the weights in
// step, so the chunks after the first find them in L2.
#include "kernels/row_linear_kernel.h"

#include "kernels/cuda_common.cuh"

#include <math.h>

#include <algorithm>

namespace i3::cuda_kernels {

namespace {

constexpr int kWarps = 8;
constexpr int kThreads = kWarpSize * kWarps;
constexpr int kLoadsInFlight = 16; // 16-byte weight loads per lane per chunk
constexpr int kMaxRowsPerBlock = 8;
constexpr int kDefaultSharedBytes = 48 * 1024;

__device__ void normalize_row(float4* row, int in4, const float4* gain, const float4* shift, float eps, float* scratch)
{
    const auto [mean, rstd] = row_statistics<kWarps>(
        in4, 4.0f * in4, eps, scratch, [row](int c) { return (row[c].x + row[c].y) + (row[c].z + row[c].w); },
        [row](int c, float mu) {
            const float4 v = row[c];
            const float a = v.x - mu, b = v.y - mu, cc = v.z - mu, d = v.w - mu;
            return (a * a + b * b) + (cc * cc + d * d);
        });
    for (int c = threadIdx.x; c < in4; c += kThreads) {
        const float4 v = row[c], g = gain[c], s = shift[c];
        row[c] = make_float4((v.x - mean) * rstd * g.x + s.x, (v.y - mean) * rstd * g.y + s.y,
                             (v.z - mean) * rstd * g.z + s.z, (v.w - mean) * rstd * g.w + s.w);
    }
    __syncthreads();
}

__device__ float gelu(float v) { return 0.5f * v * (1.0f + erff(v * 0.70710678118654752f)); }

__device__ float dot(float4 a, float4 b) { return (a.x * b.x + a.y * b.y) + (a.z * b.z + a.w * b.w); }

// One halving step of reduce_values: lanes whose `Bit` is set keep the upper Half of the values,
// the others the lower half, each adding what its partner hands over.
template <int Half, int V>
__device__ void halve_values(float (&v)[V], int lane)
{
    if constexpr (Half >= 1) {
        constexpr int kBit = kWarpSize * Half / V;
        const bool upper = lane & kBit;
#pragma unroll
        for (int i = 0; i < Half; ++i) {
            const float send = upper ? v[i] : v[i + Half];
            const float keep = upper ? v[i + Half] : v[i];
            v[i] = keep + __shfl_xor_sync(kFullMask, send, kBit);
        }
        halve_values<Half / 2>(v, lane);
    }
}

// Sums each of the V values across the warp. Each halving step keeps half of the values and hands
// the other half to the partner lane, so after log2(V) steps every lane holds one partial sum, of
// value lane >> (5 - log2 V); plain exchanges then finish it. V - 1 + 5 - log2(V) shuffles instead
// of 5 V.
template <int V>
__device__ float reduce_values(float (&v)[V])
{
    halve_values<V / 2>(v, threadIdx.x % kWarpSize);
    float total = v[0];
#pragma unroll
    for (int bit = kWarpSize / V / 2; bit >= 1; bit /= 2)
        total += __shfl_xor_sync(kFullMask, total, bit);
    return total;
}

template <int Rows, int Outs>
__global__ void __launch_bounds__(kThreads) row_linear_kernel(RowLinearArgs a)
{
    constexpr int kValues = Rows * Outs;
    constexpr int kChunk = kLoadsInFlight / Outs; // loads per lane per output
    static_assert(kValues <= kWarpSize && (kValues & (kValues - 1)) == 0, "a warp tile of at most 32, a power of two");
    extern __shared__ float4 staged[]; // [Rows, in / 4]
    __shared__ float scratch[kWarps];
    const int in4 = static_cast<int>(a.in / 4);
    const int warp = threadIdx.x / kWarpSize, lane = threadIdx.x % kWarpSize;
    const int64_t tiles = (a.out_features + kWarps * Outs - 1) / (kWarps * Outs);

    float4 w[Outs][kChunk];
    auto load_chunk = [&](int64_t tile, int c0) {
        const int64_t first_output = (tile * kWarps + warp) * Outs;
#pragma unroll
        for (int o = 0; o < Outs; ++o)
#pragma unroll
            for (int i = 0; i < kChunk; ++i) {
                const int c = c0 + lane + i * kWarpSize;
                const int64_t j = first_output + o;
                w[o][i] = (c < in4 && j < a.out_features)
                              ? __ldg(reinterpret_cast<const float4*>(a.weight + j * a.in) + c)
                              : make_float4(0.0f, 0.0f, 0.0f, 0.0f);
            }
    };
    if (blockIdx.x < tiles)
        load_chunk(blockIdx.x, 0); // in flight while x is staged and normalised

    const int64_t first_row = int64_t(blockIdx.y) * Rows;
    const int rows_here = static_cast<int>(min(int64_t(Rows), a.rows - first_row));
    const auto* x4 = reinterpret_cast<const float4*>(a.x) + first_row * in4;
    for (int i = threadIdx.x; i < Rows * in4; i += kThreads)
        staged[i] = i < rows_here * in4 ? x4[i] : make_float4(0.0f, 0.0f, 0.0f, 0.0f);
    __syncthreads();
    if (a.norm_weight) {
        const auto* gain = reinterpret_cast<const float4*>(a.norm_weight);
        const auto* shift = reinterpret_cast<const float4*>(a.norm_bias);
        for (int r = 0; r < rows_here; ++r)
            normalize_row(staged + r * in4, in4, gain, shift, a.norm_eps, scratch);
    }

    for (int64_t tile = blockIdx.x; tile < tiles; tile += gridDim.x) {
        float acc[kValues];
#pragma unroll
        for (int v = 0; v < kValues; ++v)
            acc[v] = 0.0f;
        for (int c0 = 0; c0 < in4; c0 += kChunk * kWarpSize) {
            if (tile != blockIdx.x || c0 != 0)
                load_chunk(tile, c0);
#pragma unroll
            for (int i = 0; i < kChunk; ++i) {
                const int c = c0 + lane + i * kWarpSize;
                if (c < in4) {
#pragma unroll
                    for (int r = 0; r < Rows; ++r) {
                        const float4 xv = staged[r * in4 + c];
#pragma unroll
                        for (int o = 0; o < Outs; ++o)
                            acc[o * Rows + r] += dot(w[o][i], xv);
                    }
                }
            }
        }
        const float sum = reduce_values(acc);
        constexpr int kLanesPerValue = kWarpSize / kValues;
        if (lane % kLanesPerValue != 0)
            continue;
        const int value = lane / kLanesPerValue;
        const int r = value % Rows;
        const int64_t j = (tile * kWarps + warp) * Outs + value / Rows;
        if (r >= rows_here || j >= a.out_features)
            continue;
        const int64_t at = (first_row + r) * a.out_features + j;
        float y = sum + (a.bias ? a.bias[j] : 0.0f);
        if (a.gelu)
            y = gelu(y);
        if (a.residual)
            y += a.residual[at];
        a.out[at] = y;
    }
}

template <int Rows, int Outs>
const char* launch(const RowLinearArgs& args, cudaStream_t stream)
{
    const size_t shared = sizeof(float) * Rows * args.in;
    if (shared > kDefaultSharedBytes && allow_shared_memory(row_linear_kernel<Rows, Outs>, shared) != cudaSuccess)
        return last_error();
    int device = 0, multiprocessors = 0;
    if (cudaGetDevice(&device) != cudaSuccess ||
        cudaDeviceGetAttribute(&multiprocessors, cudaDevAttrMultiProcessorCount, device) != cudaSuccess)
        return last_error();
    const int64_t chunks = (args.rows + Rows - 1) / Rows;
    const int64_t tiles = (args.out_features + kWarps * Outs - 1) / (kWarps * Outs);
    int blocks_per_multiprocessor = 0;
    if (cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks_per_multiprocessor, row_linear_kernel<Rows, Outs>,
                                                      kThreads, shared) != cudaSuccess)
        return last_error();
    const int64_t resident = int64_t(multiprocessors) * std::max(1, blocks_per_multiprocessor);
    const int64_t columns = std::max<int64_t>(1, std::min(tiles, resident / chunks));
    const dim3 grid(static_cast<unsigned>(columns), static_cast<unsigned>(chunks));
    row_linear_kernel<Rows, Outs><<<grid, kThreads, shared, stream>>>(args);
    return last_error();
}

} // namespace

const char* row_linear(const RowLinearArgs& args, void* stream_handle)
{
    if (args.rows < 1 || args.rows > kRowLinearMaxRows)
        return "row_linear: rows outside 1..64";
    if (args.in < 4 || args.in % 4 != 0 || args.in > kRowLinearMaxIn)
        return "row_linear: the input width must be a multiple of 4, at most 4096";
    if (args.out_features < 1)
        return "row_linear: no outputs";
    if ((args.norm_weight == nullptr) != (args.norm_bias == nullptr))
        return "row_linear: the norm needs both its weight and its bias";
    auto stream = static_cast<cudaStream_t>(stream_handle);
    // Rows per block, rounded up to a power of two (the rows beyond x's are zeros, never written).
    if (args.rows == 1)
        return launch<1, 1>(args, stream);
    if (args.rows == 2)
        return launch<2, 1>(args, stream);
    if (args.rows <= 4)
        return launch<4, 2>(args, stream);
    static_assert(kMaxRowsPerBlock == 8, "the largest warp tile is 8 rows × 4 outputs");
    return launch<8, 4>(args, stream);
}

} // namespace i3::cuda_kernels
