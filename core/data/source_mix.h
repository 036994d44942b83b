// SPDX-License-Identifier: GPL-3.0-or-later
// Weighted sources mixed into one corpus. With shares p_i = w_i / sum(w), the corpus has T texts,
// the most that lets every source give its share without repeating a text
// (T = min_i floor(count_i / p_i), at most max_texts when that is above 0); source i gives
// n_i = round(p_i * T) of its texts, spread evenly through it (text floor(j * count_i / n_i) for
// j = 0..n_i-1), and the sources are interleaved by position (text j of source i stands at
// (j + 1/2) / n_i of the corpus; ties go to the earlier source), so that any stretch of the
// corpus, the validation tail too, holds the sources in their shares.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace i3 {

// `texts[i]` are the texts of source i, each non-empty; `weights[i]` > 0.
std::vector<std::string> mix_sources(std::vector<std::vector<std::string>> texts, const std::vector<double>& weights,
                                     size_t max_texts = 0);

} // namespace i3
