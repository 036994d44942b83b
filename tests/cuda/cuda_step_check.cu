// SPDX-License-Identifier: GPL-3.0-or-later
// Checks the generation kernels against double-precision loops on random inputs: the hybrid step
// with its layer norm (core/hybrid_step_kernel.h; batch 1 and many rows, d_state below and above
// a warp), decode attention (core/decode_attention_kernel.h; rows at different positions,
// head sizes below, at and above a warp), the fused row linear (core/row_linear_kernel.h; with and
// without norm, bias, GELU and residual, 1 to 64 rows, inputs up to 4096 wide) and sampling
// (core/sample_kernel.h; top-k with ties, no top-k, greedy, draws at the very ends). Needs a GPU, so it is not registered with ctest; run it on a CUDA
// machine. Prints "N passed, M failed"; exits non-zero on any failure.
#include "kernels/decode_attention_kernel.h"
#include "kernels/hybrid_step_kernel.h"
#include "kernels/row_linear_kernel.h"
#include "kernels/sample_kernel.h"

#include <cuda_runtime.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <random>
#include <utility>
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

bool check(int64_t rows, int64_t d, int64_t ds, std::mt19937& rng)
{
    const Floats w = random_floats(rng, d, 0.8f), A = random_floats(rng, ds * ds, 0.3f),
                 B = random_floats(rng, ds * d, 0.3f), C = random_floats(rng, d * ds, 0.3f),
                 D = random_floats(rng, d, 0.5f), gain = random_floats(rng, d, 1.0f), shift = random_floats(rng, d, 0.3f),
                 x = random_floats(rng, rows * d, 1.5f), h = random_floats(rng, rows * d, 1.0f),
                 s = random_floats(rng, rows * ds, 1.0f);
    Floats one_minus_w(d);
    for (int64_t j = 0; j < d; ++j)
        one_minus_w[j] = 1.0f - w[j];

    std::vector<double> h_expected(rows * d), s_expected(rows * ds), out_expected(rows * d), u(d);
    for (int64_t r = 0; r < rows; ++r) {
        double mean = 0, variance = 0;
        for (int64_t j = 0; j < d; ++j)
            mean += double(x[r * d + j]) / d;
        for (int64_t j = 0; j < d; ++j)
            variance += (x[r * d + j] - mean) * (x[r * d + j] - mean) / d;
        for (int64_t j = 0; j < d; ++j)
            u[j] = (x[r * d + j] - mean) / std::sqrt(variance + 1e-5) * gain[j] + shift[j];
        for (int64_t i = 0; i < ds; ++i) {
            double sum = 0;
            for (int64_t j = 0; j < d; ++j)
                sum += double(B[i * d + j]) * u[j];
            for (int64_t k = 0; k < ds; ++k)
                sum += double(A[i * ds + k]) * s[r * ds + k];
            s_expected[r * ds + i] = sum;
        }
        for (int64_t j = 0; j < d; ++j) {
            const double h_new = double(w[j]) * h[r * d + j] + double(one_minus_w[j]) * u[j];
            h_expected[r * d + j] = h_new;
            double y = double(D[j]) * h_new;
            for (int64_t k = 0; k < ds; ++k)
                y += double(C[j * ds + k]) * s_expected[r * ds + k];
            out_expected[r * d + j] = x[r * d + j] + y;
        }
    }

    float *dw = to_device(w), *dw1 = to_device(one_minus_w), *dA = to_device(A), *dB = to_device(B),
          *dC = to_device(C), *dD = to_device(D), *dgain = to_device(gain), *dshift = to_device(shift),
          *dx = to_device(x), *dh = to_device(h), *ds_ = to_device(s), *scratch = to_device(Floats(rows * ds, NAN)),
          *dout = to_device(Floats(rows * d, NAN));
    const i3::cuda_kernels::HybridStepWeights weights{dgain, dshift, 1e-5f, dw, dw1, dA, dB, dC, dD};
    const char* error = i3::cuda_kernels::hybrid_step(weights, dx, dh, ds_, scratch, dout, rows, d, ds, nullptr);
    const bool ran = error == nullptr && cudaDeviceSynchronize() == cudaSuccess;
    const double e_out = ran ? relative_error(to_host(dout, rows * d), out_expected) : 1;
    const double e_h = ran ? relative_error(to_host(dh, rows * d), h_expected) : 1;
    const double e_s = ran ? relative_error(to_host(ds_, rows * ds), s_expected) : 1;
    for (float* p : {dw, dw1, dA, dB, dC, dD, dgain, dshift, dx, dh, ds_, scratch, dout})
        cudaFree(p);
    const bool ok = ran && e_out < 1e-5 && e_h < 1e-5 && e_s < 1e-5;
    std::printf("%s rows=%lld d=%lld ds=%lld: out %.2e, h %.2e, s %.2e%s%s\n", ok ? "ok  " : "FAIL",
                static_cast<long long>(rows), static_cast<long long>(d), static_cast<long long>(ds), e_out, e_h, e_s,
                error ? " " : "", error ? error : "");
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

struct RowLinearCase {
    int64_t rows, in, out;
    bool norm, bias, gelu, residual;
};

bool check_row_linear(const RowLinearCase& c, std::mt19937& rng)
{
    const Floats x = random_floats(rng, c.rows * c.in, 1.5f), weight = random_floats(rng, c.out * c.in, 0.05f),
                 bias = random_floats(rng, c.out, 0.5f), gain = random_floats(rng, c.in, 1.0f),
                 shift = random_floats(rng, c.in, 0.3f), residual = random_floats(rng, c.rows * c.out, 1.0f);
    std::vector<double> expected(c.rows * c.out);
    for (int64_t r = 0; r < c.rows; ++r) {
        std::vector<double> input(x.begin() + r * c.in, x.begin() + (r + 1) * c.in);
        if (c.norm) {
            double mean = 0, variance = 0;
            for (double v : input)
                mean += v / c.in;
            for (double v : input)
                variance += (v - mean) * (v - mean) / c.in;
            for (int64_t k = 0; k < c.in; ++k)
                input[k] = (input[k] - mean) / std::sqrt(variance + 1e-5) * gain[k] + shift[k];
        }
        for (int64_t j = 0; j < c.out; ++j) {
            double y = c.bias ? bias[j] : 0.0;
            for (int64_t k = 0; k < c.in; ++k)
                y += double(weight[j * c.in + k]) * input[k];
            if (c.gelu)
                y = 0.5 * y * (1 + std::erf(y / std::sqrt(2.0)));
            expected[r * c.out + j] = y + (c.residual ? residual[r * c.out + j] : 0.0);
        }
    }
    float *dx = to_device(x), *dweight = to_device(weight), *dbias = to_device(bias), *dgain = to_device(gain),
          *dshift = to_device(shift), *dresidual = to_device(residual), *dout = to_device(Floats(c.rows * c.out, NAN));
    i3::cuda_kernels::RowLinearArgs args;
    args.x = dx;
    args.rows = c.rows;
    args.in = c.in;
    args.out_features = c.out;
    args.norm_weight = c.norm ? dgain : nullptr;
    args.norm_bias = c.norm ? dshift : nullptr;
    args.weight = dweight;
    args.bias = c.bias ? dbias : nullptr;
    args.gelu = c.gelu;
    args.residual = c.residual ? dresidual : nullptr;
    args.out = dout;
    const char* error = i3::cuda_kernels::row_linear(args, nullptr);
    const bool ran = error == nullptr && cudaDeviceSynchronize() == cudaSuccess;
    const double e_out = ran ? relative_error(to_host(dout, c.rows * c.out), expected) : 1;
    for (float* p : {dx, dweight, dbias, dgain, dshift, dresidual, dout})
        cudaFree(p);
    const bool ok = ran && e_out < 1e-5;
    std::printf("%s row linear rows=%lld in=%lld out=%lld%s%s%s%s: %.2e%s%s\n", ok ? "ok  " : "FAIL",
                static_cast<long long>(c.rows), static_cast<long long>(c.in), static_cast<long long>(c.out),
                c.norm ? " norm" : "", c.bias ? " bias" : "", c.gelu ? " gelu" : "", c.residual ? " residual" : "",
                e_out, error ? " " : "", error ? error : "");
    return ok;
}

// The sampling rule in plain loops: the first token whose running sum of kept exponentials
// exceeds draw * total.
std::pair<int64_t, double> sample_by_loop(const float* row, int64_t vocab, float temperature, int64_t top_k, double draw)
{
    std::vector<float> scaled(vocab);
    for (int64_t i = 0; i < vocab; ++i)
        scaled[i] = row[i] / temperature;
    std::vector<float> sorted = scaled;
    std::sort(sorted.begin(), sorted.end(), std::greater<float>());
    const float threshold = (top_k > 0 && top_k < vocab) ? sorted[top_k - 1] : -INFINITY;
    std::vector<double> weights(vocab);
    double total = 0;
    for (int64_t i = 0; i < vocab; ++i)
        total += (weights[i] = scaled[i] >= threshold ? std::exp(double(scaled[i]) - double(sorted[0])) : 0.0);
    double running = 0;
    int64_t last = 0;
    for (int64_t i = 0; i < vocab; ++i) {
        running += weights[i];
        if (weights[i] > 0)
            last = i;
        if (weights[i] > 0 && running > draw * total)
            return {i, weights[i] / total};
    }
    return {last, weights[last] / total};
}

bool check_sampling(int64_t rows, int64_t vocab, float temperature, int64_t top_k, bool ties, std::mt19937& rng)
{
    Floats logits = random_floats(rng, rows * vocab, 3.0f);
    if (ties) // coarse values: many tokens share the k-th largest logit
        for (auto& v : logits)
            v = std::round(v * 2) / 2;
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::vector<double> draws(rows);
    for (int64_t r = 0; r < rows; ++r)
        draws[r] = r == 0 ? 0.0 : r == 1 ? 1.0 - 0x1.0p-53 : uniform(rng);
    float* dlogits = to_device(logits);
    double *ddraws = nullptr, *dprobabilities = nullptr;
    int64_t* dids = nullptr;
    cudaMalloc(&ddraws, rows * sizeof(double));
    cudaMalloc(&dprobabilities, rows * sizeof(double));
    cudaMalloc(&dids, rows * sizeof(int64_t));
    cudaMemcpy(ddraws, draws.data(), rows * sizeof(double), cudaMemcpyHostToDevice);
    cudaMemset(dids, 0xff, rows * sizeof(int64_t));
    const char* error = i3::cuda_kernels::sample_rows(dlogits, rows, vocab, temperature, top_k, ddraws, dids,
                                                      dprobabilities, nullptr);
    const bool ran = error == nullptr && cudaDeviceSynchronize() == cudaSuccess;
    std::vector<int64_t> ids(rows);
    std::vector<double> probabilities(rows);
    cudaMemcpy(ids.data(), dids, rows * sizeof(int64_t), cudaMemcpyDeviceToHost);
    cudaMemcpy(probabilities.data(), dprobabilities, rows * sizeof(double), cudaMemcpyDeviceToHost);
    int wrong = 0;
    double worst = 0;
    for (int64_t r = 0; r < rows && ran; ++r) {
        const auto [id, probability] = sample_by_loop(logits.data() + r * vocab, vocab, temperature, top_k, draws[r]);
        wrong += ids[r] != id;
        worst = std::max(worst, std::abs(probabilities[r] - probability) / probability);
    }
    cudaFree(dlogits);
    cudaFree(ddraws);
    cudaFree(dprobabilities);
    cudaFree(dids);
    const bool ok = ran && wrong == 0 && worst < 1e-12;
    std::printf("%s sampling rows=%lld vocab=%lld temperature=%.2f top_k=%lld%s: %d ids differ, probability %.2e%s%s\n",
                ok ? "ok  " : "FAIL", static_cast<long long>(rows), static_cast<long long>(vocab), temperature,
                static_cast<long long>(top_k), ties ? " ties" : "", wrong, worst, error ? " " : "", error ? error : "");
    return ok;
}

} // namespace

int main()
{
    std::mt19937 rng(7);
    int passed = 0, failed = 0;
    const int64_t shapes[][3] = {{1, 512, 32}, {64, 512, 32}, {3, 64, 8}, {5, 192, 16}, {2, 1000, 45}, {300, 32, 6}};
    for (const auto& shape : shapes)
        (check(shape[0], shape[1], shape[2], rng) ? passed : failed)++;
    const int64_t attention_shapes[][4] = {{1, 16, 32, 256}, {64, 16, 32, 256}, {3, 4, 8, 16}, {2, 3, 80, 40}, {5, 2, 200, 9}};
    for (const auto& shape : attention_shapes)
        (check_attention(shape[0], shape[1], shape[2], shape[3], rng) ? passed : failed)++;
    const RowLinearCase row_linear_cases[] = {
        {1, 512, 2048, true, true, true, false},  {1, 2048, 512, false, true, false, true},
        {1, 512, 35560, true, true, false, false}, {8, 512, 1536, true, true, false, false},
        {3, 2048, 512, false, true, false, true},  {5, 4096, 100, true, false, true, true},
        {7, 12, 33, false, false, false, false},   {64, 512, 2048, true, true, true, false},
        {64, 2048, 512, false, true, false, true}, {13, 512, 35560, true, true, false, false},
        {40, 512, 1536, true, true, false, true}};
    for (const auto& c : row_linear_cases)
        (check_row_linear(c, rng) ? passed : failed)++;
    const struct {
        int64_t rows, vocab;
        float temperature;
        int64_t top_k;
        bool ties;
    } sampling_cases[] = {{64, 35560, 0.8f, 50, false}, {64, 35560, 0.8f, 50, true}, {16, 35560, 1.0f, 0, false},
                          {16, 35560, 0.7f, 1, true},   {8, 1000, 1.3f, 999, true},  {4, 7, 0.5f, 3, false},
                          {3, 100000, 0.9f, 40000, false}};
    for (const auto& c : sampling_cases)
        (check_sampling(c.rows, c.vocab, c.temperature, c.top_k, c.ties, rng) ? passed : failed)++;
    std::printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
