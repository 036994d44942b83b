// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/generator.h"

#include "generation/batch_decoder.h"
#include "base/error.h"

#include <torch/torch.h>

#include <chrono>
#include <map>

namespace i3 {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

bool ends_generation(const std::string& new_text, const std::vector<std::string>& stop_strings)
{
    for (const auto& stop : stop_strings)
        if (!stop.empty() && new_text.find(stop) != std::string::npos)
            return true;
    return false;
}

bool same_sampling(const SamplingOptions& a, const SamplingOptions& b)
{
    return a.temperature == b.temperature && a.top_k == b.top_k && a.top_p == b.top_p;
}

} // namespace

struct Generator::Sequence {
    size_t index = 0;
    std::vector<int64_t> ids; // prompt + new tokens
    DrawSource draws;
    std::string new_text;
    GenerationResult result;
    bool done = false;

    Sequence(size_t index, const std::vector<int64_t>& prompt, uint64_t seed, uint64_t skip_draws)
        : index(index), ids(prompt), draws(seed)
    {
        draws.skip(skip_draws);
        result.prompt_ids = prompt;
    }
    int64_t length() const { return static_cast<int64_t>(ids.size()); }
};

Generator::Generator(I3Model model, const ChunkTokenizer& tokenizer) : model_(std::move(model)), tokenizer_(tokenizer)
{
}

Generator::~Generator() = default;

bool Generator::used_cuda_graph() const { return decoder_ && decoder_->uses_cuda_graph(); }

std::string Generator::cuda_graph_note() const { return decoder_ ? decoder_->graph_note() : "nothing generated yet"; }

void Generator::check_prompt(const std::vector<int64_t>& prompt_ids) const
{
    if (prompt_ids.empty())
        throw Error("the prompt is empty: give at least one character to start from");
    for (const int64_t id : prompt_ids)
        if (id < 0 || id >= model_->config().vocab_size)
            throw Error("token id " + std::to_string(id) + " is outside the model's vocabulary");
}

BatchDecoder& Generator::decoder_for(int64_t batch, const GenerationOptions& options)
{
    if (!decoder_ || decoder_->batch() != batch || !same_sampling(decoder_->options(), options.sampling) ||
        decoder_uses_graph_option_ != options.use_cuda_graph) {
        decoder_.reset();
        decoder_ = std::make_unique<BatchDecoder>(model_, batch, options.sampling, options.use_cuda_graph);
        decoder_uses_graph_option_ = options.use_cuda_graph;
    }
    return *decoder_;
}

// Last-position logits of the last max_seq_len tokens, run from scratch (the reference's window).
at::Tensor Generator::window_logits(const std::vector<Sequence*>& sequences)
{
    const int64_t window = model_->config().max_seq_len;
    auto windows = torch::empty({static_cast<int64_t>(sequences.size()), window}, torch::kLong);
    for (size_t i = 0; i < sequences.size(); ++i) {
        const auto& ids = sequences[i]->ids;
        std::copy(ids.end() - window, ids.end(), windows[static_cast<int64_t>(i)].data_ptr<int64_t>());
    }
    return model_->forward(windows.to(model_->embed->weight.device())).select(1, window - 1);
}

// Runs every prompt, those of equal length together, leaving each row's state in the decoder;
// returns the logits [rows, vocab] for each row's first new token.
at::Tensor Generator::prefill(std::vector<Sequence>& sequences, BatchDecoder& decoder)
{
    const auto device = model_->embed->weight.device();
    const int64_t window = model_->config().max_seq_len;
    auto logits = torch::empty({static_cast<int64_t>(sequences.size()), model_->config().vocab_size},
                               model_->embed->weight.options().requires_grad(false));
    std::map<int64_t, std::vector<Sequence*>> by_length;
    std::vector<Sequence*> too_long;
    for (auto& sequence : sequences)
        (sequence.length() <= window ? by_length[sequence.length()] : too_long).push_back(&sequence);

    for (const auto& [length, group] : by_length) {
        auto prompts = torch::empty({static_cast<int64_t>(group.size()), length}, torch::kLong);
        for (size_t i = 0; i < group.size(); ++i)
            std::copy(group[i]->ids.begin(), group[i]->ids.end(), prompts[static_cast<int64_t>(i)].data_ptr<int64_t>());
        ModelState state = model_->new_state(static_cast<int64_t>(group.size()));
        const auto last = model_->forward(prompts.to(device), state).select(1, length - 1);
        for (size_t i = 0; i < group.size(); ++i) {
            decoder.load_row(static_cast<int64_t>(group[i]->index), state, static_cast<int64_t>(i));
            logits[static_cast<int64_t>(group[i]->index)].copy_(last[static_cast<int64_t>(i)]);
        }
    }
    if (!too_long.empty()) {
        const auto last = window_logits(too_long);
        for (size_t i = 0; i < too_long.size(); ++i)
            logits[static_cast<int64_t>(too_long[i]->index)].copy_(last[static_cast<int64_t>(i)]);
    }
    return logits;
}

GenerationResult Generator::generate(const std::string& prompt, const GenerationOptions& options,
                                     const std::function<void(const GeneratedToken&)>& on_token,
                                     const CancelToken* cancel)
{
    return generate_ids(tokenizer_.encode(prompt), options, on_token, cancel);
}

GenerationResult Generator::generate_ids(const std::vector<int64_t>& prompt_ids, const GenerationOptions& options,
                                         const std::function<void(const GeneratedToken&)>& on_token,
                                         const CancelToken* cancel)
{
    BatchTokenHandler handler;
    if (on_token)
        handler = [&](size_t, const GeneratedToken& token) { on_token(token); };
    return generate_batch({prompt_ids}, options, handler, cancel).front();
}

std::vector<GenerationResult> Generator::generate_batch(const std::vector<std::vector<int64_t>>& prompts,
                                                        const GenerationOptions& options,
                                                        const BatchTokenHandler& on_token, const CancelToken* cancel)
{
    validate(options.sampling);
    if (prompts.empty())
        throw Error("no prompts to generate from");
    for (const auto& prompt : prompts)
        check_prompt(prompt);

    torch::NoGradGuard no_grad;
    model_->eval();
    const int64_t window = model_->config().max_seq_len;
    const auto rows = static_cast<int64_t>(prompts.size());
    std::vector<Sequence> sequences;
    for (size_t i = 0; i < prompts.size(); ++i)
        sequences.emplace_back(i, prompts[i], options.seed + i, options.skip_draws);
    BatchDecoder& decoder = decoder_for(rows, options);
    decoder.refresh_weights(); // the model may have trained on since the decoder was made

    auto start = Clock::now();
    auto first_logits = prefill(sequences, decoder);
    const double prefill_seconds = seconds_since(start);

    start = Clock::now();
    std::vector<double> draws(static_cast<size_t>(rows));
    auto take_draws = [&] {
        for (auto& sequence : sequences)
            draws[sequence.index] = sequence.done ? 0.0 : sequence.draws.next();
    };
    take_draws();
    const auto first = sample_rows(first_logits, torch::tensor(draws, first_logits.options().dtype(torch::kDouble)),
                                   options.sampling);
    BatchDecoder::Step step;
    const auto first_ids = first.ids.to(torch::kCPU);
    const auto first_probabilities = first.probabilities.to(torch::kCPU);
    for (int64_t row = 0; row < rows; ++row) {
        step.ids.push_back(first_ids[row].item<int64_t>());
        step.probabilities.push_back(first_probabilities[row].item<double>());
    }

    bool cancelled = false;
    for (int64_t n = 0; n < options.max_new_tokens; ++n) {
        if (cancel && cancel->cancelled()) {
            cancelled = true;
            break;
        }
        bool all_done = true;
        for (auto& sequence : sequences) {
            if (sequence.done)
                continue;
            const int64_t id = step.ids[sequence.index];
            sequence.ids.push_back(id);
            sequence.result.new_ids.push_back(id);
            const std::string piece = tokenizer_.token_text(id);
            sequence.new_text += piece;
            if (on_token)
                on_token(sequence.index, {id, piece, step.probabilities[sequence.index]});
            sequence.done = ends_generation(sequence.new_text, options.stop_strings) || n + 1 == options.max_new_tokens;
            all_done = all_done && sequence.done;
        }
        if (all_done)
            break;

        std::vector<int64_t> tokens, positions;
        std::vector<Sequence*> past_window;
        for (auto& sequence : sequences) {
            tokens.push_back(sequence.ids.back());
            positions.push_back(std::min(sequence.length() - 1, window - 1));
            if (!sequence.done && sequence.length() > window)
                past_window.push_back(&sequence);
        }
        take_draws();
        step = decoder.step(tokens, positions, draws);
        if (!past_window.empty()) {
            std::vector<double> their_draws;
            for (const auto* sequence : past_window)
                their_draws.push_back(draws[sequence->index]);
            const auto logits = window_logits(past_window);
            const auto chosen = sample_rows(logits, torch::tensor(their_draws, logits.options().dtype(torch::kDouble)),
                                            options.sampling);
            const auto ids = chosen.ids.to(torch::kCPU);
            const auto probabilities = chosen.probabilities.to(torch::kCPU);
            for (size_t i = 0; i < past_window.size(); ++i) {
                step.ids[past_window[i]->index] = ids[static_cast<int64_t>(i)].item<int64_t>();
                step.probabilities[past_window[i]->index] = probabilities[static_cast<int64_t>(i)].item<double>();
            }
        }
    }
    const double decode_seconds = seconds_since(start);

    std::vector<GenerationResult> results;
    for (auto& sequence : sequences) {
        GenerationResult& result = sequence.result;
        result.text = tokenizer_.decode(sequence.ids);
        result.prefill_seconds = prefill_seconds;
        result.decode_seconds = decode_seconds;
        result.cancelled = cancelled;
        results.push_back(std::move(result));
    }
    return results;
}

} // namespace i3
