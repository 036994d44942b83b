// SPDX-License-Identifier: GPL-3.0-or-later
// `i3lm bench`: speed and memory of the engine on the machine at hand, beside the reference's
// published figures (i3-reference.md §8). Weights are random: speed does not depend on them.
#include "cli_args.h"
#include "cli_bench.h"
#include "cli_commands.h"
#include "cli_ranks.h"
#include "cli_trace.h"
#include "base/device.h"
#include "distributed/gradient_averager.h"
#include "telemetry/device_memory.h"
#include "generation/generator.h"
#include "model/i3_model.h"
#include "telemetry/device_telemetry.h"
#include "telemetry/training_flops.h"
#include "training/trainer.h"
#include "training/training_step.h"

#include <torch/torch.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace i3::cli {

namespace {

struct Setup {
    std::string preset;
    ModelConfig config;
    torch::Device device{torch::kCPU};
};

Setup setup_from(const Arguments& args)
{
    Setup setup;
    setup.preset = args.get("preset", "i3-80m");
    setup.config = ModelConfig::preset(setup.preset);
    setup.config.vocab_size = args.integer("vocab", setup.config.vocab_size);
    setup.config.max_seq_len = args.integer("context", setup.config.max_seq_len);
    setup.config.validate();
    const std::string device = args.get("device", torch::cuda::is_available() ? "cuda" : "cpu");
    setup.device = usable_device(device);
    torch::manual_seed(static_cast<uint64_t>(args.integer("seed", 0)));
    return setup;
}

// The figures of `i3lm bench train`.
struct TrainBench {
    double step_seconds = 0;
    double tokens_per_second = 0; // of every rank together
    double tflops = 0;            // of one rank (one GPU)
    std::optional<PeakRate> peak;
    std::optional<int64_t> peak_memory_bytes; // the CUDA allocator's, over every step
};

void print_train_bench(const TrainBench& bench, const Setup& s, const TrainConfig& config, int64_t batch,
                       const TrainingStep& step, bool as_json, const RankGroup* ranks)
{
    const std::string device = device_display_name(s.device.str());
    const int world = ranks ? ranks->size() : 1;
    if (as_json) {
        nlohmann::json out = {{"preset", s.preset},
                              {"parameters", s.config.parameter_count()},
                              {"batch", batch},
                              {"context", s.config.max_seq_len},
                              {"device", device},
                              {"precision", config.precision},
                              {"checkpoint_activations", config.checkpoint_activations},
                              {"fused_update", step.fused_update()},
                              {"cuda_graph", step.replays_graph()},
                              {"step_seconds", bench.step_seconds},
                              {"tokens_per_second", bench.tokens_per_second},
                              {"flops_per_token", training_flops_per_token(s.config)},
                              {"tflops", bench.tflops}};
        if (bench.peak) {
            out["peak_tflops"] = bench.peak->tflops;
            out["mfu"] = bench.tflops / bench.peak->tflops;
        }
        if (bench.peak_memory_bytes)
            out["peak_memory_bytes"] = *bench.peak_memory_bytes;
        if (ranks) {
            out["ranks"] = world;
            out["backend"] = ranks->backend_name();
        }
        std::cout << out.dump() << '\n';
        return;
    }
    std::printf("train: %s, %lld parameters, batch %lld, context %lld, %s, %s%s, %s update%s\n", s.preset.c_str(),
                static_cast<long long>(s.config.parameter_count()), static_cast<long long>(batch),
                static_cast<long long>(s.config.max_seq_len), device.c_str(), config.precision.c_str(),
                config.checkpoint_activations ? ", activation checkpointing" : "",
                step.fused_update() ? "fused" : "per-tensor", step.replays_graph() ? ", one CUDA graph per step" : "");
    if (!step.graph_note().empty())
        std::printf("%s\n", step.graph_note().c_str());
    if (ranks)
        std::printf("%s (%s), batch %lld on each\n", ranks_in_words(world).c_str(), ranks->backend_name(),
                    static_cast<long long>(batch));
    std::printf("%.4f s per step, %.0f tokens/s, %.3g TFLOP/s%s (%.0f MFLOP per token)\n", bench.step_seconds,
                bench.tokens_per_second, bench.tflops, ranks ? " per rank" : "", training_flops_per_token(s.config) / 1e6);
    if (bench.peak)
        std::printf("model FLOPs utilisation %.1f%% of %.0f TFLOP/s (%s)\n", 100 * bench.tflops / bench.peak->tflops,
                    bench.peak->tflops, bench.peak->source.c_str());
    if (bench.peak_memory_bytes)
        std::printf("peak GPU memory allocated: %.2f GiB\n", static_cast<double>(*bench.peak_memory_bytes) / (1 << 30));
}

int bench_train(const Arguments& args, const Args& raw)
{
    Setup s = setup_from(args);
    // A rank of a data-parallel benchmark (bench_train_on_ranks, or torchrun) takes its own GPU.
    const auto place = rank_place();
    const std::shared_ptr<RankGroup> ranks =
        place ? join_ranks(*place, s.device.str(), "bench", raw, rank_timeout(args)) : nullptr;
    if (ranks)
        s.device = ranks->device();
    const int world = ranks ? ranks->size() : 1;
    const int64_t batch = args.integer("batch", 4);
    const int64_t steps = args.integer("steps", 10);
    const int64_t context = s.config.max_seq_len;
    if (batch <= 0 || steps <= 0)
        throw UsageError("--batch and --steps must be positive");
    TrainConfig config;
    config.precision = args.get("precision", kPrecisionFloat32);
    config.checkpoint_activations = args.has("checkpoint-activations");
    config.device = s.device.str();
    config.validate();
    I3Model model(s.config);
    model->to(s.device);
    model->train();
    auto optimizer = make_optimizer(model, config);
    const std::unique_ptr<GradientAverager> averager =
        ranks ? std::make_unique<GradientAverager>(model->parameters(), ranks) : nullptr;
    if (averager)
        averager->broadcast_parameters();
    TrainingStep step(model, *optimizer, config, args.get("graph", "on") != "off" && !ranks, averager.get());
    const bool cuda = s.device.is_cuda();
    // Every rank's steps lie between the two clock readings: all start and end together.
    const auto all_ranks_here = [&] {
        synchronize_device(cuda);
        if (ranks)
            ranks->sum_values({0});
    };
    // Fresh random tokens every step, made on the device so that no copy from the host is timed.
    const auto next_batch = [&] {
        const auto tokens = torch::randint(0, s.config.vocab_size, {batch, context + 1},
                                           torch::TensorOptions().dtype(torch::kLong).device(s.device));
        return Batch{tokens.narrow(1, 0, context), tokens.narrow(1, 1, context)};
    };
    // The peak counts from before the first step: a recorded graph's memory is allocated while
    // it is recorded, and its replays allocate nothing.
    synchronize_device(cuda);
    reset_cuda_peak_memory();
    // Past the steps before the CUDA graph is recorded, and one replay of it.
    for (int i = 0; i < 4; ++i)
        step.run(next_batch, config.lr);
    all_ranks_here();
    std::optional<ProfilerTrace> trace;
    if (const auto path = args.get("trace"))
        trace.emplace(*path);
    const auto start = BenchClock::now();
    at::Tensor last_loss;
    for (int64_t i = 0; i < steps; ++i)
        last_loss = step.run(next_batch, config.lr).loss;
    all_ranks_here();
    const double seconds = seconds_since(start);
    if (trace)
        trace->save();
    if (!std::isfinite(last_loss.item<double>()))
        throw Error("the benchmark's loss became " + std::to_string(last_loss.item<double>()));

    TrainBench bench;
    bench.step_seconds = seconds / static_cast<double>(steps);
    bench.tokens_per_second = static_cast<double>(world * batch * context * steps) / seconds;
    bench.tflops = bench.tokens_per_second / world * training_flops_per_token(s.config) / 1e12;
    if (args.has("peak-tflops"))
        bench.peak = PeakRate{args.number("peak-tflops", 0), "given with --peak-tflops"};
    else if (cuda)
        bench.peak = known_peak_rate(device_display_name(s.device.str()), config.step_precision() == Precision::BFloat16);
    if (const auto memory = cuda_memory(); cuda && memory)
        bench.peak_memory_bytes = memory->peak_allocated_bytes;
    if (!ranks || ranks->leads())
        print_train_bench(bench, s, config, batch, step, args.has("json"), ranks.get());
    return 0;
}

// One process's figures, then N ranks', from copies of this program.
int bench_train_on_ranks(const Arguments& args, const Args& raw)
{
    const std::string device = args.get("device", torch::cuda::is_available() ? "cuda" : "cpu");
    LaunchPlan plan = launch_plan(args, raw, "bench", device, {"--json", "--graph", "off"});
    const auto folder = std::filesystem::temp_directory_path();
    const std::string stem = "i3lm-bench-" + std::to_string(::getpid());
    const auto alone_output = folder / (stem + "-alone.json"), ranks_output = folder / (stem + "-ranks.json");
    plan.first_rank_output = ranks_output;
    auto read_figures = [](const std::filesystem::path& file) {
        std::ifstream in(file);
        const nlohmann::json figures = nlohmann::json::parse(in, nullptr, false);
        std::filesystem::remove(file);
        if (!figures.is_object())
            throw Error("the benchmark's run left no figures in " + file.string());
        return figures;
    };
    const bool alone = run_alone(plan.arguments, plan.threads_per_rank, alone_output);
    const nlohmann::json one = read_figures(alone_output);
    if (!alone)
        throw Error("the benchmark failed on one process");
    if (const int code = run_launch(plan); code != 0)
        return code;
    nlohmann::json many = read_figures(ranks_output);
    const double single = one.at("tokens_per_second").get<double>(), together = many.at("tokens_per_second").get<double>();
    const double efficiency = together / (plan.ranks_per_node * single);
    many["one_process_tokens_per_second"] = single;
    many["scaling_efficiency"] = efficiency;
    if (args.has("json")) {
        std::cout << many.dump() << '\n';
        return 0;
    }
    std::printf("train: %s, %lld parameters, batch %lld per rank, context %lld, %s, %s, steps eager, %d thread(s) "
                "per process\n",
                many.at("preset").get<std::string>().c_str(), many.at("parameters").get<long long>(),
                many.at("batch").get<long long>(), many.at("context").get<long long>(),
                many.at("device").get<std::string>().c_str(), many.at("precision").get<std::string>().c_str(),
                plan.threads_per_rank);
    std::printf("one process: %.0f tokens/s\n", single);
    std::printf("%s (%s): %.0f tokens/s, %.0f per rank; scaling efficiency %.1f%%\n", ranks_in_words(plan.ranks_per_node).c_str(),
                many.at("backend").get<std::string>().c_str(), together, together / plan.ranks_per_node,
                100 * efficiency);
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
    options.sampling.top_k = args.integer("top-k", 50);
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
    const Arguments args = parse(bench_command(), raw);
    if (args.help || args.positionals.empty()) {
        std::cout << help_text(bench_command());
        return args.help ? 0 : 2;
    }
    if (args.positionals.front() == "train")
        return launches_ranks(args) ? bench_train_on_ranks(args, raw) : bench_train(args, raw);
    if (args.positionals.front() == "generate")
        return bench_generate(args);
    if (args.positionals.front() == "tokenizer")
        return bench_tokenizer(args);
    throw UsageError("unknown benchmark \"" + args.positionals.front() + "\" (train, generate or tokenizer)");
}

} // namespace i3::cli
