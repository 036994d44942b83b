// SPDX-License-Identifier: GPL-3.0-or-later
#include "token_reference.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace i3test {

i3::I3Model peaked_model(int64_t vocab_size, uint64_t seed)
{
    auto config = i3::ModelConfig::preset("tiny");
    config.vocab_size = vocab_size;
    config.d_model = 32;
    config.n_heads = 4;
    config.max_seq_len = 40;
    config.hybrid_layers = 2;
    config.attn_layers = 1;
    config.d_state = 6;
    torch::manual_seed(seed);
    i3::I3Model model(config);
    torch::NoGradGuard no_grad;
    for (auto& p : model->parameters())
        p.add_(torch::randn_like(p) * 0.3);
    model->eval();
    return model;
}

std::vector<std::vector<double>> reference_distributions(i3::I3Model& model, const std::vector<int64_t>& ids)
{
    torch::NoGradGuard no_grad;
    const auto logits = model->forward(torch::tensor(ids, torch::kLong).unsqueeze(0))[0].to(torch::kDouble);
    std::vector<std::vector<double>> rows;
    for (int64_t t = 0; t < logits.size(0); ++t) {
        std::vector<double> row(static_cast<size_t>(logits.size(1)));
        for (size_t v = 0; v < row.size(); ++v)
            row[v] = logits[t][static_cast<int64_t>(v)].item<double>();
        const double top = *std::max_element(row.begin(), row.end());
        double total = 0;
        for (auto& value : row)
            total += (value = std::exp(value - top));
        for (auto& value : row)
            value /= total;
        rows.push_back(row);
    }
    return rows;
}

double entropy_by_hand(const std::vector<double>& p)
{
    double sum = 0;
    for (const double value : p)
        if (value > 0)
            sum -= value * std::log(value);
    return sum;
}

std::vector<double> cut_by_hand(const std::vector<double>& model, double temperature, int64_t k, double p)
{
    std::vector<double> tempered(model.size());
    double total = 0;
    for (size_t v = 0; v < model.size(); ++v)
        total += (tempered[v] = std::pow(model[v], 1.0 / temperature));
    for (auto& value : tempered)
        value /= total;
    std::vector<size_t> order(model.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return tempered[a] > tempered[b]; });
    const size_t keep_k = k > 0 ? std::min<size_t>(size_t(k), order.size()) : order.size();
    double kept_total = 0;
    for (size_t i = 0; i < keep_k; ++i)
        kept_total += tempered[order[i]];
    // A token stays while the probability ranked above it is still short of p.
    std::vector<double> kept(model.size(), 0.0);
    double before = 0;
    for (size_t i = 0; i < keep_k && before < p; ++i) {
        const double share = tempered[order[i]] / kept_total;
        kept[order[i]] = share;
        before += share;
    }
    for (auto& value : kept)
        value /= before;
    return kept;
}

} // namespace i3test
