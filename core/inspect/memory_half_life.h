// SPDX-License-Identifier: GPL-3.0-or-later
// What the eigenvalues of a hybrid block's A say about its memory: s_t = A s_{t-1} + B u_t
// forgets along an eigenvector by |λ| per step, so a component halves after ln 0.5 / ln |λ|
// steps; with |λ| = 1 it never fades, with |λ| > 1 it grows without bound.
#pragma once

#include <ATen/Tensor.h>

#include <complex>
#include <vector>

namespace i3 {

enum class Memory {
    Fades,    // |λ| < 1: halves every HalfLife::steps steps
    Persists, // |λ| = 1: kept for ever (neither fades nor grows)
    Grows     // |λ| > 1: the state grows along this direction
};

struct HalfLife {
    Memory memory = Memory::Fades;
    double steps = 0; // only for Memory::Fades; 0 for λ = 0 (forgotten at once)
};

HalfLife memory_half_life(std::complex<double> eigenvalue);

// The eigenvalues of a square matrix (LAPACK through LibTorch, in double precision), by
// descending modulus.
std::vector<std::complex<double>> matrix_eigenvalues(const at::Tensor& matrix);

} // namespace i3
