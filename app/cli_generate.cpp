// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_args.h"
#include "cli_commands.h"
#include "cli_hub.h"
#include "cli_input.h"
#include "cli_interrupt.h"
#include "base/error.h"
#include "generation/generator.h"
#include "model/model_artifacts.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

namespace i3::cli {

namespace {

const Command kGenerate{
    "generate",
    "--model DIR|REPO [--prompt TEXT | --prompts FILE] [--temp 0.8] [--top-k 50] [--top-p 1] [--length 100] [--seed N] [--stream]",
    "Generates text the way the reference inference.py does: at most the last max_seq_len tokens are\n"
    "seen, the last logits are divided by the temperature, logits below the k-th largest are dropped,\n"
    "and a token is drawn. With --prompt the text (prompt plus continuation, as decoded by the\n"
    "tokenizer, so lowercased) goes to stdout and a stats line to stderr; without it, an interactive\n"
    "loop reads prompts until 'quit', 'exit' or end of input.",
    {
        model_option(),
        model_dir_option(),
        {"prompt", "TEXT", "generate once from TEXT and exit"},
        {"prompts", "FILE", "generate from every non-empty line of FILE (- for the standard input) at once\n"
                            "(one batch); each text on its own line, in order; line r uses seed + r"},
        {"temp", "X", "temperature, > 0 (default 0.8)"},
        {"top-k", "K", "keep the K most likely tokens (default 50; 1 = greedy; 0 or >= vocabulary = all)"},
        {"top-p", "P", "then keep the most likely tokens up to probability P, in (0, 1] (default 1 = off)"},
        {"length", "N", "new tokens (default 100)"},
        {"seed", "N", "random seed; the same seed gives the same text (default: from the clock)"},
        {"stream", "", "print tokens as they are made"},
        {"device", "D", "cpu or cuda (default cpu)"},
    },
    "Characters the vocabulary lacks fall back to shorter chunks or to the unknown token. An empty\n"
    "prompt is refused; a prompt longer than the context is cut to its last max_seq_len tokens, as\n"
    "in the reference."};

GenerationOptions options_from(const Arguments& args)
{
    GenerationOptions options;
    options.sampling.temperature = args.number("temp", 0.8);
    options.sampling.top_k = args.integer("top-k", 50);
    options.sampling.top_p = args.number("top-p", 1.0);
    options.max_new_tokens = args.integer("length", 100);
    if (options.max_new_tokens < 0)
        throw UsageError("--length cannot be negative");
    options.seed = args.has("seed") ? static_cast<uint64_t>(args.integer("seed", 0))
                                    : static_cast<uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
    validate(options.sampling);
    return options;
}

void generate_once(Generator& generator, const ChunkTokenizer& tokenizer, const std::string& prompt, const CancelToken& cancel,
                   const GenerationOptions& options, bool stream)
{
    std::function<void(const GeneratedToken&)> on_token;
    if (stream) {
        // The prompt as the model sees it (lowercased, unknown characters marked), then each token.
        std::cout << tokenizer.decode(tokenizer.encode(prompt)) << std::flush;
        on_token = [](const GeneratedToken& token) {
            std::cout << token.text << std::flush;
            throw_if_output_failed(); // a full disk or a closed pipe: no point making more
        };
    }
    const GenerationResult result = generator.generate(prompt, options, on_token, &cancel);
    if (stream)
        std::cout << '\n';
    else
        std::cout << result.text << '\n';
    const double rate = result.decode_seconds > 0 ? static_cast<double>(result.new_ids.size()) / result.decode_seconds : 0;
    char stats[200];
    std::snprintf(stats, sizeof stats, "[%zu prompt tokens in %.3f s, %zu new tokens in %.3f s: %.1f tokens/s]",
                  result.prompt_ids.size(), result.prefill_seconds, result.new_ids.size(), result.decode_seconds, rate);
    std::cerr << stats << std::endl;
}

void generate_batch_file(Generator& generator, const ChunkTokenizer& tokenizer, const std::string& file,
                         const GenerationOptions& options, const CancelToken& cancel)
{
    std::istringstream lines(read_input(file));
    std::vector<std::vector<int64_t>> prompts;
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (!line.empty())
            prompts.push_back(tokenizer.encode(line));
    }
    if (prompts.empty())
        throw Error(input_name(file) + " has no prompt (one per line)");
    const auto results = generator.generate_batch(prompts, options, {}, &cancel);
    size_t new_tokens = 0;
    for (const auto& result : results) {
        std::cout << result.text << '\n';
        new_tokens += result.new_ids.size();
    }
    const double seconds = results.front().decode_seconds;
    char stats[200];
    std::snprintf(stats, sizeof stats, "[%zu prompts in %.3f s, %zu new tokens in %.3f s: %.1f tokens/s in total]",
                  prompts.size(), results.front().prefill_seconds, new_tokens, seconds,
                  seconds > 0 ? static_cast<double>(new_tokens) / seconds : 0.0);
    std::cerr << stats << std::endl;
}

} // namespace

int generate(const Args& raw)
{
    const Arguments args = parse(kGenerate, raw);
    if (args.help) {
        std::cout << help_text(kGenerate);
        return 0;
    }
    GenerationOptions options = options_from(args);
    const auto folder = model_folder(args);
    LoadedModel loaded = load_model_folder(folder, args.get("device", "cpu"));
    for (const auto& note : loaded.notes)
        std::cerr << "note: " << note << '\n';
    Generator generator(loaded.model, loaded.tokenizer);
    const bool stream = args.has("stream");
    // Ctrl-C stops the generation within a token; what was made so far is printed.
    const InterruptScope interrupt;
    if (const auto file = args.get("prompts")) {
        generate_batch_file(generator, loaded.tokenizer, *file, options, interrupt.token());
        return interrupt.exit_code();
    }
    if (const auto prompt = args.get("prompt")) {
        generate_once(generator, loaded.tokenizer, *prompt, interrupt.token(), options, stream);
        return interrupt.exit_code();
    }
    std::cerr << "model: " << folder.string() << " (" << loaded.config.parameter_count()
              << " parameters). Type a prompt; 'quit' or 'exit' ends.\n";
    std::string line;
    while (!interrupt.token().cancelled() && (std::cerr << "> " << std::flush, std::getline(std::cin, line))) {
        if (line == "quit" || line == "exit")
            break;
        if (line.empty())
            continue;
        try {
            generate_once(generator, loaded.tokenizer, line, interrupt.token(), options, stream);
        } catch (const Error& error) {
            std::cerr << "error: " << error.what() << '\n';
        }
        ++options.seed; // a fresh draw for the next prompt, still reproducible from --seed
    }
    return interrupt.exit_code();
}

} // namespace i3::cli
