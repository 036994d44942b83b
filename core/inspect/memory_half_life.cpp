// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/memory_half_life.h"

#include "base/error.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace i3 {

HalfLife memory_half_life(std::complex<double> eigenvalue)
{
    const double modulus = std::abs(eigenvalue);
    if (modulus == 0)
        return {Memory::Fades, 0};
    if (modulus == 1)
        return {Memory::Persists, 0};
    if (modulus > 1)
        return {Memory::Grows, 0};
    return {Memory::Fades, std::log(0.5) / std::log(modulus)};
}

std::vector<std::complex<double>> matrix_eigenvalues(const at::Tensor& matrix)
{
    if (matrix.dim() != 2 || matrix.size(0) != matrix.size(1))
        throw Error("eigenvalues need a square matrix");
    const auto values = at::linalg_eigvals(matrix.detach().to(torch::kCPU, torch::kDouble)).contiguous();
    const auto* data = values.data_ptr<c10::complex<double>>();
    std::vector<std::complex<double>> result;
    for (int64_t i = 0; i < values.numel(); ++i)
        result.emplace_back(data[i].real(), data[i].imag());
    // Ties in modulus (conjugate pairs) are ordered by the imaginary part, so the order is fixed.
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) {
        return std::abs(a) != std::abs(b) ? std::abs(a) > std::abs(b) : a.imag() > b.imag();
    });
    return result;
}

} // namespace i3
