// SPDX-License-Identifier: GPL-3.0-or-later
// Text generation with the reference's semantics (§7) at a fraction of its cost: each prompt runs
// once (prompts of equal length together), then every new token advances the carried hybrid
// states and attention caches of all sequences at once (BatchDecoder; a CUDA graph on a GPU).
// Once a sequence is longer than the context, the reference feeds only the last max_seq_len
// tokens with positions and hybrid state restarting at the window's first token, so from then on
// each of its tokens needs the whole window recomputed; that is what happens here too, for the
// sequences concerned only.
#pragma once

#include "base/cancel_token.h"
#include "text/chunk_tokenizer.h"
#include "model/i3_model.h"
#include "generation/sampler.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace i3 {

class BatchDecoder;

struct GenerationOptions {
    SamplingOptions sampling;
    int64_t max_new_tokens = 100;
    uint64_t seed = 0;                     // sequence r of a batch draws from seed + r
    uint64_t skip_draws = 0;               // draws of each sequence skipped first: a branch picks up
                                           // the stream where the text it branches from had got to
    std::vector<std::string> stop_strings; // a sequence ends once its new text contains one
    bool use_cuda_graph = true;            // on a GPU; off only to measure what it brings
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
    double prefill_seconds = 0; // running the prompts (shared by a batch)
    double decode_seconds = 0;  // everything after (shared by a batch)
    bool cancelled = false;
};

class Generator {
public:
    Generator(I3Model model, const ChunkTokenizer& tokenizer);
    ~Generator();

    // Throws i3::Error for an empty prompt (nothing to condition on), a token outside the
    // vocabulary, or bad sampling options. A prompt longer than the context is kept whole in the
    // text; as in the reference, only its last max_seq_len tokens condition the next one.
    GenerationResult generate(const std::string& prompt, const GenerationOptions& options,
                              const std::function<void(const GeneratedToken&)>& on_token = {},
                              const CancelToken* cancel = nullptr);
    GenerationResult generate_ids(const std::vector<int64_t>& prompt_ids, const GenerationOptions& options,
                                  const std::function<void(const GeneratedToken&)>& on_token = {},
                                  const CancelToken* cancel = nullptr);

    // Several prompts at once; on_token receives the prompt's index. Sequence r gives the same
    // text as generating prompt r alone with seed + r.
    using BatchTokenHandler = std::function<void(size_t prompt, const GeneratedToken&)>;
    std::vector<GenerationResult> generate_batch(const std::vector<std::vector<int64_t>>& prompts,
                                                 const GenerationOptions& options,
                                                 const BatchTokenHandler& on_token = {},
                                                 const CancelToken* cancel = nullptr);

    // Whether the last generation's steps ran as a CUDA graph, and if not, why.
    bool used_cuda_graph() const;
    std::string cuda_graph_note() const;

private:
    struct Sequence;
    void check_prompt(const std::vector<int64_t>& prompt_ids) const;
    BatchDecoder& decoder_for(int64_t batch, const GenerationOptions& options);
    at::Tensor prefill(std::vector<Sequence>& sequences, BatchDecoder& decoder);
    at::Tensor window_logits(const std::vector<Sequence*>& sequences);

    I3Model model_;
    const ChunkTokenizer& tokenizer_;
    std::unique_ptr<BatchDecoder> decoder_; // kept between calls: its buffers and graph are reused
    bool decoder_uses_graph_option_ = true;
};

} // namespace i3
