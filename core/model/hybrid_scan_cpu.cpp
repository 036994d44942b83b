// SPDX-License-Identifier: GPL-3.0-or-later
// Plain loops over time. The state is small (d or d_state numbers per sequence), so the work is
// a few multiply-adds per element; the heavy matrix products around the scan run in BLAS.
#include "model/hybrid_scan_cpu.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

namespace i3::scan {

namespace {

// Step order over time: 0..T-1 forward, T-1..0 reverse.
struct TimeOrder {
    int64_t steps;
    bool reverse;
    int64_t at(int64_t i) const { return reverse ? steps - 1 - i : i; }
};

template <typename T>
void diagonal_loop(const T* a, const T* b, const T* x0, T* x, int64_t batch, int64_t steps, int64_t n,
                   bool reverse)
{
    const TimeOrder order{steps, reverse};
    // Work items are (sequence, block of channels): independent recurrences.
    constexpr int64_t kBlock = 256;
    const int64_t blocks = (n + kBlock - 1) / kBlock;
    at::parallel_for(0, batch * blocks, 1, [&](int64_t begin, int64_t end) {
        for (int64_t item = begin; item < end; ++item) {
            const int64_t seq = item / blocks;
            const int64_t first = (item % blocks) * kBlock;
            const int64_t last = std::min(n, first + kBlock);
            const T* previous = x0 ? x0 + seq * n : nullptr;
            for (int64_t i = 0; i < steps; ++i) {
                const int64_t offset = (seq * steps + order.at(i)) * n;
                for (int64_t c = first; c < last; ++c)
                    x[offset + c] = (previous ? a[c] * previous[c] : T(0)) + b[offset + c];
                previous = x + offset;
            }
        }
    });
}

template <typename T>
void dense_loop(const T* M, const T* b, const T* x0, T* x, int64_t batch, int64_t steps, int64_t n, bool reverse)
{
    const TimeOrder order{steps, reverse};
    at::parallel_for(0, batch, 1, [&](int64_t begin, int64_t end) {
        for (int64_t seq = begin; seq < end; ++seq) {
            const T* previous = x0 ? x0 + seq * n : nullptr;
            for (int64_t i = 0; i < steps; ++i) {
                const int64_t offset = (seq * steps + order.at(i)) * n;
                for (int64_t row = 0; row < n; ++row) {
                    T sum = b[offset + row];
                    if (previous) {
                        const T* m = M + row * n;
                        for (int64_t col = 0; col < n; ++col)
                            sum += m[col] * previous[col];
                    }
                    x[offset + row] = sum;
                }
                previous = x + offset;
            }
        }
    });
}

// The state tensor as a raw pointer, or null for "zero state".
template <typename T>
const T* optional_data(const at::Tensor& tensor)
{
    return tensor.defined() ? tensor.data_ptr<T>() : nullptr;
}

} // namespace

at::Tensor diagonal_cpu(const at::Tensor& a, const at::Tensor& b, const at::Tensor& x0, bool reverse)
{
    const auto bc = b.contiguous();
    const auto ac = a.to(b.scalar_type()).contiguous();
    const auto x0c = x0.defined() ? x0.to(b.scalar_type()).contiguous() : x0;
    auto x = at::empty_like(bc);
    AT_DISPATCH_FLOATING_TYPES(bc.scalar_type(), "diagonal_scan_cpu", [&] {
        diagonal_loop<scalar_t>(ac.data_ptr<scalar_t>(), bc.data_ptr<scalar_t>(), optional_data<scalar_t>(x0c),
                                x.data_ptr<scalar_t>(), bc.size(0), bc.size(1), bc.size(2), reverse);
    });
    return x;
}

at::Tensor dense_cpu(const at::Tensor& M, const at::Tensor& b, const at::Tensor& x0, bool reverse)
{
    const auto bc = b.contiguous();
    const auto Mc = M.to(b.scalar_type()).contiguous();
    const auto x0c = x0.defined() ? x0.to(b.scalar_type()).contiguous() : x0;
    auto x = at::empty_like(bc);
    AT_DISPATCH_FLOATING_TYPES(bc.scalar_type(), "dense_scan_cpu", [&] {
        dense_loop<scalar_t>(Mc.data_ptr<scalar_t>(), bc.data_ptr<scalar_t>(), optional_data<scalar_t>(x0c),
                             x.data_ptr<scalar_t>(), bc.size(0), bc.size(1), bc.size(2), reverse);
    });
    return x;
}

} // namespace i3::scan
