// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/token_workbench.h"

#include "base/error.h"
#include "inspect/next_token_distribution.h"

#include <torch/torch.h>

#include <cmath>

namespace i3 {

std::vector<int64_t> TokenSequence::ids() const
{
    std::vector<int64_t> ids;
    for (const auto& token : tokens)
        ids.push_back(token.id);
    return ids;
}

at::Tensor TokenSequence::logits_before(size_t index) const
{
    if (index == 0 || index >= tokens.size())
        throw Error("token " + std::to_string(index) + " has no distribution: a sequence of " +
                    std::to_string(tokens.size()) + " tokens has them for tokens 1 to " +
                    std::to_string(tokens.size() - 1));
    return logits[static_cast<int64_t>(index - 1)];
}

std::optional<double> TokenSequence::prompt_perplexity() const
{
    std::vector<double> probabilities;
    for (size_t i = 1; i < prompt_length && i < tokens.size(); ++i)
        probabilities.push_back(*tokens[i].probability);
    if (probabilities.empty())
        return std::nullopt;
    return perplexity(probabilities);
}

double perplexity(const std::vector<double>& probabilities)
{
    if (probabilities.empty())
        throw Error("perplexity of no tokens");
    double negative_log = 0;
    for (const double p : probabilities)
        negative_log -= std::log(p);
    return std::exp(negative_log / static_cast<double>(probabilities.size()));
}

TokenWorkbench::TokenWorkbench(I3Model model, const ChunkTokenizer& tokenizer)
    : model_(model), tokenizer_(tokenizer), generator_(model, tokenizer)
{
}

TokenSequence TokenWorkbench::generate(const std::string& prompt, const GenerationOptions& options,
                                       const WorkbenchProgress& progress, const CancelToken* cancel)
{
    validate(options.sampling);
    const auto ids = tokenizer_.encode(prompt);
    if (ids.empty())
        throw Error("the prompt is empty: give at least one character to start from");
    const int64_t window = model_->config().max_seq_len;
    const auto length = static_cast<int64_t>(ids.size());
    if (length > window)
        throw Error("the prompt has " + std::to_string(length) + " tokens; the model's context holds " +
                    std::to_string(window));
    std::vector<ScoredToken> fixed;
    for (const int64_t id : ids)
        fixed.push_back({id, tokenizer_.token_text(id), TokenSource::Prompt});
    auto meant = options;
    meant.max_new_tokens = std::min(options.max_new_tokens, window - length);
    meant.skip_draws = 0;
    return continue_from(std::move(fixed), ids.size(), meant, meant.max_new_tokens, progress, cancel);
}

TokenSequence TokenWorkbench::branch(const TokenSequence& from, size_t index, int64_t alternative,
                                     const SamplingOptions& sampling, const WorkbenchProgress& progress,
                                     const CancelToken* cancel)
{
    validate(sampling);
    if (index == 0)
        throw Error("the first token cannot be branched from: nothing before it predicts it");
    if (index >= from.tokens.size())
        throw Error("token " + std::to_string(index) + " is past the end of a sequence of " +
                    std::to_string(from.tokens.size()) + " tokens");
    if (alternative < 0 || alternative >= model_->config().vocab_size)
        throw Error("token id " + std::to_string(alternative) + " is outside the model's vocabulary");

    std::vector<ScoredToken> fixed(from.tokens.begin(), from.tokens.begin() + static_cast<std::ptrdiff_t>(index));
    fixed.push_back({alternative, tokenizer_.token_text(alternative), TokenSource::Picked});
    const size_t prompt_length = std::min(index, from.prompt_length);
    const auto end = static_cast<int64_t>(from.prompt_length) + from.options.max_new_tokens;
    auto options = from.options;
    options.sampling = sampling;
    options.max_new_tokens = end - static_cast<int64_t>(prompt_length);
    // The pick stands where continuation token (index - prompt_length) was: the next token
    // takes the draw after that one.
    options.skip_draws = index - prompt_length + 1;
    return continue_from(std::move(fixed), prompt_length, options, end - static_cast<int64_t>(index) - 1, progress,
                         cancel);
}

TokenSequence TokenWorkbench::continue_from(std::vector<ScoredToken> fixed, size_t prompt_length,
                                            GenerationOptions options, int64_t new_tokens,
                                            const WorkbenchProgress& progress, const CancelToken* cancel)
{
    TokenSequence sequence;
    sequence.tokens = std::move(fixed);
    sequence.prompt_length = prompt_length;
    if (new_tokens > 0) {
        auto sampling = options;
        sampling.max_new_tokens = new_tokens;
        int64_t done = 0;
        const auto result = generator_.generate_ids(
            sequence.ids(), sampling,
            [&](const GeneratedToken& token) {
                ScoredToken scored{token.id, token.text, TokenSource::Sampled};
                scored.sampled_probability = token.probability;
                sequence.tokens.push_back(std::move(scored));
                if (progress)
                    progress(++done, new_tokens);
            },
            cancel);
        sequence.cancelled = result.cancelled;
    }
    options.skip_draws = 0;
    sequence.options = options;
    score(sequence);
    return sequence;
}

void TokenWorkbench::score(TokenSequence& sequence)
{
    torch::NoGradGuard no_grad;
    model_->eval();
    const auto ids = sequence.ids();
    const auto length = static_cast<int64_t>(ids.size());
    const auto input = torch::tensor(ids, torch::kLong).unsqueeze(0).to(model_->embed->weight.device());
    sequence.logits = model_->forward(input)[0].narrow(0, 0, length - 1).to(torch::kCPU, torch::kFloat).contiguous();
    const auto log_probabilities = torch::log_softmax(sequence.logits.to(torch::kDouble), 1);
    for (auto& token : sequence.tokens)
        token.unknown = token.id == tokenizer_.unk_idx();
    for (int64_t t = 1; t < length; ++t) {
        auto& token = sequence.tokens[static_cast<size_t>(t)];
        const auto row = log_probabilities[t - 1];
        const double log_p = row[token.id].item<double>();
        token.probability = std::exp(log_p);
        token.rank = (row > log_p).sum().item<int64_t>() + 1;
        token.entropy_nats = entropy_nats(row.exp());
    }
}

} // namespace i3
