// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_bench.h"

#include "base/allowed_cpus.h"
#include "data/corpus_encoding.h"
#include "data/text_sources.h"
#include "text/chunk_tokenizer.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

namespace i3::cli {

namespace {

// The fastest and the median of repeated timings, in seconds: by the clock, and by the CPU time of
// the process (std::clock), which other programs on the same cores do not lengthen as much.
struct Timings {
    double best = 0;
    double median = 0;
    double cpu_best = 0;
    double cpu_median = 0;
};

template <typename Work>
Timings time_runs(int64_t runs, Work&& work)
{
    std::vector<double> seconds;
    std::vector<double> cpu_seconds;
    for (int64_t i = 0; i < runs; ++i) {
        const std::clock_t cpu_start = std::clock();
        const auto start = BenchClock::now();
        work();
        seconds.push_back(seconds_since(start));
        cpu_seconds.push_back(static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
    }
    std::sort(seconds.begin(), seconds.end());
    std::sort(cpu_seconds.begin(), cpu_seconds.end());
    return {seconds.front(), seconds[seconds.size() / 2], cpu_seconds.front(), cpu_seconds[cpu_seconds.size() / 2]};
}

void print_speed(const char* what, const Timings& timings, double megabytes)
{
    std::printf("%s: %.1f MB/s (%.3f s; median %.3f s, %.1f MB/s); by CPU time %.1f MB/s (%.3f s; median %.3f s)\n",
                what, megabytes / timings.best, timings.best, timings.median, megabytes / timings.median,
                megabytes / timings.cpu_best, timings.cpu_best, timings.cpu_median);
}

} // namespace

int bench_tokenizer(const Arguments& args)
{
    if (args.positionals.size() != 2)
        throw UsageError("give one file of texts: i3lm bench tokenizer FILE");
    const int64_t runs = args.integer("repeat", 3);
    const int64_t threads = args.integer("threads", allowed_cpus());
    if (runs <= 0 || threads <= 0)
        throw UsageError("--repeat and --threads must be positive");
    TextReadOptions options;
    options.text_field = args.get("text-field", "text");
    const auto read_start = BenchClock::now();
    const std::vector<std::string> texts = read_texts(args.positionals[1], options);
    const double read_seconds = seconds_since(read_start);
    const CorpusStats stats = corpus_stats(texts);
    const double megabytes = static_cast<double>(stats.bytes) / 1e6;
    std::printf("tokenizer: %s, %zu texts, %zu characters, %zu bytes (%.2f MB) of text, read in %.3f s\n",
                args.positionals[1].c_str(), stats.texts, stats.characters, stats.bytes, megabytes, read_seconds);
    std::printf("each part timed %lld times: the fastest run, then the median; by the clock, then by CPU time\n",
                static_cast<long long>(runs));

    ChunkTokenizer tokenizer;
    const Timings build = time_runs(runs, [&] { tokenizer = ChunkTokenizer::build(texts); });
    print_speed("build", build, megabytes);
    std::printf("vocabulary: %lld chunks\n", static_cast<long long>(tokenizer.vocab_size()));

    std::vector<int32_t> tokens;
    const Timings one = time_runs(runs, [&] { tokens = encode_corpus(tokenizer, texts, {}, nullptr, 1); });
    print_speed("encode, 1 thread", one, megabytes);
    std::printf("tokens: %zu\n", tokens.size());
    if (threads == 1)
        return 0;
    const std::vector<int32_t> single = tokens;
    const Timings many =
        time_runs(runs, [&] { tokens = encode_corpus(tokenizer, texts, {}, nullptr, static_cast<int>(threads)); });
    const std::string label = "encode, " + std::to_string(threads) + " threads";
    print_speed(label.c_str(), many, megabytes);
    if (tokens == single)
        return 0;
    std::printf("the tokens differ from those of one thread\n");
    return 1;
}

std::optional<Arguments> tokenizer_bench_arguments(const std::vector<std::string>& args)
{
    try {
        Arguments parsed = parse(bench_command(), args);
        if (parsed.help || parsed.positionals.empty() || parsed.positionals.front() != "tokenizer")
            return std::nullopt;
        return parsed;
    } catch (const UsageError&) {
        return std::nullopt;
    }
}

} // namespace i3::cli
