// SPDX-License-Identifier: GPL-3.0-or-later
// Text generation with the reference's semantics (§7) at a fraction of its cost: the prompt runs
// once, then each new token advances the carried hybrid states and attention caches. Once the
// sequence is longer than the context, the reference feeds only the last max_seq_len tokens with
// positions and hybrid state restarting at the window's first token, so from then on every token
// needs the whole window recomputed; that is what happens here too.
#pragma once

#include "cancel_token.h"
#include "chunk_tokenizer.h"
#include "i3_model.h"
#include "sampler.h"

#include <functional>
#include <string>
#include <vector>

namespace i3 {

struct GenerationOptions {
    SamplingOptions sampling;
    int64_t max_new_tokens = 100;
    uint64_t seed = 0;
    std::vector<std::string> stop_strings; // generation ends once the new text contains one
};

struct GeneratedToken {
    int64_t id;
    std::string text;
    double probability;
};

struct GenerationResult {
    std::vector<int64_t> prompt_ids;
    std::vector<int64_t> new_ids;
    std::string text;           // decode(prompt + new), as the reference prints it
    double prefill_seconds = 0; // running the prompt
    double decode_seconds = 0;  // everything after
    bool cancelled = false;
};

class Generator {
public:
    Generator(I3Model model, const ChunkTokenizer& tokenizer);

    // Throws i3::Error for an empty prompt (nothing to condition on) or bad sampling options.
    GenerationResult generate(const std::string& prompt, const GenerationOptions& options,
                              const std::function<void(const GeneratedToken&)>& on_token = {},
                              const CancelToken* cancel = nullptr);
    GenerationResult generate_ids(const std::vector<int64_t>& prompt_ids, const GenerationOptions& options,
                                  const std::function<void(const GeneratedToken&)>& on_token = {},
                                  const CancelToken* cancel = nullptr);

private:
    // Last-position logits [V] for the sequence after `sequence` grew by one token.
    at::Tensor advance(const std::vector<int64_t>& sequence, ModelState& state);
    at::Tensor window_logits(const std::vector<int64_t>& sequence);

    I3Model model_;
    const ChunkTokenizer& tokenizer_;
};

} // namespace i3
