// SPDX-License-Identifier: GPL-3.0-or-later
// `i3lm bench`: speed and memory of the engine on the machine at hand, beside the reference's
// published figures (i3-reference.md §8). Weights are random: speed does not depend on them.
#include "cli_args.h"
#include "cli_commands.h"
#include "base/device.h"
#include "telemetry/device_memory.h"
#include "generation/generator.h"
#include "model/i3_model.h"
#include "training/trainer.h"

#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace i3::cli {

namespace {

using Clock = std::chrono::steady_clock;

const Command kBench{
    "bench",
    "train|generate [options]",
    "Measures the engine. 'train': tokens/s and peak GPU memory of full training steps (forward,\n"
    "backward, clipping, AdamW). 'generate': prompt prefill and new tokens/s with top-k sampling.\n"
    "Figures print beside the reference's own, measured on one H200 (and a 2-core CPU).",
    {
        {"preset", "NAME", "model shape (default i3-80m, vocabulary 35,560)"},
        {"vocab", "N", "vocabulary size (default: the preset's)"},
        {"context", "N", "context window (default: the preset's)"},
        {"device", "D", "cpu or cuda (default: cuda when available)"},
        {"batch", "N", "train: sequences per step (default 4); generate: prompts at once (default 1)"},
        {"steps", "N", "train: timed steps (default 10, after 2 warm-up steps)"},
        {"prompt-tokens", "N", "generate: prompt length (default 16)"},
        {"length", "N", "generate: new tokens per prompt (default 100)"},
        {"graph", "on|off", "generate: record each token's step as a CUDA graph (default on)"},
        {"top_k", "K", "generate: top-k of the sampling (default 50, as the reference's figure)"},
        {"seed", "N", "random seed (default 0)"},
    },
    "The reference (H200, PyTorch 2.11, float32, vocabulary 35,560, context 256): training 591\n"
    "tokens/s at batch 4 and 5,148 at batch 32; generation 14.9 tokens/s at batch 1; on a 2-core\n"
    "CPU about 8 and 0.65."};

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

struct Setup {
    ModelConfig config;
    torch::Device device{torch::kCPU};
};

Setup setup_from(const Arguments& args)
{
    Setup setup;
    setup.config = ModelConfig::preset(args.get("preset", "i3-80m"));
    setup.config.vocab_size = args.integer("vocab", setup.config.vocab_size);
    setup.config.max_seq_len = args.integer("context", setup.config.max_seq_len);
    setup.config.validate();
    const std::string device = args.get("device", torch::cuda::is_available() ? "cuda" : "cpu");
    setup.device = usable_device(device);
    torch::manual_seed(static_cast<uint64_t>(args.integer("seed", 0)));
    return setup;
}

void print_memory(bool cuda)
{
    if (const auto memory = cuda_memory(); cuda && memory)
        std::printf("peak GPU memory allocated: %.2f GiB\n", static_cast<double>(memory->peak_allocated_bytes) / (1 << 30));
}

int bench_train(const Arguments& args)
{
    Setup s = setup_from(args);
    const int64_t batch = args.integer("batch", 4);
    const int64_t steps = args.integer("steps", 10);
    const int64_t context = s.config.max_seq_len;
    if (batch <= 0 || steps <= 0)
        throw UsageError("--batch and --steps must be positive");
    I3Model model(s.config);
    model->to(s.device);
    TrainConfig config;
    auto optimizer = make_optimizer(model, config);
    const bool cuda = s.device.is_cuda();
    auto step = [&] {
        const auto tokens = torch::randint(0, s.config.vocab_size, {batch, context + 1}, torch::kLong).to(s.device);
        optimizer->zero_grad();
        const auto loss = language_model_loss(model->forward(tokens.narrow(1, 0, context)), tokens.narrow(1, 1, context));
        loss.backward();
        torch::nn::utils::clip_grad_norm_(model->parameters(), config.grad_clip);
        optimizer->step();
    };
    for (int i = 0; i < 2; ++i)
        step();
    synchronize_device(cuda);
    reset_cuda_peak_memory();
    const auto start = Clock::now();
    for (int64_t i = 0; i < steps; ++i)
        step();
    synchronize_device(cuda);
    const double seconds = seconds_since(start);
    std::printf("train: %s, %lld parameters, batch %lld, context %lld, %s\n", args.get("preset", "i3-80m").c_str(),
                static_cast<long long>(s.config.parameter_count()), static_cast<long long>(batch),
                static_cast<long long>(context), s.device.str().c_str());
    std::printf("%.4f s per step, %.0f tokens/s\n", seconds / static_cast<double>(steps),
                static_cast<double>(batch * context * steps) / seconds);
    print_memory(cuda);
    return 0;
}

// Distinct prompts of equal length, so every row does the same work.
std::vector<std::vector<int64_t>> bench_prompts(int64_t count, int64_t length, int64_t vocab)
{
    std::vector<std::vector<int64_t>> prompts(static_cast<size_t>(count));
    for (int64_t p = 0; p < count; ++p)
        for (int64_t i = 0; i < length; ++i)
            prompts[static_cast<size_t>(p)].push_back((i * 7919 + p * 104729) % vocab);
    return prompts;
}

int bench_generate(const Arguments& args)
{
    Setup s = setup_from(args);
    const int64_t batch = args.integer("batch", 1);
    const int64_t prompt_tokens = args.integer("prompt-tokens", 16);
    const int64_t length = args.integer("length", 100);
    if (batch <= 0 || prompt_tokens <= 0 || length <= 0)
        throw UsageError("--batch, --prompt-tokens and --length must be positive");
    const std::string graph = args.get("graph", "on");
    if (graph != "on" && graph != "off")
        throw UsageError("--graph takes on or off");
    I3Model model(s.config);
    model->to(s.device);
    const ChunkTokenizer tokenizer = ChunkTokenizer::build({"benchmark"});
    Generator generator(model, tokenizer);
    const auto prompts = bench_prompts(batch, prompt_tokens, s.config.vocab_size);
    GenerationOptions options;
    options.max_new_tokens = length;
    options.use_cuda_graph = graph == "on";
    options.sampling.top_k = args.integer("top_k", 50);
    generator.generate_batch(prompts, options); // warm-up: allocations, kernel choices, graph capture
    const auto results = generator.generate_batch(prompts, options);

    int64_t new_tokens = 0;
    for (const auto& result : results)
        new_tokens += static_cast<int64_t>(result.new_ids.size());
    const double prefill = results.front().prefill_seconds;
    const double decode = results.front().decode_seconds;
    std::printf("generate: %s, %lld parameters, %s, %lld prompt(s) of %lld tokens, %lld new tokens each, "
                "temperature 0.8, top-k %lld\n",
                args.get("preset", "i3-80m").c_str(), static_cast<long long>(s.config.parameter_count()),
                s.device.str().c_str(), static_cast<long long>(batch), static_cast<long long>(prompt_tokens),
                static_cast<long long>(length), static_cast<long long>(options.sampling.top_k));
    std::printf("steps: %s\n", generator.used_cuda_graph() ? "one CUDA graph per token"
                                                          : ("eager (" + generator.cuda_graph_note() + ")").c_str());
    std::printf("prefill %.4f s (%.0f prompt tokens/s)\n", prefill,
                static_cast<double>(batch * prompt_tokens) / prefill);
    std::printf("per token %.3f ms; %.1f new tokens/s per sequence, %.1f in total\n",
                1000 * decode / static_cast<double>(length), static_cast<double>(length) / decode,
                static_cast<double>(new_tokens) / decode);
    std::printf("end to end (prefill + new tokens): %.1f new tokens/s in total\n",
                static_cast<double>(new_tokens) / (prefill + decode));
    return 0;
}

} // namespace

int bench(const Args& raw)
{
    const Arguments args = parse(kBench, raw);
    if (args.help || args.positionals.empty()) {
        std::cout << help_text(kBench);
        return args.help ? 0 : 2;
    }
    if (args.positionals.front() == "train")
        return bench_train(args);
    if (args.positionals.front() == "generate")
        return bench_generate(args);
    throw UsageError("unknown benchmark \"" + args.positionals.front() + "\" (train or generate)");
}

} // namespace i3::cli
