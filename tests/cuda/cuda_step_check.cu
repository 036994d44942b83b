// SPDX-License-Identifier: GPL-3.0-or-later
// Checks the generation kernels against double-precision loops on random inputs: the hybrid step
// (core/hybrid_step_kernel.h; batch 1 and many rows, d_state below and above a warp, out written
// over x) and decode attention (core/decode_attention_kernel.h; rows at different positions,
// head sizes below, at and above a warp). Needs a GPU, so it is not registered with ctest; run it on a CUDA
// machine. Prints "N passed, M failed"; exits non-zero on any failure.
#include "decode_attention_kernel.h"
#include "hybrid_step_kernel.h"

#include <cuda_runtime.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

namespace {

using Floats = std::vector<float>;

Floats random_floats(std::mt19937& rng, size_t count, float scale)
{
    std::normal_distribution<float> normal(0.0f, scale);
    Floats values(count);
    for (auto& v : values)
        v = normal(rng);
    return values;
}

float* to_device(const Floats& values)
{
    float* pointer = nullptr;
    cudaMalloc(&pointer, values.size() * sizeof(float));
    cudaMemcpy(pointer, values.data(), values.size() * sizeof(float), cudaMemcpyHostToDevice);
    return pointer;
}

Floats to_host(const float* pointer, size_t count)
{
    Floats values(count);
    cudaMemcpy(values.data(), pointer, count * sizeof(float), cudaMemcpyDeviceToHost);
    return values;
}

// Relative error of `ours` against the double loop, over the largest expected magnitude.
double relative_error(const Floats& ours, const std::vector<double>& expected)
{
    double worst = 0, largest = 1e-30;
    for (size_t i = 0; i < ours.size(); ++i) {
        worst = std::max(worst, std::abs(ours[i] - expected[i]));
        largest = std::max(largest, std::abs(expected[i]));
    }
    return worst / largest;
}

bool check(int64_t rows, int64_t d, int64_t ds, bool in_place, std::mt19937& rng)
{
    const Floats w = random_floats(rng, d, 0.8f), A = random_floats(rng, ds * ds, 0.3f),
                 B = random_floats(rng, ds * d, 0.3f), C = random_floats(rng, d * ds, 0.3f),
                 D = random_floats(rng, d, 0.5f), u = random_floats(rng, rows * d, 1.0f),
                 x = random_floats(rng, rows * d, 1.0f), h = random_floats(rng, rows * d, 1.0f),
                 s = random_floats(rng, rows * ds, 1.0f);
    Floats one_minus_w(d);
    for (int64_t j = 0; j < d; ++j)
        one_minus_w[j] = 1.0f - w[j];

    std::vector<double> h_expected(rows * d), s_expected(rows * ds), out_expected(rows * d);
    for (int64_t r = 0; r < rows; ++r) {
        for (int64_t i = 0; i < ds; ++i) {
            double sum = 0;
            for (int64_t j = 0; j < d; ++j)
                sum += double(B[i * d + j]) * u[r * d + j];
            for (int64_t k = 0; k < ds; ++k)
                sum += double(A[i * ds + k]) * s[r * ds + k];
            s_expected[r * ds + i] = sum;
        }
        for (int64_t j = 0; j < d; ++j) {
            const double h_new = double(w[j]) * h[r * d + j] + double(one_minus_w[j]) * u[r * d + j];
            h_expected[r * d + j] = h_new;
            double y = double(D[j]) * h_new;
            for (int64_t k = 0; k < ds; ++k)
                y += double(C[j * ds + k]) * s_expected[r * ds + k];
            out_expected[r * d + j] = x[r * d + j] + y;
        }
    }

    float *dw = to_device(w), *dw1 = to_device(one_minus_w), *dA = to_device(A), *dB = to_device(B),
          *dC = to_device(C), *dD = to_device(D), *du = to_device(u), *dx = to_device(x), *dh = to_device(h),
          *ds_ = to_device(s), *scratch = to_device(Floats(rows * ds, NAN));
    float* dout = in_place ? dx : to_device(Floats(rows * d, NAN));
    const i3::cuda_kernels::HybridStepWeights weights{dw, dw1, dA, dB, dC, dD};
    const char* error = i3::cuda_kernels::hybrid_step(weights, du, dx, dh, ds_, scratch, dout, rows, d, ds, nullptr);
    const bool ran = error == nullptr && cudaDeviceSynchronize() == cudaSuccess;
    const double e_out = ran ? relative_error(to_host(dout, rows * d), out_expected) : 1;
    const double e_h = ran ? relative_error(to_host(dh, rows * d), h_expected) : 1;
    const double e_s = ran ? relative_error(to_host(ds_, rows * ds), s_expected) : 1;
    for (float* p : {dw, dw1, dA, dB, dC, dD, du, dx, dh, ds_, scratch})
        cudaFree(p);
    if (!in_place)
        cudaFree(dout);
    const bool ok = ran && e_out < 1e-5 && e_h < 1e-6 && e_s < 1e-5;
    std::printf("%s rows=%lld d=%lld ds=%lld %s: out %.2e, h %.2e, s %.2e%s%s\n", ok ? "ok  " : "FAIL",
                static_cast<long long>(rows), static_cast<long long>(d), static_cast<long long>(ds),
                in_place ? "in place" : "", e_out, e_h, e_s, error ? " " : "", error ? error : "");
    return ok;
}

bool check_attention(int64_t rows, int64_t heads, int64_t head_dim, int64_t capacity, std::mt19937& rng)
{
    const int64_t d = heads * head_dim;
    const Floats qkv = random_floats(rng, rows * 3 * d, 1.0f);
    Floats keys = random_floats(rng, rows * heads * capacity * head_dim, 1.0f);
    Floats values = random_floats(rng, rows * heads * capacity * head_dim, 1.0f);
    std::vector<int64_t> positions(rows);
    for (int64_t r = 0; r < rows; ++r)
        positions[r] = (r * 7 + 3) % capacity;

    std::vector<double> expected(rows * d);
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t h = 0; h < heads; ++h) {
            const int64_t base = (r * heads + h) * capacity * head_dim;
            for (int64_t t = 0; t < head_dim; ++t) { // the new entries, as the kernel writes them
                keys[base + positions[r] * head_dim + t] = qkv[r * 3 * d + d + h * head_dim + t];
                values[base + positions[r] * head_dim + t] = qkv[r * 3 * d + 2 * d + h * head_dim + t];
            }
            std::vector<double> scores(positions[r] + 1);
            double largest = -INFINITY;
            for (int64_t p = 0; p <= positions[r]; ++p) {
                double dot = 0;
                for (int64_t t = 0; t < head_dim; ++t)
                    dot += double(qkv[r * 3 * d + h * head_dim + t]) * keys[base + p * head_dim + t];
                scores[p] = dot / std::sqrt(double(head_dim));
                largest = std::max(largest, scores[p]);
            }
            double total = 0;
            for (auto& score : scores)
                total += (score = std::exp(score - largest));
            for (int64_t t = 0; t < head_dim; ++t) {
                double sum = 0;
                for (int64_t p = 0; p <= positions[r]; ++p)
                    sum += scores[p] / total * values[base + p * head_dim + t];
                expected[r * d + h * head_dim + t] = sum;
            }
        }

    float *dqkv = to_device(qkv), *dout = to_device(Floats(rows * d, NAN));
    // The caches go to the GPU without the new entries: the kernel must write them itself.
    Floats old_keys = keys, old_values = values;
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t h = 0; h < heads; ++h)
            for (int64_t t = 0; t < head_dim; ++t) {
                const int64_t at = (r * heads + h) * capacity * head_dim + positions[r] * head_dim + t;
                old_keys[at] = NAN;
                old_values[at] = NAN;
            }
    float *dkeys = to_device(old_keys), *dvalues = to_device(old_values);
    int64_t* dpositions = nullptr;
    cudaMalloc(&dpositions, rows * sizeof(int64_t));
    cudaMemcpy(dpositions, positions.data(), rows * sizeof(int64_t), cudaMemcpyHostToDevice);
    const char* error = i3::cuda_kernels::decode_attention(dqkv, dkeys, dvalues, dpositions, dout, rows, heads,
                                                           head_dim, capacity, nullptr);
    const bool ran = error == nullptr && cudaDeviceSynchronize() == cudaSuccess;
    const double e_out = ran ? relative_error(to_host(dout, rows * d), expected) : 1;
    const std::vector<double> keys_expected(keys.begin(), keys.end());
    const double e_keys = ran ? relative_error(to_host(dkeys, keys.size()), keys_expected) : 1;
    for (float* p : {dqkv, dout, dkeys, dvalues})
        cudaFree(p);
    cudaFree(dpositions);
    const bool ok = ran && e_out < 1e-5 && e_keys == 0;
    std::printf("%s attention rows=%lld heads=%lld head_dim=%lld capacity=%lld: out %.2e, cache %.2e%s%s\n",
                ok ? "ok  " : "FAIL", static_cast<long long>(rows), static_cast<long long>(heads),
                static_cast<long long>(head_dim), static_cast<long long>(capacity), e_out, e_keys, error ? " " : "",
                error ? error : "");
    return ok;
}

} // namespace

int main()
{
    std::mt19937 rng(7);
    int passed = 0, failed = 0;
    const int64_t shapes[][3] = {{1, 512, 32}, {64, 512, 32}, {3, 64, 8}, {5, 192, 16}, {2, 1000, 45}, {300, 32, 6}};
    for (const auto& shape : shapes)
        for (const bool in_place : {false, true})
            (check(shape[0], shape[1], shape[2], in_place, rng) ? passed : failed)++;
    const int64_t attention_shapes[][4] = {{1, 16, 32, 256}, {64, 16, 32, 256}, {3, 4, 8, 16}, {2, 3, 80, 40}, {5, 2, 200, 9}};
    for (const auto& shape : attention_shapes)
        (check_attention(shape[0], shape[1], shape[2], shape[3], rng) ? passed : failed)++;
    std::printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
