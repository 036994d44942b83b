// SPDX-License-Identifier: GPL-3.0-or-later
// The token workbench: a prompt and its continuation, token by token, with what the model thought
// of each. Prompt tokens are scored by teacher forcing (one forward pass over the whole text);
// continuation tokens are sampled by the Generator, which also says with which probability the
// sampler drew each. Every position's logits are kept, so a view can recompute the distribution
// under other sampling settings without running the model again. A branch replaces one token by
// an alternative and samples on from there with the same seed.
//
// The workbench covers one context window: prompt and continuation together hold at most
// max_seq_len tokens, so the scoring pass sees exactly what generation saw.
#pragma once

#include "base/cancel_token.h"
#include "generation/generator.h"
#include "model/i3_model.h"
#include "text/chunk_tokenizer.h"

#include <ATen/Tensor.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

enum class TokenSource { Prompt, Sampled, Picked };

struct ScoredToken {
    int64_t id = 0;
    std::string text; // the chunk, as the tokenizer decodes it
    TokenSource source = TokenSource::Prompt;
    bool unknown = false; // the tokenizer's unknown token: the text here has no chunk in the vocabulary
    // Under the model (temperature 1, nothing cut) given the tokens before; none for the first
    // token, which nothing comes before.
    std::optional<double> probability;
    std::optional<double> sampled_probability; // Sampled tokens: what the sampler drew it with
    int64_t rank = 0;                           // 1: the model's most probable token there; 0 for the first
    double entropy_nats = 0;                    // of the model's distribution at this position
};

struct TokenSequence {
    std::vector<ScoredToken> tokens;
    size_t prompt_length = 0;   // tokens[0 .. prompt_length) came from the prompt
    at::Tensor logits;          // [tokens - 1, V] float on the CPU: row t predicts tokens[t + 1]
    GenerationOptions options;  // what the continuation was sampled with
    bool cancelled = false;

    std::vector<int64_t> ids() const;
    // The logits token `index` (at least 1) was predicted from.
    at::Tensor logits_before(size_t index) const;
    // exp(mean of -ln p) over the prompt's tokens after the first; none with fewer than two.
    std::optional<double> prompt_perplexity() const;
};

// exp(mean of -ln p) of the probabilities; throws i3::Error for none.
double perplexity(const std::vector<double>& probabilities);

// (tokens done, tokens to do) while a continuation is sampled.
using WorkbenchProgress = std::function<void(int64_t done, int64_t total)>;

class TokenWorkbench {
public:
    TokenWorkbench(I3Model model, const ChunkTokenizer& tokenizer);

    // The prompt scored, then options.max_new_tokens sampled after it, fewer when the context
    // would overflow. Throws i3::Error for an empty prompt, one that fills the context, or bad
    // sampling options. Stopped by `cancel`, it scores what it has and says so (cancelled).
    TokenSequence generate(const std::string& prompt, const GenerationOptions& options,
                           const WorkbenchProgress& progress = {}, const CancelToken* cancel = nullptr);

    // `from` up to token `index`, then `alternative` in its place, then sampled on with
    // `sampling`, from's seed, until the continuation is as long as from's was meant to be. A
    // branch inside the prompt ends the prompt before `index`. The draws go on from where
    // `from`'s had got to, so picking the token that was there with from's sampling gives `from`
    // again, and a seed always gives the same branch. Throws i3::Error for index 0 (nothing
    // before it predicts it), an index past the end, an alternative outside the vocabulary, or
    // bad sampling options.
    TokenSequence branch(const TokenSequence& from, size_t index, int64_t alternative, const SamplingOptions& sampling,
                         const WorkbenchProgress& progress = {}, const CancelToken* cancel = nullptr);

private:
    // `fixed` (the prompt, or a branch's tokens up to its pick) with `new_tokens` sampled after it.
    TokenSequence continue_from(std::vector<ScoredToken> fixed, size_t prompt_length, GenerationOptions options,
                                int64_t new_tokens, const WorkbenchProgress& progress, const CancelToken* cancel);
    // Every position's logits and probabilities from one forward pass over the sequence.
    void score(TokenSequence& sequence);

    I3Model model_;
    const ChunkTokenizer& tokenizer_;
    Generator generator_;
};

} // namespace i3
