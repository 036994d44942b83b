// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_args.h"
#include "cli_commands.h"
#include "cli_hub.h"
#include "cli_input.h"
#include "cli_interrupt.h"
#include "base/error.h"
#include "training/evaluation.h"
#include "model/model_artifacts.h"

#include <torch/torch.h>

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace i3::cli {

namespace {

const Command kEval{
    "eval",
    "--model DIR|REPO FILE",
    "Mean cross-entropy loss and perplexity of the model on FILE (- for the standard input). The\n"
    "whole file is encoded as one text and cut into non-overlapping windows of the model's context\n"
    "(inputs ids[i:i+T], targets ids[i+1:i+T+1], i = 0, T, 2T, ...; the last, shorter window counts\n"
    "too). Prints 'loss <x> ppl <y> tokens <n>', where n is the number of predicted tokens.",
    {
        model_option(),
        model_dir_option(),
        {"device", "D", "cpu or cuda (default cpu)"},
    },
    ""};

// Windows per forward pass: large enough to keep a GPU busy, small enough for a laptop's memory.
constexpr int64_t kEvalBatch = 16;

} // namespace

int eval(const Args& raw)
{
    const Arguments args = parse(kEval, raw);
    if (args.help) {
        std::cout << help_text(kEval);
        return 0;
    }
    if (args.positionals.size() != 1)
        throw UsageError("give exactly one text file to evaluate on");
    const std::string file = args.positionals.front();
    const std::string text = read_input(file);
    LoadedModel loaded = load_model_folder(model_folder(args), args.get("device", "cpu"));
    for (const auto& note : loaded.notes)
        std::cerr << "note: " << note << '\n';
    std::vector<int64_t> ids;
    try {
        ids = loaded.tokenizer.encode(text);
    } catch (const Error& error) {
        throw Error(input_name(file) + ": " + error.what());
    }
    if (ids.size() < 2)
        throw Error(input_name(file) + ": too little text to evaluate (it encodes to " + std::to_string(ids.size()) +
                    " token(s); at least 2 are needed)");
    const auto device = loaded.model->embed->weight.device();
    const auto tokens = torch::tensor(ids, torch::kLong).to(device);
    // Progress on stderr, so a long file shows signs of life: redrawn in place on a terminal,
    // a line every tenth of the way in a log.
    const InterruptScope interrupt;
    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    int64_t shown = -1;
    const auto progress = [&](int64_t done, int64_t total) {
        const int64_t step = done * (terminal ? 100 : 10) / total;
        if (step == shown)
            return;
        shown = step;
        std::cerr << (terminal ? "\r" : "") << "evaluating: " << done << " / " << total << " windows ("
                  << done * 100 / total << "%)" << (done == total || !terminal ? "\n" : "") << std::flush;
    };
    const EvalResult result = evaluate_tokens(loaded.model, tokens, -1, kEvalBatch, &interrupt.token(), progress);
    char line[128];
    std::snprintf(line, sizeof line, "loss %.6f ppl %.4f tokens %lld", result.loss, result.perplexity,
                  static_cast<long long>(result.tokens));
    std::cout << line << std::endl;
    return 0;
}

} // namespace i3::cli
