// SPDX-License-Identifier: GPL-3.0-or-later
// CUDA kernels for the scan primitives; hybrid_scan_kernels.h gives the contract.
//
// Diagonal scan. Every (sequence, channel) pair is an independent scalar recurrence: one thread
// walks one pair through time, and neighbouring threads take neighbouring channels, so every
// step's loads and stores are coalesced. When the pairs are too few to keep the GPU's memory
// busy, time is cut into chunks as well, in three kernels:
//   1. each chunk's last state is found by scanning it from a zero start (the first from x0);
//   2. one thread per pair walks the chunk ends in order, adding what flows in from before:
//      end_c += a^len * end_{c-1}, with a^len made by repeated multiplication;
//   3. each chunk is scanned by the plain loop from the previous chunk's end.
// That reads b twice instead of once, so it only pays when the pairs are few. It is the loop's
// own arithmetic, regrouped only at the chunk ends, so it holds for any a (negative, |a| > 1).
//
// Dense scan. Each step needs the whole previous state, so one sequence is walked through time
// by one warp or one block whose threads share the state:
//   - n <= 32: one warp; lane i keeps row i of M in registers and owns x_i; the lanes trade
//     their x_i by shuffles, with no shared memory and no barrier.
//   - M fits in shared memory: one block, one thread per row, M transposed in shared memory (the
//     threads reading one column then hit distinct banks) and the state double-buffered there,
//     so one barrier per step suffices.
//   - larger n: one block, M read from global memory (it stays in L2) a row per warp, coalesced,
//     the state still in shared memory. Slow, but correct for any n whose state fits.
// Where x0 is absent the first step is x_0 = b_0 exactly, as in the CPU loops (no 0 * M term).
#include "kernels/hybrid_scan_kernels.h"

#include "kernels/cuda_common.cuh"

#include <climits>

namespace i3::cuda_kernels {

namespace {

constexpr int kThreadsPerBlock = 256;
// Grid-stride loops cover any size; this caps the grid well below CUDA's limit.
constexpr int64_t kMaxBlocks = 1 << 16;

// The time index of the scan's i-th step.
struct TimeOrder {
    int64_t steps;
    bool reverse;
    __device__ int64_t at(int64_t i) const { return reverse ? steps - 1 - i : i; }
};

__device__ int64_t global_thread() { return int64_t(blockIdx.x) * blockDim.x + threadIdx.x; }
__device__ int64_t grid_threads() { return int64_t(gridDim.x) * blockDim.x; }

int blocks_for(int64_t items)
{
    const int64_t blocks = (items + kThreadsPerBlock - 1) / kThreadsPerBlock;
    return int(blocks < kMaxBlocks ? blocks : kMaxBlocks);
}

// ---------------------------------------------------------------------------------------------
// Diagonal scan

// The diagonal problem, with time cut into `chunks` pieces of `chunk_length` steps (scan order;
// the last piece may be shorter, none is empty).
struct DiagonalProblem {
    int64_t batch;
    int64_t n;
    TimeOrder time;
    int64_t chunk_length;
    int64_t chunks;

    __device__ int64_t chunk_begin(int64_t chunk) const { return chunk * chunk_length; }
    __device__ int64_t chunk_end(int64_t chunk) const
    {
        const int64_t end = (chunk + 1) * chunk_length;
        return end < time.steps ? end : time.steps;
    }
    // Where the scan's step `step` of channel `channel` of sequence `seq` lives in b and x.
    __device__ int64_t offset(int64_t seq, int64_t step, int64_t channel) const
    {
        return (seq * time.steps + time.at(step)) * n + channel;
    }
};

// Time is cut into chunks while the (sequence, channel) pairs number fewer than this, into enough
// chunks to bring the threads up to it. Measured on an H200: one pass over time is limited by
// the latency of its loads below about 2^16 pairs and by memory bandwidth above, where
// chunking's second reading of b only costs.
constexpr int64_t kWantedThreads = 1 << 17;
// Shorter chunks cost more in extra launches and passes than their parallelism gains.
constexpr int64_t kMinChunkLength = 64;

DiagonalProblem diagonal_problem(int64_t batch, int64_t steps, int64_t n, bool reverse)
{
    const int64_t pairs = batch * n;
    int64_t chunks = 1;
    if (pairs < kWantedThreads) {
        const int64_t wanted = (kWantedThreads + pairs - 1) / pairs;
        const int64_t most = steps / kMinChunkLength;
        chunks = wanted < most ? wanted : most;
        if (chunks < 1)
            chunks = 1;
    }
    const int64_t length = (steps + chunks - 1) / chunks;
    return {batch, n, {steps, reverse}, length, (steps + length - 1) / length};
}

// a^k by repeated multiplication, valid for any sign and size of a.
__device__ float power(float a, int64_t k)
{
    float result = 1.f;
    for (int64_t i = 0; i < k; ++i)
        result *= a;
    return result;
}

// Pass 1: the last state of every chunk but the last, scanned from a zero start (the first
// chunk from x0), left at the chunk's last position in x. Nothing else is written.
__global__ void scan_chunk_ends(const float* __restrict__ a, const float* __restrict__ b,
                                const float* __restrict__ x0, float* __restrict__ x, DiagonalProblem p)
{
    const int64_t early_chunks = p.chunks - 1;
    const int64_t items = p.batch * early_chunks * p.n;
    for (int64_t item = global_thread(); item < items; item += grid_threads()) {
        const int64_t channel = item % p.n;
        const int64_t chunk = item / p.n % early_chunks;
        const int64_t seq = item / (p.n * early_chunks);
        const float a_channel = a[channel];
        float state = chunk == 0 && x0 ? x0[seq * p.n + channel] : 0.f;
        const int64_t end = p.chunk_end(chunk);
#pragma unroll 4
        for (int64_t step = p.chunk_begin(chunk); step < end; ++step)
            state = a_channel * state + b[p.offset(seq, step, channel)];
        x[p.offset(seq, end - 1, channel)] = state;
    }
}

// Pass 2: the chunk ends in order, each receiving the state carried out of the one before:
// end_c += a^len * end_{c-1}. Afterwards every chunk end but the last holds its final value.
__global__ void carry_chunk_ends(const float* __restrict__ a, float* __restrict__ x, DiagonalProblem p)
{
    const int64_t items = p.batch * p.n;
    for (int64_t item = global_thread(); item < items; item += grid_threads()) {
        const int64_t channel = item % p.n;
        const int64_t seq = item / p.n;
        // Every chunk but the last is chunk_length long.
        const float chunk_power = power(a[channel], p.chunk_length);
        float carry = x[p.offset(seq, p.chunk_end(0) - 1, channel)];
        for (int64_t chunk = 1; chunk + 1 < p.chunks; ++chunk) {
            const int64_t last = p.offset(seq, p.chunk_end(chunk) - 1, channel);
            float value = x[last];
            // Skipping a zero carry keeps an overflowing a^len from turning 0 into NaN.
            if (carry != 0.f)
                value += chunk_power * carry;
            x[last] = value;
            carry = value;
        }
    }
}

// Pass 3 (the only pass when there is one chunk): the plain loop over each chunk, starting from
// x0 or the previous chunk's final state. A chunk's last position, when another chunk follows,
// already holds its final value from pass 2 and is being read by the next chunk's thread, so it
// is left alone.
__global__ void scan_chunks(const float* __restrict__ a, const float* __restrict__ b, const float* __restrict__ x0,
                            float* __restrict__ x, DiagonalProblem p)
{
    const int64_t items = p.batch * p.chunks * p.n;
    for (int64_t item = global_thread(); item < items; item += grid_threads()) {
        const int64_t channel = item % p.n;
        const int64_t chunk = item / p.n % p.chunks;
        const int64_t seq = item / (p.n * p.chunks);
        const float a_channel = a[channel];
        int64_t step = p.chunk_begin(chunk);
        const int64_t end = chunk + 1 < p.chunks ? p.chunk_end(chunk) - 1 : p.chunk_end(chunk);
        float state;
        if (chunk > 0) {
            state = x[p.offset(seq, step - 1, channel)];
        } else if (x0) {
            state = x0[seq * p.n + channel];
        } else {
            state = b[p.offset(seq, step, channel)];
            x[p.offset(seq, step, channel)] = state;
            ++step;
        }
#pragma unroll 4
        for (; step < end; ++step) {
            const int64_t at = p.offset(seq, step, channel);
            state = a_channel * state + b[at];
            x[at] = state;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Dense scan

constexpr int kWarpsPerBlock = 4;

// n <= 32: one warp per sequence; lane `row` holds M's row in registers (zero past n) and x_row.
__global__ void dense_scan_warp(const float* __restrict__ M, const float* __restrict__ b,
                                const float* __restrict__ x0, float* __restrict__ x, int64_t batch, int n,
                                TimeOrder time)
{
    const int row = threadIdx.x % kWarpSize;
    const int64_t seq = int64_t(blockIdx.x) * kWarpsPerBlock + threadIdx.x / kWarpSize;
    if (seq >= batch)
        return; // the whole warp leaves together, so the shuffles below see full warps
    const bool owns_row = row < n;

    float m[kWarpSize];
#pragma unroll
    for (int col = 0; col < kWarpSize; ++col)
        m[col] = owns_row && col < n ? M[row * n + col] : 0.f;

    const float* b_seq = b + seq * time.steps * n;
    float* x_seq = x + seq * time.steps * n;
    float state = owns_row && x0 ? x0[seq * n + row] : 0.f;
    // b of the next step is loaded a step ahead, so its latency hides behind the arithmetic.
    float next_b = owns_row ? b_seq[time.at(0) * n + row] : 0.f;
    for (int64_t step = 0; step < time.steps; ++step) {
        float sum = next_b;
        if (owns_row && step + 1 < time.steps)
            next_b = b_seq[time.at(step + 1) * n + row];
        if (step > 0 || x0) {
            // Two partial sums halve the chain of dependent multiply-adds.
            float other = 0.f;
#pragma unroll
            for (int col = 0; col < kWarpSize; col += 2) {
                sum += m[col] * __shfl_sync(kFullMask, state, col);
                other += m[col + 1] * __shfl_sync(kFullMask, state, col + 1);
            }
            sum += other;
        }
        state = sum;
        if (owns_row)
            x_seq[time.at(step) * n + row] = state;
    }
}

// M in shared memory (transposed), one thread per row: blockDim.x >= n.
__global__ void dense_scan_shared(const float* __restrict__ M, const float* __restrict__ b,
                                  const float* __restrict__ x0, float* __restrict__ x, int n, TimeOrder time)
{
    extern __shared__ float shared[];
    float* m_transposed = shared;      // [col * n + row] = M[row][col]
    float* states = shared + n * n;    // two buffers of n: the previous and the current state
    const int64_t seq = blockIdx.x;
    const int row = threadIdx.x;
    const bool owns_row = row < n;

    for (int k = threadIdx.x; k < n * n; k += blockDim.x)
        m_transposed[(k % n) * n + k / n] = M[k];
    if (owns_row)
        states[row] = x0 ? x0[seq * n + row] : 0.f;
    __syncthreads();

    const float* b_seq = b + seq * time.steps * n;
    float* x_seq = x + seq * time.steps * n;
    float next_b = owns_row ? b_seq[time.at(0) * n + row] : 0.f;
    for (int64_t step = 0; step < time.steps; ++step) {
        const float* previous = states + (step % 2) * n;
        float* current = states + (1 - step % 2) * n;
        float sum = next_b;
        if (owns_row && step + 1 < time.steps)
            next_b = b_seq[time.at(step + 1) * n + row];
        if (owns_row) {
            if (step > 0 || x0) {
                float other = 0.f;
                int col = 0;
                for (; col + 1 < n; col += 2) {
                    sum += m_transposed[col * n + row] * previous[col];
                    other += m_transposed[(col + 1) * n + row] * previous[col + 1];
                }
                if (col < n)
                    sum += m_transposed[col * n + row] * previous[col];
                sum += other;
            }
            current[row] = sum;
            x_seq[time.at(step) * n + row] = sum;
        }
        // Everyone has read `previous` before it is overwritten as the next step's `current`.
        __syncthreads();
    }
}

// M in global memory, one row per warp at a time; blockDim.x a multiple of 32.
__global__ void dense_scan_global(const float* __restrict__ M, const float* __restrict__ b,
                                  const float* __restrict__ x0, float* __restrict__ x, int64_t n, TimeOrder time)
{
    extern __shared__ float states[]; // two buffers of n
    const int64_t seq = blockIdx.x;
    const int lane = threadIdx.x % kWarpSize;
    const int warp = threadIdx.x / kWarpSize;
    const int warps = blockDim.x / kWarpSize;

    for (int64_t i = threadIdx.x; i < n; i += blockDim.x)
        states[i] = x0 ? x0[seq * n + i] : 0.f;
    __syncthreads();

    const float* b_seq = b + seq * time.steps * n;
    float* x_seq = x + seq * time.steps * n;
    for (int64_t step = 0; step < time.steps; ++step) {
        const float* previous = states + (step % 2) * n;
        float* current = states + (1 - step % 2) * n;
        const int64_t base = time.at(step) * n;
        const bool has_previous = step > 0 || x0;
        for (int64_t row = warp; row < n; row += warps) {
            float partial = 0.f;
            if (has_previous) {
                const float* m_row = M + row * n;
                for (int64_t col = lane; col < n; col += kWarpSize)
                    partial += m_row[col] * previous[col];
            }
            partial = warp_sum(partial);
            if (lane == 0) {
                const float value = b_seq[base + row] + partial;
                current[row] = value;
                x_seq[base + row] = value;
            }
        }
        __syncthreads();
    }
}

} // namespace

const char* diagonal_scan(const float* a, const float* b, const float* x0, float* x, int64_t batch, int64_t steps,
                          int64_t n, bool reverse, void* stream)
{
    if (batch == 0 || steps == 0 || n == 0)
        return nullptr;
    const auto cuda_stream = static_cast<cudaStream_t>(stream);
    const DiagonalProblem p = diagonal_problem(batch, steps, n, reverse);

    if (p.chunks > 1) {
        scan_chunk_ends<<<blocks_for(batch * (p.chunks - 1) * n), kThreadsPerBlock, 0, cuda_stream>>>(a, b, x0, x, p);
        if (const char* error = last_error())
            return error;
        carry_chunk_ends<<<blocks_for(batch * n), kThreadsPerBlock, 0, cuda_stream>>>(a, x, p);
        if (const char* error = last_error())
            return error;
    }
    scan_chunks<<<blocks_for(batch * p.chunks * n), kThreadsPerBlock, 0, cuda_stream>>>(a, b, x0, x, p);
    return last_error();
}

const char* dense_scan(const float* M, const float* b, const float* x0, float* x, int64_t batch, int64_t steps,
                       int64_t n, bool reverse, void* stream)
{
    if (batch == 0 || steps == 0 || n == 0)
        return nullptr;
    if (batch > INT_MAX)
        return "too many sequences for the CUDA dense scan";
    const auto cuda_stream = static_cast<cudaStream_t>(stream);
    const TimeOrder time{steps, reverse};

    if (n <= kWarpSize) {
        const auto blocks = int((batch + kWarpsPerBlock - 1) / kWarpsPerBlock);
        dense_scan_warp<<<blocks, kWarpsPerBlock * kWarpSize, 0, cuda_stream>>>(M, b, x0, x, batch, int(n), time);
        return last_error();
    }

    int64_t limit = 0;
    if (const char* error = error_text(shared_memory_limit(&limit)))
        return error;
    const int64_t state_bytes = 2 * n * int64_t(sizeof(float));
    const int64_t matrix_bytes = n * n * int64_t(sizeof(float));
    if (n <= 1024 && matrix_bytes + state_bytes <= limit) {
        const int64_t bytes = matrix_bytes + state_bytes;
        if (const char* error = error_text(allow_shared_memory(dense_scan_shared, bytes)))
            return error;
        const auto threads = int((n + kWarpSize - 1) / kWarpSize * kWarpSize);
        dense_scan_shared<<<int(batch), threads, bytes, cuda_stream>>>(M, b, x0, x, int(n), time);
        return last_error();
    }
    if (state_bytes <= limit) {
        if (const char* error = error_text(allow_shared_memory(dense_scan_global, state_bytes)))
            return error;
        dense_scan_global<<<int(batch), 1024, state_bytes, cuda_stream>>>(M, b, x0, x, n, time);
        return last_error();
    }
    return "the state is too large for the CUDA dense scan (two copies must fit in one block's shared memory)";
}

} // namespace i3::cuda_kernels
