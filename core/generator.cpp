// SPDX-License-Identifier: GPL-3.0-or-later
#include "generator.h"

#include "error.h"

#include <torch/torch.h>

#include <chrono>

namespace i3 {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

at::Tensor ids_tensor(const int64_t* begin, int64_t count, const torch::Device& device)
{
    return torch::from_blob(const_cast<int64_t*>(begin), {1, count}, torch::kLong).to(device);
}

bool ends_generation(const std::string& new_text, const std::vector<std::string>& stop_strings)
{
    for (const auto& stop : stop_strings)
        if (!stop.empty() && new_text.find(stop) != std::string::npos)
            return true;
    return false;
}

} // namespace

Generator::Generator(I3Model model, const ChunkTokenizer& tokenizer) : model_(std::move(model)), tokenizer_(tokenizer)
{
}

at::Tensor Generator::window_logits(const std::vector<int64_t>& sequence)
{
    const int64_t window = model_->config().max_seq_len;
    const int64_t length = static_cast<int64_t>(sequence.size());
    const int64_t first = std::max<int64_t>(0, length - window);
    torch::NoGradGuard no_grad;
    const auto device = model_->embed->weight.device();
    return model_->forward(ids_tensor(sequence.data() + first, length - first, device))[0][-1];
}

at::Tensor Generator::advance(const std::vector<int64_t>& sequence, ModelState& state)
{
    const auto length = static_cast<int64_t>(sequence.size());
    if (length > model_->config().max_seq_len)
        return window_logits(sequence);
    const auto device = model_->embed->weight.device();
    return model_->forward(ids_tensor(sequence.data() + length - 1, 1, device), state)[0][-1];
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
    validate(options.sampling);
    if (prompt_ids.empty())
        throw Error("the prompt is empty: give at least one character to start from");
    for (const int64_t id : prompt_ids)
        if (id < 0 || id >= model_->config().vocab_size)
            throw Error("token id " + std::to_string(id) + " is outside the model's vocabulary");

    model_->eval();
    GenerationResult result;
    result.prompt_ids = prompt_ids;
    std::vector<int64_t> sequence = prompt_ids;
    TokenSampler sampler(options.seed);
    ModelState state = model_->new_state(1);

    auto start = Clock::now();
    at::Tensor logits;
    if (static_cast<int64_t>(sequence.size()) <= model_->config().max_seq_len) {
        torch::NoGradGuard no_grad;
        const auto device = model_->embed->weight.device();
        logits = model_->forward(ids_tensor(sequence.data(), static_cast<int64_t>(sequence.size()), device), state)[0][-1];
    } else {
        logits = window_logits(sequence);
    }
    result.prefill_seconds = seconds_since(start);

    start = Clock::now();
    std::string new_text;
    for (int64_t n = 0; n < options.max_new_tokens; ++n) {
        if (cancel && cancel->cancelled()) {
            result.cancelled = true;
            break;
        }
        const auto choice = sampler.sample(logits, options.sampling);
        sequence.push_back(choice.id);
        result.new_ids.push_back(choice.id);
        const std::string piece = tokenizer_.token_text(choice.id);
        new_text += piece;
        if (on_token)
            on_token({choice.id, piece, choice.probability});
        if (ends_generation(new_text, options.stop_strings) || n + 1 == options.max_new_tokens)
            break;
        logits = advance(sequence, state);
    }
    result.decode_seconds = seconds_since(start);
    std::vector<int64_t> all = prompt_ids;
    all.insert(all.end(), result.new_ids.begin(), result.new_ids.end());
    result.text = tokenizer_.decode(all);
    return result;
}

} // namespace i3
