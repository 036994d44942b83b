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

// The texts of the sources, once counted, in the mix's order.
class MixStream : public TextStream {
public:
    MixStream(SourceOpener open, std::vector<double> weights, size_t max_texts)
        : open_(std::move(open)), weights_(std::move(weights)), max_texts_(max_texts)
    {
    }

    std::optional<std::string_view> next() override
    {
        if (!order_)
            start();
        const std::optional<MixOrder::Pick> pick = order_->next();
        if (!pick)
            return std::nullopt;
        Source& source = sources_[pick->source];
        for (; source.position < pick->index; ++source.position)
            take(source);
        ++source.position;
        return take(source);
    }

    uint64_t bytes_read() const override
    {
        uint64_t bytes = 0;
        for (const Source& source : sources_)
            bytes += source.texts->bytes_read();
        return bytes;
    }

private:
    struct Source {
        std::unique_ptr<TextStream> texts;
        size_t count = 0;
        size_t position = 0; // texts taken from it so far
    };

    void start()
    {
        std::vector<size_t> counts;
        for (size_t i = 0; i < weights_.size(); ++i) {
            const std::unique_ptr<TextStream> counted = open_(i);
            size_t count = 0;
            while (counted->next())
                ++count;
            counts.push_back(count);
        }
        order_.emplace(counts, weights_, max_texts_);
        for (size_t i = 0; i < weights_.size(); ++i)
            sources_.push_back({open_(i), counts[i], 0});
    }

    static std::string_view take(Source& source)
    {
        const std::optional<std::string_view> text = source.texts->next();
        if (!text)
            throw Error("a source of the mix gave fewer texts than when it was counted; was a file changed "
                        "while it was read?");
        return *text;
    }

    SourceOpener open_;
    std::vector<double> weights_;
    size_t max_texts_;
    std::optional<MixOrder> order_;
    std::vector<Source> sources_;
};

} // namespace

// Whether a stands after b: (2 * a.index + 1) / (2 * a.given) > (2 * b.index + 1) / (2 * b.given),
// exactly, ties going to the earlier source.
bool MixOrder::StandsLater::operator()(const Placed& a, const Placed& b) const
{
    const auto left = static_cast<unsigned long long>(2 * a.index + 1) * b.given;
    const auto right = static_cast<unsigned long long>(2 * b.index + 1) * a.given;
    return left != right ? left > right : a.source > b.source;
}

MixOrder::MixOrder(const std::vector<size_t>& counts, const std::vector<double>& weights, size_t max_texts)
    : counts_(counts)
{
    if (counts.empty() || counts.size() != weights.size())
        throw Error("mixing sources needs one weight per source");
    const double total_weight = std::accumulate(weights.begin(), weights.end(), 0.0);
    double total = max_texts > 0 ? static_cast<double>(max_texts) : INFINITY;
    for (size_t i = 0; i < counts.size(); ++i)
        total = std::min(total, std::floor(static_cast<double>(counts[i]) * total_weight / weights[i] + kRoundingSlack));
    for (size_t i = 0; i < counts.size(); ++i) {
        const auto given = std::min(counts[i], static_cast<size_t>(std::llround(weights[i] / total_weight * total)));
        if (given > 0)
            queue_.push({i, 0, given});
    }
}

std::optional<MixOrder::Pick> MixOrder::next()
{
    if (queue_.empty())
        return std::nullopt;
    const Placed text = queue_.top();
    queue_.pop();
    if (text.index + 1 < text.given)
        queue_.push({text.source, text.index + 1, text.given});
    return Pick{text.source, text.index * counts_[text.source] / text.given};
}

std::vector<std::string> mix_sources(std::vector<std::vector<std::string>> texts, const std::vector<double>& weights,
                                     size_t max_texts)
{
    std::vector<size_t> counts;
    for (const auto& source : texts)
        counts.push_back(source.size());
    MixOrder order(counts, weights, max_texts);
    std::vector<std::string> mixed;
    while (const std::optional<MixOrder::Pick> pick = order.next())
        mixed.push_back(std::move(texts[pick->source][pick->index]));
    return mixed;
}

std::unique_ptr<TextStream> mix_streams(SourceOpener open, std::vector<double> weights, size_t max_texts)
{
    return std::make_unique<MixStream>(std::move(open), std::move(weights), max_texts);
}

} // namespace i3
