// SPDX-License-Identifier: GPL-3.0-or-later
// Checks the CUDA scan kernels (core/hybrid_scan_kernels.h) against plain double-precision loops
// on random inputs: negative and growing coefficients, with and without an initial state, forward
// and reverse, sizes that take every kernel path. Needs a GPU, so it is not registered with ctest;
// run it by hand on a CUDA machine. Prints "N passed, M failed"; exits non-zero on any failure.
//
// Two bounds, both from floating-point error analysis with u = 2^-24 (float's unit roundoff):
//   - diagonal: |x - x_exact| <= 2 γ(2k+4) m_k at the scan's k-th step, where m is the loop run on
//     magnitudes, m_k = |a| m_{k-1} + |b_k|; a regrouped (chunked) scan stays within it.
//   - dense, step by step: |x_k - (M x_{k-1} + b_k)| <= 2 γ(n+1) (|M| |x_{k-1}| + |b_k|), with x_{k-1}
//     the kernel's own previous output, so every step is checked tightly without |M|^k growth;
//     and, against the double loop as a whole, 1e-4 of the largest state so far.
// with γ(k) = k u / (1 - k u). Every output starts as NaN, so a position never written fails.
#include "kernels/hybrid_scan_kernels.h"

#include <cuda_runtime.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace {

using Floats = std::vector<float>;

constexpr double kUnitRoundoff = 1.0 / (1 << 24);
constexpr double kDenseOverallTolerance = 1e-4;

double gamma_bound(int64_t k) { return k * kUnitRoundoff / (1 - k * kUnitRoundoff); }

enum class Kind { diagonal, dense };

struct Case {
    Kind kind;
    int64_t batch;
    int64_t steps;
    int64_t n;
    bool reverse;
    bool with_x0;
    bool expansive; // |a| or M's spectral radius above 1

    std::string describe() const
    {
        char text[200];
        std::snprintf(text, sizeof text, "%s batch=%lld steps=%lld n=%lld %s %s %s",
                      kind == Kind::diagonal ? "diagonal" : "dense", static_cast<long long>(batch),
                      static_cast<long long>(steps), static_cast<long long>(n), reverse ? "reverse" : "forward",
                      with_x0 ? "x0" : "no-x0", expansive ? "expansive" : "contractive");
        return text;
    }
};

struct Inputs {
    Floats coefficients; // a: [n] or M: [n, n]
    Floats b;            // [batch, steps, n]
    Floats x0;           // [batch, n] or empty
};

// ---------------------------------------------------------------------------------------------
// Device memory

[[noreturn]] void fail_cuda(cudaError_t error, const char* what)
{
    std::fprintf(stderr, "CUDA error in %s: %s\n", what, cudaGetErrorString(error));
    std::exit(2);
}

void check_cuda(cudaError_t error, const char* what)
{
    if (error != cudaSuccess)
        fail_cuda(error, what);
}

class DeviceFloats {
public:
    explicit DeviceFloats(size_t count) : count_(count)
    {
        if (count_ > 0)
            check_cuda(cudaMalloc(&data_, count_ * sizeof(float)), "cudaMalloc");
    }
    explicit DeviceFloats(const Floats& values) : DeviceFloats(values.size())
    {
        if (count_ > 0)
            check_cuda(cudaMemcpy(data_, values.data(), count_ * sizeof(float), cudaMemcpyHostToDevice), "upload");
    }
    DeviceFloats(const DeviceFloats&) = delete;
    DeviceFloats& operator=(const DeviceFloats&) = delete;
    ~DeviceFloats() { cudaFree(data_); }

    float* get() const { return data_; }
    // Every byte 0xff: a NaN in every float.
    void fill_with_nan() const
    {
        if (count_ > 0)
            check_cuda(cudaMemset(data_, 0xff, count_ * sizeof(float)), "cudaMemset");
    }
    Floats download() const
    {
        Floats values(count_);
        if (count_ > 0)
            check_cuda(cudaMemcpy(values.data(), data_, count_ * sizeof(float), cudaMemcpyDeviceToHost), "download");
        return values;
    }

private:
    size_t count_;
    float* data_ = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Random inputs

float uniform(std::mt19937& random, double low, double high)
{
    return float(std::uniform_real_distribution<double>(low, high)(random));
}

double random_sign(std::mt19937& random) { return random() % 2 ? 1.0 : -1.0; }

Floats random_floats(std::mt19937& random, size_t count)
{
    Floats values(count);
    for (float& v : values)
        v = uniform(random, -1, 1);
    return values;
}

// Contractive: |a| in [0, 0.99); expansive: |a| in [0.9, 1.1]. Signs random.
Floats random_diagonal(std::mt19937& random, int64_t n, bool expansive)
{
    Floats a(n);
    for (float& v : a)
        v = float(random_sign(random) * (expansive ? uniform(random, 0.9, 1.1) : uniform(random, 0, 0.99)));
    return a;
}

using Matrix = std::vector<double>; // n x n, row-major

Matrix multiply(const Matrix& x, const Matrix& y, int64_t n)
{
    Matrix product(n * n, 0.0);
    for (int64_t i = 0; i < n; ++i)
        for (int64_t k = 0; k < n; ++k)
            for (int64_t j = 0; j < n; ++j)
                product[i * n + j] += x[i * n + k] * y[k * n + j];
    return product;
}

// The inverse of a unit lower-triangular matrix, by forward substitution.
Matrix invert_unit_lower(const Matrix& lower, int64_t n)
{
    Matrix inverse(n * n, 0.0);
    for (int64_t col = 0; col < n; ++col) {
        inverse[col * n + col] = 1.0;
        for (int64_t row = col + 1; row < n; ++row) {
            double sum = 0;
            for (int64_t k = col; k < row; ++k)
                sum += lower[row * n + k] * inverse[k * n + col];
            inverse[row * n + col] = -sum;
        }
    }
    return inverse;
}

// A dense M = L U L^-1 whose eigenvalues are U's diagonal, chosen here: |λ| in [0.2, 0.95]
// (contractive) or in [0.5, 1.25] with one of exactly 1.25 (expansive), signs random. L is unit
// lower-triangular and U upper-triangular, both with random entries off the diagonal, so M is
// full and not symmetric.
Floats random_matrix(std::mt19937& random, int64_t n, bool expansive)
{
    const double spread = 1.0 / std::sqrt(double(n));
    Matrix lower(n * n, 0.0), upper(n * n, 0.0);
    for (int64_t i = 0; i < n; ++i) {
        lower[i * n + i] = 1.0;
        for (int64_t j = 0; j < i; ++j)
            lower[i * n + j] = 0.5 * spread * uniform(random, -1, 1);
        const double size = expansive ? (i == 0 ? 1.25 : uniform(random, 0.5, 1.25)) : uniform(random, 0.2, 0.95);
        upper[i * n + i] = random_sign(random) * size;
        for (int64_t j = i + 1; j < n; ++j)
            upper[i * n + j] = 0.5 * spread * uniform(random, -1, 1);
    }
    const Matrix m = multiply(multiply(lower, upper, n), invert_unit_lower(lower, n), n);
    return Floats(m.begin(), m.end());
}

Inputs random_inputs(std::mt19937& random, const Case& c)
{
    Inputs in;
    in.coefficients = c.kind == Kind::diagonal ? random_diagonal(random, c.n, c.expansive)
                                               : random_matrix(random, c.n, c.expansive);
    in.b = random_floats(random, size_t(c.batch * c.steps * c.n));
    if (c.with_x0)
        in.x0 = random_floats(random, size_t(c.batch * c.n));
    return in;
}

// ---------------------------------------------------------------------------------------------
// Running the kernels

Floats run_kernel(const Case& c, const Inputs& in)
{
    const DeviceFloats coefficients(in.coefficients), b(in.b), x0(in.x0);
    const DeviceFloats x(in.b.size());
    x.fill_with_nan();
    const float* x0_pointer = c.with_x0 ? x0.get() : nullptr;
    const char* error =
        c.kind == Kind::diagonal
            ? i3::cuda_kernels::diagonal_scan(coefficients.get(), b.get(), x0_pointer, x.get(), c.batch, c.steps,
                                              c.n, c.reverse, nullptr)
            : i3::cuda_kernels::dense_scan(coefficients.get(), b.get(), x0_pointer, x.get(), c.batch, c.steps, c.n,
                                           c.reverse, nullptr);
    if (error) {
        std::fprintf(stderr, "launch failed: %s\n", error);
        return {};
    }
    check_cuda(cudaDeviceSynchronize(), "the scan kernels");
    return x.download();
}

// ---------------------------------------------------------------------------------------------
// Checking the results

// The largest error seen as a fraction of what its bound allows, per bound (1 = at the bound).
struct Worst {
    double diagonal = 0;
    double dense_step = 0;
    double dense_overall = 0;
};

// Compares one value with its bound; NaN fails, as does anything over the bound.
bool within(double value, double expected, double bound, double& worst_ratio)
{
    const double error = std::fabs(value - expected);
    if (!(error <= bound))
        return false;
    if (bound > 0)
        worst_ratio = std::max(worst_ratio, error / bound);
    return true;
}

struct Layout {
    int64_t steps, n;
    bool reverse;
    // Index in b or x of the scan's k-th step, channel i, sequence seq.
    size_t at(int64_t seq, int64_t k, int64_t i) const
    {
        return size_t((seq * steps + (reverse ? steps - 1 - k : k)) * n + i);
    }
};

bool check_diagonal(const Case& c, const Inputs& in, const Floats& x, Worst& worst)
{
    const Layout layout{c.steps, c.n, c.reverse};
    for (int64_t seq = 0; seq < c.batch; ++seq)
        for (int64_t i = 0; i < c.n; ++i) {
            const double a = in.coefficients[i];
            double exact = c.with_x0 ? in.x0[seq * c.n + i] : 0.0;
            double magnitude = std::fabs(exact);
            for (int64_t k = 0; k < c.steps; ++k) {
                const size_t at = layout.at(seq, k, i);
                exact = a * exact + in.b[at];
                magnitude = std::fabs(a) * magnitude + std::fabs(in.b[at]);
                if (!within(x[at], exact, 2 * gamma_bound(2 * k + 4) * magnitude, worst.diagonal)) {
                    std::printf("  seq %lld channel %lld step %lld: got %.9g, expected %.9g\n",
                                static_cast<long long>(seq), static_cast<long long>(i), static_cast<long long>(k),
                                double(x[at]), exact);
                    return false;
                }
            }
        }
    return true;
}

bool check_dense(const Case& c, const Inputs& in, const Floats& x, Worst& worst)
{
    const Layout layout{c.steps, c.n, c.reverse};
    const int64_t n = c.n;
    const Floats& M = in.coefficients;
    const double step_gamma = 2 * gamma_bound(n + 1);
    for (int64_t seq = 0; seq < c.batch; ++seq) {
        std::vector<double> exact(n, 0.0), kernel_previous(n, 0.0), next(n);
        double largest = 0;
        if (c.with_x0)
            for (int64_t i = 0; i < n; ++i) {
                exact[i] = kernel_previous[i] = in.x0[seq * n + i];
                largest = std::max(largest, std::fabs(exact[i]));
            }
        for (int64_t k = 0; k < c.steps; ++k) {
            for (int64_t i = 0; i < n; ++i) {
                const size_t at = layout.at(seq, k, i);
                double from_exact = in.b[at], from_kernel = in.b[at], size = std::fabs(in.b[at]);
                for (int64_t j = 0; j < n; ++j) {
                    from_exact += M[i * n + j] * exact[j];
                    from_kernel += M[i * n + j] * kernel_previous[j];
                    size += std::fabs(M[i * n + j] * kernel_previous[j]);
                }
                next[i] = from_exact;
                if (!within(x[at], from_kernel, step_gamma * size, worst.dense_step)) {
                    std::printf("  seq %lld row %lld step %lld: got %.9g, one exact step from the kernel's "
                                "previous state gives %.9g\n",
                                static_cast<long long>(seq), static_cast<long long>(i), static_cast<long long>(k),
                                double(x[at]), from_kernel);
                    return false;
                }
            }
            exact.swap(next);
            for (int64_t i = 0; i < n; ++i) {
                kernel_previous[i] = x[layout.at(seq, k, i)];
                largest = std::max(largest, std::fabs(exact[i]));
            }
            for (int64_t i = 0; i < n; ++i) {
                const size_t at = layout.at(seq, k, i);
                if (!within(x[at], exact[i], kDenseOverallTolerance * largest, worst.dense_overall)) {
                    std::printf("  seq %lld row %lld step %lld: got %.9g, the double loop gives %.9g\n",
                                static_cast<long long>(seq), static_cast<long long>(i), static_cast<long long>(k),
                                double(x[at]), exact[i]);
                    return false;
                }
            }
        }
    }
    return true;
}

bool run_case(const Case& c, std::mt19937& random, Worst& worst)
{
    const Inputs in = random_inputs(random, c);
    const Floats x = run_kernel(c, in);
    if (x.size() != in.b.size())
        return false;
    return c.kind == Kind::diagonal ? check_diagonal(c, in, x, worst) : check_dense(c, in, x, worst);
}

std::vector<Case> all_cases()
{
    std::vector<Case> cases;
    int64_t counter = 0;
    for (const Kind kind : {Kind::diagonal, Kind::dense})
        for (const int64_t n : {1, 7, 32, 33, 100})
            for (const int64_t steps : {1, 2, 31, 64, 97, 200, 300})
                for (const bool reverse : {false, true})
                    for (const bool with_x0 : {false, true})
                        for (const bool expansive : {false, true}) {
                            // A dense M with eigenvalues of 1.25 outgrows float if run much longer.
                            const int64_t run = kind == Kind::dense && expansive ? std::min<int64_t>(steps, 40) : steps;
                            cases.push_back({kind, 1 + counter++ % 5, run, n, reverse, with_x0, expansive});
                        }
    // The dense scan's other paths: M in shared memory up to n = 240 on an H100/H200 (227 KiB),
    // read from global memory beyond.
    for (const int64_t n : {64, 240, 241, 300, 1024})
        for (const bool reverse : {false, true})
            cases.push_back({Kind::dense, 2, n > 300 ? 12 : 50, n, reverse, true, false});
    // The diagonal scan cut into many chunks, the last one shorter (1000 = 14 x 67 + 62).
    for (const int64_t n : {1, 7})
        for (const bool reverse : {false, true})
            cases.push_back({Kind::diagonal, 1, 1000, n, reverse, true, false});
    // The diagonal scan without chunks, when the (sequence, channel) pairs fill the GPU.
    for (const bool reverse : {false, true})
        cases.push_back({Kind::diagonal, 4, 150, 1 << 16, reverse, true, true});
    return cases;
}

// Empty problems launch nothing and report no error.
bool empty_problems_pass()
{
    using namespace i3::cuda_kernels;
    return !diagonal_scan(nullptr, nullptr, nullptr, nullptr, 0, 5, 4, false, nullptr) &&
           !diagonal_scan(nullptr, nullptr, nullptr, nullptr, 3, 0, 4, true, nullptr) &&
           !dense_scan(nullptr, nullptr, nullptr, nullptr, 0, 5, 4, false, nullptr) &&
           !dense_scan(nullptr, nullptr, nullptr, nullptr, 3, 5, 0, true, nullptr);
}

} // namespace

int main()
{
    int devices = 0;
    if (cudaGetDeviceCount(&devices) != cudaSuccess || devices == 0) {
        std::fprintf(stderr, "no CUDA device: this check needs a GPU\n");
        return 2;
    }
    std::mt19937 random(20240607);
    Worst worst;
    int passed = 0, failed = 0;
    for (const Case& c : all_cases()) {
        if (run_case(c, random, worst)) {
            ++passed;
        } else {
            ++failed;
            std::printf("FAILED: %s\n", c.describe().c_str());
        }
    }
    if (empty_problems_pass()) {
        ++passed;
    } else {
        ++failed;
        std::printf("FAILED: empty problems\n");
    }
    std::printf("largest error / bound: diagonal %.3g, dense step %.3g, dense overall %.3g\n", worst.diagonal,
                worst.dense_step, worst.dense_overall);
    std::printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
