// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/hybrid_scan.h"

#include "base/error.h"
#include "model/autocast.h"
#include "model/hybrid_scan_cpu.h"
#ifdef I3_WITH_CUDA
#include "model/hybrid_scan_cuda.h"
#endif

#include <torch/torch.h>

namespace i3 {

namespace scan {

namespace {

void check_scan_inputs(const at::Tensor& b, const at::Tensor& x0, int64_t coefficient_size)
{
    if (b.dim() != 3)
        throw Error("scan input must be [batch, time, n]");
    if (coefficient_size != b.size(2))
        throw Error("scan coefficients do not match the state size");
    if (x0.defined() && (x0.dim() != 2 || x0.size(0) != b.size(0) || x0.size(1) != b.size(2)))
        throw Error("scan initial state must be [batch, n]");
}

[[noreturn]] void no_cuda()
{
    throw Error("this build of i3 has no CUDA support (LibTorch without CUDA)");
}

} // namespace

at::Tensor diagonal(const at::Tensor& a, const at::Tensor& b, const at::Tensor& x0, bool reverse)
{
    check_scan_inputs(b, x0, a.numel());
    if (b.is_cuda()) {
#ifdef I3_WITH_CUDA
        return diagonal_cuda(a, b, x0, reverse);
#else
        no_cuda();
#endif
    }
    return diagonal_cpu(a, b, x0, reverse);
}

at::Tensor dense(const at::Tensor& M, const at::Tensor& b, const at::Tensor& x0, bool reverse)
{
    check_scan_inputs(b, x0, M.size(0));
    if (M.dim() != 2 || M.size(0) != M.size(1))
        throw Error("scan matrix must be square");
    if (b.is_cuda()) {
#ifdef I3_WITH_CUDA
        return dense_cuda(M, b, x0, reverse);
#else
        no_cuda();
#endif
    }
    return dense_cpu(M, b, x0, reverse);
}

} // namespace scan

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// x shifted one step later in time, zero first: the "previous state" at every step.
at::Tensor previous_steps(const at::Tensor& x)
{
    return at::constant_pad_nd(x.narrow(1, 0, x.size(1) - 1), {0, 0, 1, 0});
}

at::Tensor sum_over_batch_and_time(const at::Tensor& x) { return x.sum(at::IntArrayRef{0, 1}); }

// [batch, T, n] -> [batch * T, n], for products summed over every position.
at::Tensor positions(const at::Tensor& x) { return x.reshape({-1, x.size(-1)}); }

struct ScanStates {
    at::Tensor h; // [batch, T, d]
    at::Tensor s; // [batch, T, d_state]
};

ScanStates run_states(const at::Tensor& u, const HybridParams& p, const HybridState& start)
{
    ScanStates states;
    states.s = scan::dense(p.A, at::matmul(u, p.B.t()), start.s, false);
    states.h = scan::diagonal(p.w_mix, (1 - p.w_mix) * u, start.h, false);
    return states;
}

at::Tensor output(const ScanStates& states, const HybridParams& p)
{
    return at::matmul(states.s, p.C.t()) + p.D * states.h;
}

class HybridScanFunction : public torch::autograd::Function<HybridScanFunction> {
public:
    static at::Tensor forward(AutogradContext* context, const at::Tensor& u, const at::Tensor& w_mix,
                              const at::Tensor& A, const at::Tensor& B, const at::Tensor& C, const at::Tensor& D)
    {
        const HybridParams p{w_mix, A, B, C, D};
        const ScanStates states = run_states(u, p, {});
        // h is recomputed in backward (one cheap scan) rather than kept: it is as large as u.
        context->save_for_backward({u, w_mix, A, B, C, D, states.s});
        return output(states, p);
    }

    static variable_list backward(AutogradContext* context, variable_list grad_outputs)
    {
        const auto saved = context->get_saved_variables();
        const at::Tensor &u = saved[0], &w = saved[1], &A = saved[2], &B = saved[3], &C = saved[4], &D = saved[5],
                         &s = saved[6];
        const at::Tensor gy = grad_outputs[0].contiguous();
        const at::Tensor h = scan::diagonal(w, (1 - w) * u, {}, false);

        // y = s C^T + D ⊙ h
        const at::Tensor gC = at::matmul(positions(gy).t(), positions(s));
        const at::Tensor gD = sum_over_batch_and_time(gy * h);

        // s_t = A s_{t-1} + B u_t: the gradient flows back through time with A^T.
        const at::Tensor gs = scan::dense(A.t(), at::matmul(gy, C), {}, true);
        const at::Tensor gA = at::matmul(positions(gs).t(), positions(previous_steps(s)));
        const at::Tensor gB = at::matmul(positions(gs).t(), positions(u));

        // h_t = w ⊙ h_{t-1} + (1 - w) ⊙ u_t, likewise with w.
        const at::Tensor gh = scan::diagonal(w, gy * D, {}, true);
        const at::Tensor gw = sum_over_batch_and_time(gh * (previous_steps(h) - u));
        const at::Tensor gu = at::matmul(gs, B) + (1 - w) * gh;
        return {gu, gw, gA, gB, gC, gD};
    }
};

} // namespace

at::Tensor hybrid_scan(const at::Tensor& u, const HybridParams& params)
{
    // The recurrence runs in the weights' precision whatever autocast says: its state carries
    // rounding errors along all of time, and its products (d_state wide) cost little.
    const AutocastScope weights_precision(u.device().type(), std::nullopt);
    return HybridScanFunction::apply(u.to(params.A.scalar_type()), params.w_mix, params.A, params.B, params.C,
                                     params.D);
}

at::Tensor hybrid_scan_with_state(const at::Tensor& u, const HybridParams& params, HybridState& state)
{
    torch::NoGradGuard no_grad;
    const ScanStates states = run_states(u, params, state);
    const int64_t last = u.size(1) - 1;
    state.h = states.h.select(1, last).clone();
    state.s = states.s.select(1, last).clone();
    return output(states, params);
}

} // namespace i3
