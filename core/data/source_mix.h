// SPDX-License-Identifier: GPL-3.0-or-later
// Weighted sources mixed into one corpus. With shares p_i = w_i / sum(w), the corpus has T texts,
// the most that lets every source give its share without repeating a text
// (T = min_i floor(count_i / p_i), at most max_texts when that is above 0); source i gives
// n_i = round(p_i * T) of its texts, spread evenly through it (text floor(j * count_i / n_i) for
// j = 0..n_i-1), and the sources are interleaved by position (text j of source i stands at
// (j + 1/2) / n_i of the corpus; ties go to the earlier source), so that any stretch of the
// corpus, the validation tail too, holds the sources in their shares.
#pragma once

#include "data/text_stream.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <queue>
#include <string>
#include <vector>

namespace i3 {

// The mix's texts in corpus order, worked out one at a time (a corpus of millions of texts needs
// no list of them): a merge of the sources' positions.
class MixOrder {
public:
    // `counts[i]` texts in source i, each above 0; `weights[i]` > 0.
    MixOrder(const std::vector<size_t>& counts, const std::vector<double>& weights, size_t max_texts = 0);

    struct Pick {
        size_t source;
        size_t index; // the text's position in its source
    };
    // The next text of the mix; nullopt after the last.
    std::optional<Pick> next();

private:
    struct Placed {
        size_t source;
        size_t index; // among the texts the source gives
        size_t given; // how many texts the source gives
    };
    // Orders the queue so that the text standing first in the corpus is on top.
    struct StandsLater {
        bool operator()(const Placed& a, const Placed& b) const;
    };

    std::vector<size_t> counts_;
    std::priority_queue<Placed, std::vector<Placed>, StandsLater> queue_;
};

// `texts[i]` are the texts of source i, each non-empty; `weights[i]` > 0.
std::vector<std::string> mix_sources(std::vector<std::vector<std::string>> texts, const std::vector<double>& weights,
                                     size_t max_texts = 0);

// Opens source i afresh; the mix reads each source twice, once to count its texts.
using SourceOpener = std::function<std::unique_ptr<TextStream>(size_t source)>;

// The mix of `weights.size()` sources as a stream. The counting happens at the first text;
// a source that gives fewer texts the second time (a file rewritten meanwhile) throws i3::Error.
std::unique_ptr<TextStream> mix_streams(SourceOpener open, std::vector<double> weights, size_t max_texts = 0);

} // namespace i3
