// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/source_mix.h"

#include "base/error.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace i3 {

namespace {

// Guards floor(count / share) against a share that is a hair above its true value (0.3 as a double).
constexpr double kRoundingSlack = 1e-9;

struct Placed {
    size_t source;
    size_t index; // among the texts the source gives
    size_t given; // how many texts the source gives
};

// Whether a stands before b: (2 * a.index + 1) / (2 * a.given) < (2 * b.index + 1) / (2 * b.given), exactly.
bool before(const Placed& a, const Placed& b)
{
    const auto left = static_cast<unsigned long long>(2 * a.index + 1) * b.given;
    const auto right = static_cast<unsigned long long>(2 * b.index + 1) * a.given;
    return left != right ? left < right : a.source < b.source;
}

} // namespace

std::vector<std::string> mix_sources(std::vector<std::vector<std::string>> texts, const std::vector<double>& weights,
                                     size_t max_texts)
{
    if (texts.empty() || texts.size() != weights.size())
        throw Error("mixing sources needs one weight per source");
    const double total_weight = std::accumulate(weights.begin(), weights.end(), 0.0);
    double total = max_texts > 0 ? static_cast<double>(max_texts) : INFINITY;
    for (size_t i = 0; i < texts.size(); ++i)
        total = std::min(total, std::floor(static_cast<double>(texts[i].size()) * total_weight / weights[i] + kRoundingSlack));

    std::vector<Placed> placed;
    for (size_t i = 0; i < texts.size(); ++i) {
        const auto given = std::min(texts[i].size(), static_cast<size_t>(std::llround(weights[i] / total_weight * total)));
        for (size_t j = 0; j < given; ++j)
            placed.push_back({i, j, given});
    }
    std::sort(placed.begin(), placed.end(), before);
    std::vector<std::string> mixed;
    mixed.reserve(placed.size());
    for (const Placed& text : placed) {
        auto& source = texts[text.source];
        mixed.push_back(std::move(source[text.index * source.size() / text.given]));
    }
    return mixed;
}

} // namespace i3
