// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/builtin_corpus.h"
#include "cli_args.h"
#include "cli_commands.h"
#include "base/error.h"
#include "data/text_sources.h"
#include "training/trainer.h"

#include <cmath>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <iostream>

namespace i3::cli {

namespace {

const Command kTrain{
    "train",
    "[--preset NAME] [--data FILE...] [--out DIR] [options]  |  --resume DIR [--steps N] [--device D]",
    "Trains an i3 model and writes a run folder (configuration, metrics.jsonl, checkpoints, and the\n"
    "final artifacts in DIR/i3-model-artifacts: config.json, pytorch_model.bin, model.safetensors,\n"
    "tokenizer.json). Defaults are the reference train.py's. Ctrl-C stops after the current step and\n"
    "saves a checkpoint; --resume continues exactly where it stopped.",
    {
        {"preset", "NAME", "model shape: i3-80m (default), i3-22m, small, tiny"},
        {"data", "FILE", "training texts: .txt (paragraphs), .jsonl, .csv; default: the built-in corpus", true},
        {"text-field", "NAME", "JSON field / CSV column holding the text (default: text)"},
        {"tokenizer", "FILE", "use this tokenizer.json instead of building one from the data"},
        {"max-samples", "N", "build the tokenizer from the first N texts only"},
        {"out", "DIR", "run folder to create (default: runs/run-YYYYMMDD-HHMMSS)"},
        {"resume", "DIR", "continue the run in DIR from its latest checkpoint"},
        {"steps", "N", "optimizer steps (default 5000)"},
        {"batch", "N", "sequences per micro-batch (default 4)"},
        {"grad-accum", "N", "micro-batches per optimizer step (default 1)"},
        {"lr", "X", "peak learning rate (default 3e-4)"},
        {"warmup", "N", "linear warm-up steps (default 100)"},
        {"min-lr-ratio", "X", "final learning rate as a fraction of the peak (default 0.1)"},
        {"weight-decay", "X", "AdamW weight decay (default 0.01)"},
        {"clip", "X", "gradient clipping norm (default 1.0)"},
        {"context", "N", "context window, max_seq_len (default: the preset's)"},
        {"d-model", "N", "model width (default: the preset's)"},
        {"heads", "N", "attention heads"},
        {"hybrid-layers", "N", "RWKV-Mamba hybrid blocks"},
        {"attn-layers", "N", "attention blocks"},
        {"d-state", "N", "hybrid state size"},
        {"log-every", "N", "log line interval in steps (default 10)"},
        {"eval-every", "N", "evaluation + samples + best checkpoint interval (default 500)"},
        {"checkpoint-every", "N", "checkpoint interval (default 500)"},
        {"val-fraction", "X", "share of tokens held out for validation (default 0.05)"},
        {"sample-tokens", "N", "tokens per sample at each evaluation (default 50)"},
        {"device", "D", "cpu or cuda (default cpu)"},
        {"seed", "N", "random seed (default 42)"},
    },
    "examples:\n  i3lm train --preset small --steps 300 --out runs/first\n  i3lm train --resume runs/first --steps 600"};

CancelToken* g_interrupt = nullptr;

void on_interrupt(int)
{
    if (g_interrupt)
        g_interrupt->cancel();
}

std::string default_run_folder()
{
    const std::time_t now = std::time(nullptr);
    char name[64];
    std::strftime(name, sizeof name, "runs/run-%Y%m%d-%H%M%S", std::localtime(&now));
    return name;
}

std::string duration_text(double seconds)
{
    const auto total = static_cast<long long>(seconds + 0.5);
    char text[32];
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%lldh%02lldm", total / 3600, total % 3600 / 60);
    else
        std::snprintf(text, sizeof text, "%lldm%02llds", total / 60, total % 60);
    return text;
}

void print_event(const TrainEvent& event)
{
    char line[256];
    switch (event.kind) {
    case TrainEvent::Kind::Started:
        std::cout << "training: " << event.text << std::endl;
        break;
    case TrainEvent::Kind::Step:
        std::snprintf(line, sizeof line,
                      "step %lld/%lld | loss %.4f | ppl %.2f | grad norm %.3f | lr %.2e | %.0f tok/s | eta %s",
                      static_cast<long long>(event.step), static_cast<long long>(event.total_steps), event.loss,
                      event.perplexity, event.grad_norm, event.lr, event.tokens_per_second,
                      duration_text(event.eta_seconds).c_str());
        std::cout << line << std::endl;
        break;
    case TrainEvent::Kind::Evaluation:
        std::snprintf(line, sizeof line, "eval at step %lld | mean of recent losses %.4f", static_cast<long long>(event.step),
                      event.loss);
        std::cout << line;
        if (event.validation_loss >= 0) {
            std::snprintf(line, sizeof line, " | validation loss %.4f | ppl %.2f", event.validation_loss,
                          std::exp(event.validation_loss));
            std::cout << line;
        }
        std::cout << (event.is_best ? " | new best, saved" : "") << std::endl;
        break;
    case TrainEvent::Kind::Sample:
        std::cout << "  sample: " << event.text << std::endl;
        break;
    case TrainEvent::Kind::Checkpoint:
        std::cout << "checkpoint: " << event.path.string() << std::endl;
        break;
    case TrainEvent::Kind::Finished:
        if (event.cancelled)
            std::cout << "stopped after step " << event.step << "; continue with: i3lm train --resume "
                      << event.path.string() << std::endl;
        else
            std::cout << "done in " << duration_text(event.elapsed_seconds) << "; model saved to " << event.path.string()
                      << std::endl;
        break;
    }
}

ModelConfig model_config_from(const Arguments& args)
{
    ModelConfig config = ModelConfig::preset(args.get("preset", "i3-80m"));
    config.max_seq_len = args.integer("context", config.max_seq_len);
    config.d_model = args.integer("d-model", config.d_model);
    config.n_heads = args.integer("heads", config.n_heads);
    config.hybrid_layers = args.integer("hybrid-layers", config.hybrid_layers);
    config.attn_layers = args.integer("attn-layers", config.attn_layers);
    config.d_state = args.integer("d-state", config.d_state);
    return config;
}

TrainConfig train_config_from(const Arguments& args)
{
    TrainConfig config;
    config.steps = args.integer("steps", config.steps);
    config.batch_size = args.integer("batch", config.batch_size);
    config.grad_accum = args.integer("grad-accum", config.grad_accum);
    config.lr = args.number("lr", config.lr);
    config.warmup_steps = args.integer("warmup", config.warmup_steps);
    config.final_lr_ratio = args.number("min-lr-ratio", config.final_lr_ratio);
    config.weight_decay = args.number("weight-decay", config.weight_decay);
    config.grad_clip = args.number("clip", config.grad_clip);
    config.log_every = args.integer("log-every", config.log_every);
    config.eval_every = args.integer("eval-every", config.eval_every);
    config.checkpoint_every = args.integer("checkpoint-every", config.checkpoint_every);
    config.validation_fraction = args.number("val-fraction", config.validation_fraction);
    config.sample_tokens = args.integer("sample-tokens", config.sample_tokens);
    config.device = args.get("device", config.device);
    config.seed = static_cast<uint64_t>(args.integer("seed", static_cast<int64_t>(config.seed)));
    return config;
}

std::unique_ptr<Trainer> new_run(const Arguments& args)
{
    ModelConfig model_config = model_config_from(args);
    TrainConfig train_config = train_config_from(args);
    model_config.vocab_size = 2; // replaced by the tokenizer's; checks the other fields first
    model_config.validate();
    train_config.validate();

    std::vector<std::string> texts;
    std::vector<std::string> sources;
    if (args.has("data")) {
        TextReadOptions options;
        options.text_field = args.get("text-field", "text");
        std::vector<std::filesystem::path> files;
        for (const auto& file : args.all("data")) {
            files.emplace_back(file);
            sources.push_back(file);
        }
        texts = read_texts(files, options);
    } else {
        texts = builtin_corpus_texts();
        sources.push_back("i3 built-in corpus");
    }
    std::cout << "data: " << texts.size() << " texts from " << sources.size() << " source(s)" << std::endl;

    ChunkTokenizer tokenizer;
    if (const auto file = args.get("tokenizer")) {
        tokenizer = ChunkTokenizer::load(*file);
    } else {
        std::optional<size_t> limit;
        if (args.has("max-samples"))
            limit = static_cast<size_t>(args.integer("max-samples", 0));
        tokenizer = ChunkTokenizer::build(texts, limit);
    }
    std::cout << "tokenizer: " << tokenizer.vocab_size() << " chunks" << std::endl;
    TrainingData data = prepare_training_data(std::move(texts), std::move(tokenizer), sources, train_config,
                                              model_config.max_seq_len);
    std::cout << "tokens: " << data.train_tokens.size() << " for training, " << data.validation_tokens.size()
              << " held out" << std::endl;
    const std::string folder = args.get("out", default_run_folder());
    std::cout << "run folder: " << folder << std::endl;
    return std::make_unique<Trainer>(folder, model_config, train_config, std::move(data));
}

} // namespace

int train(const Args& raw)
{
    const Arguments args = parse(kTrain, raw);
    if (args.help) {
        std::cout << help_text(kTrain);
        return 0;
    }
    if (!args.positionals.empty())
        throw UsageError("unexpected argument \"" + args.positionals.front() + "\"");
    std::unique_ptr<Trainer> trainer;
    if (const auto folder = args.get("resume")) {
        for (const char* option : {"preset", "data", "out", "tokenizer", "batch", "lr", "context"})
            if (args.has(option))
                throw UsageError(std::string("--") + option + " cannot change a run being resumed");
        trainer = Trainer::resume(*folder, args.integer("steps", 0), args.get("device", ""));
    } else {
        trainer = new_run(args);
    }
    CancelToken interrupt;
    g_interrupt = &interrupt;
    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    trainer->run(print_event, &interrupt);
    g_interrupt = nullptr;
    return 0;
}

} // namespace i3::cli
