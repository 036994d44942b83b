// SPDX-License-Identifier: GPL-3.0-or-later
// Sampling (sample_kernel.h). One block per row. The row's scaled logits are kept in shared memory
// (when they fit: 35,560 floats do) across the passes:
//   1. the largest scaled logit (block maximum);
//   2. the k-th largest: a radix select, eight bits a pass, over keys whose unsigned order is the
//      floats' order, first over the threads' maxima to bound it from below, then over the few
//      logits above that bound;
//   3. each thread owns a contiguous slice of the vocabulary and sums its exponentials in double;
//      an exclusive scan over the slices gives where each slice starts in the running sum;
//   4. the slice that contains draw * total walks its tokens to the first one past it.
// Rounding can leave draw * total at the very total; the choice then falls back to the last token
// with any probability, as sampler.cpp does.
#include "kernels/sample_kernel.h"

#include "kernels/cuda_common.cuh"

#include <climits>
#include <math.h>

namespace i3::cuda_kernels {

namespace {

constexpr int kThreads = 1024;
constexpr int kWarps = kThreads / kWarpSize;
constexpr int kBins = 256;

__device__ uint32_t order_key(float f)
{
    const uint32_t bits = __float_as_uint(f);
    return (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);
}

__device__ float key_value(uint32_t key)
{
    return __uint_as_float((key & 0x80000000u) ? (key & 0x7fffffffu) : ~key);
}

// The row's logits divided by the temperature: from shared memory when the row fits there (each
// pass then reads shared memory instead of waiting on L2), else computed from the logits again.
struct ScaledRow {
    const float* logits;
    const float* cache; // null when the row did not fit
    float temperature;
    __device__ float operator()(int64_t i) const { return cache ? cache[i] : logits[i] / temperature; }
};

struct BlockScratch {
    float floats[kWarps];
    double doubles[kWarps];
    int ints[kWarps];
    float maxima[kThreads]; // each thread's largest scaled logit
    unsigned histogram[kBins];
    uint32_t prefix;
    int remaining;
    int choice;
};

// The maximum of v over the block, returned to every thread; `slots` holds one value per warp.
template <class T>
__device__ T block_max(T v, T* slots)
{
    for (int offset = kWarpSize / 2; offset > 0; offset /= 2)
        v = max(v, __shfl_xor_sync(kFullMask, v, offset));
    if (threadIdx.x % kWarpSize == 0)
        slots[threadIdx.x / kWarpSize] = v;
    __syncthreads();
    T result = slots[0];
    for (int w = 1; w < kWarps; ++w)
        result = max(result, slots[w]);
    __syncthreads();
    return result;
}

// Exclusive prefix sum over the threads in thread order; *total receives the sum of all.
__device__ double block_exclusive_scan(double v, double* total, BlockScratch& scratch)
{
    const int lane = threadIdx.x % kWarpSize, warp = threadIdx.x / kWarpSize;
    double inclusive = v;
    for (int offset = 1; offset < kWarpSize; offset *= 2) {
        const double before = __shfl_up_sync(kFullMask, inclusive, offset);
        if (lane >= offset)
            inclusive += before;
    }
    if (lane == kWarpSize - 1)
        scratch.doubles[warp] = inclusive;
    __syncthreads();
    double warp_start = 0, sum = 0;
    for (int w = 0; w < kWarps; ++w) {
        if (w == warp)
            warp_start = sum;
        sum += scratch.doubles[w];
    }
    __syncthreads();
    *total = sum;
    return warp_start + inclusive - v;
}

// The keys a radix select ranks: the row's scaled logits at or above `floor` (an order key).
struct RowKeys {
    ScaledRow row;
    int64_t vocab;
    uint32_t floor;
    __device__ int64_t size() const { return vocab; }
    __device__ bool get(int64_t i, uint32_t& key) const
    {
        key = order_key(row(i));
        return key >= floor;
    }
};

// ... or the threads' own largest logits, one per thread.
struct ThreadMaximaKeys {
    const float* maxima;
    __device__ int64_t size() const { return kThreads; }
    __device__ bool get(int64_t i, uint32_t& key) const
    {
        key = order_key(maxima[i]);
        return true;
    }
};

// Counts the digits (bits shift..shift+7) of the keys that start with `prefix` (under `mask`)
// into scratch.histogram. Lanes that share a digit add once, together.
template <class Keys>
__device__ void count_digits(const Keys& keys, uint32_t prefix, uint32_t mask, int shift, BlockScratch& scratch)
{
    const int lane = threadIdx.x % kWarpSize;
    for (int b = threadIdx.x; b < kBins; b += kThreads)
        scratch.histogram[b] = 0;
    __syncthreads();
    const int64_t size = keys.size();
    for (int64_t base = 0; base < size; base += kThreads) {
        const int64_t i = base + threadIdx.x;
        uint32_t key = 0;
        const bool counted = i < size && keys.get(i, key) && (key & mask) == prefix;
        if (!__any_sync(kFullMask, counted))
            continue;
        const unsigned digit = counted ? (key >> shift) & (kBins - 1) : kBins;
        const unsigned peers = __match_any_sync(kFullMask, digit);
        if (counted && lane == __ffs(peers) - 1)
            atomicAdd(&scratch.histogram[digit], __popc(peers));
    }
    __syncthreads();
}

// The order key of the k-th largest of the keys (k at most their number): a radix select, eight
// bits a pass.
template <class Keys>
__device__ uint32_t kth_largest(const Keys& keys, int k, BlockScratch& scratch)
{
    uint32_t prefix = 0, mask = 0;
    int remaining = k;
    for (int shift = 24; shift >= 0; shift -= 8) {
        count_digits(keys, prefix, mask, shift, scratch);
        if (threadIdx.x < kWarpSize) {
            // Lane l owns the eight bins counted from the top: 255 - 8l down to 248 - 8l.
            const int lane = threadIdx.x;
            const int top = kBins - 1 - 8 * lane;
            unsigned own = 0;
            for (int b = 0; b < 8; ++b)
                own += scratch.histogram[top - b];
            unsigned above = own; // inclusive count over lanes 0..lane
            for (int offset = 1; offset < kWarpSize; offset *= 2) {
                const unsigned before = __shfl_up_sync(kFullMask, above, offset);
                if (lane >= offset)
                    above += before;
            }
            const unsigned reached = __ballot_sync(kFullMask, above >= unsigned(remaining));
            if (lane == __ffs(reached) - 1) {
                unsigned count = above - own;
                for (int b = top;; --b) {
                    if (count + scratch.histogram[b] >= unsigned(remaining) || b == top - 7) {
                        scratch.prefix = prefix | (uint32_t(b) << shift);
                        scratch.remaining = remaining - int(count);
                        break;
                    }
                    count += scratch.histogram[b];
                }
            }
        }
        __syncthreads();
        prefix = scratch.prefix;
        remaining = scratch.remaining;
        mask |= uint32_t(kBins - 1) << shift;
        __syncthreads();
    }
    return prefix;
}

// The k-th largest scaled logit. Logits crowd into a few exponents, so ranking all of them would
// queue most of the vocabulary on a few histogram bins. For k up to the thread count, the k-th
// largest of the threads' own maxima comes first: it cannot exceed the row's k-th largest, and
// typically only a few times k logits reach it, so only those are ranked.
__device__ float kth_largest_logit(const ScaledRow& row, int64_t vocab, int k, BlockScratch& scratch)
{
    const uint32_t floor = k <= kThreads ? kth_largest(ThreadMaximaKeys{scratch.maxima}, k, scratch) : 0;
    return key_value(kth_largest(RowKeys{row, vocab, floor}, k, scratch));
}

__global__ void __launch_bounds__(kThreads) sample_rows_kernel(const float* __restrict__ logits, int64_t vocab,
                                                               float temperature, int64_t top_k,
                                                               const double* __restrict__ draws, int64_t* ids,
                                                               double* probabilities, bool cache_row)
{
    extern __shared__ float cache[];
    __shared__ BlockScratch scratch;
    const int64_t r = blockIdx.x;
    const ScaledRow row{logits + r * vocab, cache_row ? cache : nullptr, temperature};

    float largest = -INFINITY;
#pragma unroll 4
    for (int64_t i = threadIdx.x; i < vocab; i += kThreads) {
        const float scaled = row.logits[i] / temperature;
        if (cache_row)
            cache[i] = scaled;
        largest = fmaxf(largest, scaled);
    }
    scratch.maxima[threadIdx.x] = largest;
    largest = block_max(largest, scratch.floats); // its barrier also publishes the cache and the maxima
    const float threshold = (top_k > 0 && top_k < vocab)
                                ? kth_largest_logit(row, vocab, static_cast<int>(top_k), scratch)
                                : -INFINITY;
    auto weight = [&](int64_t i) {
        const float scaled = row(i);
        return scaled >= threshold ? exp(double(scaled) - double(largest)) : 0.0;
    };

    const int64_t slice = (vocab + kThreads - 1) / kThreads;
    const int64_t begin = min(vocab, threadIdx.x * slice), end = min(vocab, begin + slice);
    double own = 0;
    int last_possible = 0;
    for (int64_t i = begin; i < end; ++i) {
        const double w = weight(i);
        own += w;
        if (w > 0)
            last_possible = static_cast<int>(i);
    }
    double total = 0;
    double running = block_exclusive_scan(own, &total, scratch);
    last_possible = block_max(last_possible, scratch.ints);

    const double target = draws[r] * total;
    if (threadIdx.x == 0)
        scratch.choice = INT_MAX;
    __syncthreads();
    if (running + own > target) {
        for (int64_t i = begin; i < end; ++i) {
            const double w = weight(i);
            running += w;
            if (w > 0 && running > target) {
                atomicMin(&scratch.choice, static_cast<int>(i));
                break;
            }
        }
    }
    __syncthreads();
    if (threadIdx.x == 0) {
        const int chosen = min(scratch.choice, last_possible);
        ids[r] = chosen;
        probabilities[r] = weight(chosen) / total;
    }
}

} // namespace

const char* sample_rows(const float* logits, int64_t rows, int64_t vocab, float temperature, int64_t top_k,
                        const double* draws, int64_t* ids, double* probabilities, void* stream)
{
    if (rows < 1 || vocab < 1 || vocab > INT_MAX)
        return "sample_rows: no rows, or a vocabulary outside 1..2^31";
    if (!(temperature > 0))
        return "sample_rows: the temperature must be above 0";
    int64_t most_shared = 0;
    if (shared_memory_limit(&most_shared) != cudaSuccess)
        return last_error();
    const bool cache_row = sizeof(BlockScratch) + vocab * sizeof(float) <= size_t(most_shared);
    const size_t shared = cache_row ? vocab * sizeof(float) : 0;
    if (cache_row && allow_shared_memory(sample_rows_kernel, shared) != cudaSuccess)
        return last_error();
    sample_rows_kernel<<<static_cast<unsigned>(rows), kThreads, shared, static_cast<cudaStream_t>(stream)>>>(
        logits, vocab, temperature, top_k, draws, ids, probabilities, cache_row);
    return last_error();
}

} // namespace i3::cuda_kernels
