// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/error.h"
#include "cli_args.h"
#include "cli_commands.h"
#include "cli_hub.h"
#include "cli_input.h"
#include "cli_interrupt.h"
#include "cli_ranks.h"
#include "cli_settings.h"
#include "config/preset_files.h"
#include "config/preset.h"
#include "model/model_artifacts.h"
#include "runs/run_folder.h"
#include "runs/workspace.h"
#include "training/run_creation.h"
#include "training/trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <optional>
#include <unistd.h>

namespace i3::cli {

namespace {

// What a resumed run may change: how long it trains and where.
const char* const kResumableSettings[] = {"steps", "device"};

// The options: where the data and the run are, then every model and training setting from the
// configurations' tables.
Command make_train_command()
{
    Command command{
        "train",
        "[--preset NAME] [--data FILE...] [--out DIR] [options]  |  --resume DIR [--steps N] [--device D]",
        "Trains an i3 model and writes a run folder (configuration, metrics.jsonl, checkpoints, and the\n"
        "final artifacts in DIR/i3-model-artifacts: config.json, pytorch_model.bin, model.safetensors,\n"
        "tokenizer.json). A preset gives the model's shape and a training recipe (i3-80m and i3-22m:\n"
        "the reference train.py's); options change either. Ctrl-C stops after the current step and\n"
        "saves a checkpoint; --resume continues exactly where it stopped. The texts are encoded once\n"
        "into the token cache ($I3_TOKEN_CACHE, else $XDG_CACHE_HOME/i3-studio/tokens, else\n"
        "~/.cache/i3-studio/tokens) and reused while the files and the tokenizer stay the same; the\n"
        "run folder keeps links to them, so training reads gigabytes of text without holding it.",
        {
            {"preset", "NAME", "model shape and recipe: " + preset_names_text() + " (default " + kPublishedPreset + ")"},
            {"data", "SOURCE",
             "training texts: .txt (paragraphs), .jsonl, .json, .csv, .parquet, a folder of .parquet files,\n"
             "or hf:OWNER/NAME, a Hugging Face dataset fetched through the Hugging Face cache; a trailing\n"
             ":WEIGHT (a.jsonl:0.3 hf:owner/name:0.7) mixes the sources, each giving that share of the\n"
             "texts; default: the built-in corpus",
             true},
            {"hf-config", "NAME", "the Hub datasets' config (default: default)"},
            {"hf-split", "NAME", "the Hub datasets' split (default: train)"},
            {"text-field", "NAME",
             "JSON field / CSV or Parquet column holding the text (default: text; for the reference's\n"
             "Hub datasets, the column it reads)"},
            {"tokenizer", "FILE", "use this tokenizer.json instead of building one from the data"},
            {"init-from", "DIR|REPO",
             "fine-tune: start from this model folder's or Hub model repo's weights and tokenizer; the\n"
             "model's shape is its config.json's, and --preset gives only the recipe"},
            {"max-samples", "N", "build the tokenizer from the first N texts only"},
            {"out", "DIR",
             "run folder to create, absent or empty (default: run-YYYYMMDD-HHMMSS in the workspace,\n"
             "which 'i3lm info' prints)"},
            {"resume", "DIR", "continue the run in DIR from its latest checkpoint"},
        },
        "fine-tuning (--init-from): new data, a learning rate well below the recipe's and fewer steps,\n"
        "as the seed's recipe has it, e.g. --lr 1e-5 --warmup 10 --steps 500; training starts at\n"
        "step 0, and run.json records the model it started from.\n\n"
        "examples:\n  i3lm train --preset small --out runs/first\n"
        "  i3lm train --data hf:roneneldan/TinyStories:0.7 chats.jsonl:0.3 --preset small\n"
        "  i3lm train --init-from FlameF0X/i3-80m --data stories.txt --lr 1e-5 --steps 500\n"
        "  i3lm train --resume runs/first --steps 600\n"
        "  i3lm train --preset small --batch 8 --nproc-per-node 2 --out runs/two\n\n"
        "data-parallel (--nproc-per-node, or torchrun's variables): rank 0 writes the run folder; a run\n"
        "resumes on the same or another number of ranks, which share its sequences per step evenly."};
    add_setting_options(command.options, ModelConfig::settings(),
                        [](const Setting<ModelConfig>&) { return std::string("the preset's"); });
    const TrainConfig defaults;
    add_setting_options(command.options, TrainConfig::settings(), [&](const Setting<TrainConfig>& setting) {
        return setting.text(defaults) + (some_recipe_sets(setting.key) ? ", or the preset's" : "");
    });
    for (Option& option : rank_options())
        command.options.push_back(std::move(option));
    return command;
}

// In the workspace the studio lists, so that the run shows there too.
std::filesystem::path default_run_folder()
{
    const std::time_t now = std::time(nullptr);
    char name[64];
    std::strftime(name, sizeof name, "run-%Y%m%d-%H%M%S", std::localtime(&now));
    return default_workspace().folder / name;
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
    case TrainEvent::Kind::Note:
        std::cerr << "note: " << event.text << std::endl;
        break;
    case TrainEvent::Kind::Step:
        std::snprintf(line, sizeof line,
                      "step %lld/%lld | loss %.4f | ppl %.2f | grad norm %.3f | lr %.2e | %.0f tok/s | eta %s",
                      static_cast<long long>(event.step), static_cast<long long>(event.total_steps), event.loss,
                      event.perplexity, event.grad_norm, event.lr, event.tokens_per_second,
                      duration_text(event.eta_seconds).c_str());
        std::cout << line;
        if (!event.rank_tokens_per_second.empty()) {
            std::cout << " | per rank";
            for (double speed : event.rank_tokens_per_second)
                std::cout << ' ' << static_cast<long long>(speed + 0.5);
        }
        std::cout << std::endl;
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
            std::cout << "stopped after step " << event.step << "; continue with: " << kProgram << " train --resume "
                      << event.path.string() << std::endl;
        else
            std::cout << "done in " << duration_text(event.elapsed_seconds) << "; model saved to " << event.path.string()
                      << std::endl;
        break;
    }
}

DataSpec data_spec_from(const Arguments& args)
{
    DataSpec data;
    data.text_field = args.get("text-field", data.text_field);
    if (args.has("data")) {
        data.builtin_corpus = false;
        for (const auto& argument : args.all("data")) {
            refuse_standard_input(argument, "--data");
            DataSource source;
            try {
                source = parse_data_source(argument);
            } catch (const Error& error) {
                throw UsageError(std::string("--data: ") + error.what());
            }
            if (source.hub) {
                source.hub->config = args.get("hf-config", source.hub->config);
                source.hub->split = args.get("hf-split", source.hub->split);
                source.hub->text_field = args.get("text-field", source.hub->text_field);
            }
            data.sources.push_back(source);
        }
    }
    if (const auto file = args.get("tokenizer"))
        data.tokenizer_file = *file;
    if (const auto n = args.count("max-samples"))
        data.tokenizer_texts = static_cast<size_t>(*n);
    return data;
}

const char* phase_name(PreparationPhase phase)
{
    switch (phase) {
    case PreparationPhase::ReadingTexts:
        return "reading the texts";
    case PreparationPhase::LoadingTokenizer:
        return "loading the tokenizer";
    case PreparationPhase::BuildingTokenizer:
        return "building the tokenizer";
    case PreparationPhase::Encoding:
        return "encoding the texts";
    case PreparationPhase::CreatingFolder:
        return "creating the run folder";
    }
    return "";
}

// Preparing gigabytes of text takes minutes: on a terminal each phase's line is redrawn in place
// with its percentage; elsewhere each phase is one line when it begins.
class PreparationLine {
public:
    ~PreparationLine() { end(); }

    void show(PreparationPhase phase, double fraction)
    {
        const bool begins = shown_ != phase;
        if (!terminal_) {
            if (begins)
                std::cerr << phase_name(phase) << std::endl;
            shown_ = phase;
            return;
        }
        if (begins)
            end();
        shown_ = phase;
        open_ = true;
        std::cerr << '\r' << phase_name(phase);
        if (fraction >= 0)
            std::cerr << " " << static_cast<int>(fraction * 100) << "%";
        std::cerr << "\033[K" << std::flush;
    }

    // Ends a line being redrawn, before anything else is printed.
    void end()
    {
        if (open_)
            std::cerr << std::endl;
        open_ = false;
    }

private:
    const bool terminal_ = ::isatty(STDERR_FILENO) != 0;
    std::optional<PreparationPhase> shown_;
    bool open_ = false;
};

void print_prepared(const PreparedData& data, int64_t train_tokens, int64_t validation_tokens, const std::string& folder)
{
    std::cout << "data: " << data.stats.texts << " texts from " << data.spec.source_descriptions().size()
              << " source(s)" << std::endl;
    std::cout << "tokenizer: " << data.tokenizer.vocab_size() << " chunks, "
              << (!data.tokenizer_built        ? "from " + data.spec.tokenizer_file.string()
                  : data.tokenizer_reused      ? std::string("built before, found in the token cache")
                                               : std::string("built from the texts"))
              << std::endl;
    std::cout << "tokens: " << train_tokens << " for training, " << validation_tokens << " held out" << std::endl;
    std::cout << "token store: " << data.parts_encoded << " part(s) encoded, " << data.parts_reused
              << " reused from " << data.token_cache.string() << std::endl;
    for (const std::string& note : data.notes)
        std::cout << "note: " << note << std::endl;
    std::cout << "run folder: " << folder << std::endl;
}

// The shape settings given on the command line, over `model`. --layer-pattern gives the numbers of
// hybrid and attention layers itself: given beside them, one of the two would be ignored.
void apply_model_options(const Arguments& args, ModelConfig& model)
{
    apply_setting_options(args, model, ModelConfig::settings());
    if (!args.has("layer-pattern"))
        return;
    if (args.has("hybrid-layers") || args.has("attn-layers"))
        throw UsageError("--layer-pattern gives the numbers of hybrid and attention layers; leave out --hybrid-layers "
                         "and --attn-layers");
    model.set_layer_order(model.layer_pattern);
}

// The shape of the model being fine-tuned; a shape option that says otherwise is a mistake.
ModelConfig fine_tuned_shape(const Arguments& args, const std::filesystem::path& folder)
{
    const ModelConfig base = load_model_folder(folder).config;
    ModelConfig asked = base;
    apply_model_options(args, asked);
    for (const auto& setting : ModelConfig::settings())
        if (setting.flag && setting.text(asked) != setting.text(base))
            throw UsageError("--" + std::string(setting.flag) + " " + setting.text(asked) + " conflicts with the model in " +
                             folder.string() + " (" + setting.key + " " + setting.text(base) +
                             "): a fine-tuned model keeps its shape; leave the option out");
    return base;
}

std::unique_ptr<Trainer> new_run(const Arguments& args, const CancelToken& interrupt,
                                 std::shared_ptr<RankGroup> ranks = nullptr)
{
    const Preset preset = load_preset(args.get("preset", kPublishedPreset));
    RunSpec spec;
    if (const auto init = args.get("init-from")) {
        if (args.has("tokenizer"))
            throw UsageError("--tokenizer cannot be given with --init-from: a fine-tuned model keeps its own tokenizer");
        spec.init_from = model_folder_or_repo(*init, interrupt);
        spec.model = fine_tuned_shape(args, spec.init_from);
    } else {
        spec.model = preset.model;
        apply_model_options(args, spec.model);
    }
    spec.training = preset.training;
    apply_setting_options(args, spec.training, TrainConfig::settings());
    spec.data = data_spec_from(args);
    spec.folder = args.has("out") ? std::filesystem::path(*args.get("out")) : default_run_folder();
    spec.ranks = std::move(ranks);
    PreparationLine line;
    RunCreationCallbacks callbacks;
    callbacks.progress = [&](PreparationPhase phase, double fraction) { line.show(phase, fraction); };
    callbacks.download = progress_on_stderr(interrupt);
    callbacks.prepared = [&](const PreparedData& data, int64_t train_tokens, int64_t validation_tokens) {
        line.end();
        print_prepared(data, train_tokens, validation_tokens, spec.folder.string());
    };
    return create_run(spec, callbacks, &interrupt);
}

// A resumed run keeps its settings but for kResumableSettings; giving another is a mistake.
void check_resume_options(const Arguments& args)
{
    std::vector<std::string> fixed = {"preset",     "data",        "out",       "tokenizer", "text-field",
                                      "max-samples", "hf-config", "hf-split", "init-from"};
    auto add_flags = [&](const auto& table) {
        for (const auto& setting : table)
            if (setting.flag && std::find(std::begin(kResumableSettings), std::end(kResumableSettings),
                                          std::string(setting.flag)) == std::end(kResumableSettings))
                fixed.emplace_back(setting.flag);
    };
    add_flags(ModelConfig::settings());
    add_flags(TrainConfig::settings());
    for (const auto& option : fixed)
        if (args.has(option))
            throw UsageError("--" + option + " cannot change a run being resumed");
}

// What the run trains on: --device, else the resumed run's device, else the preset's.
std::string training_device(const Arguments& args)
{
    if (const auto device = args.get("device"))
        return *device;
    if (const auto folder = args.get("resume"))
        return RunFolder(*folder).read_info().training.device;
    return load_preset(args.get("preset", kPublishedPreset)).training.device;
}

// One rank of a data-parallel run: rank 0 makes or resumes the run and prints its progress; the
// others join it and stay quiet. A rank that fails says so to the others, which stop too.
int train_as_rank(const RankPlace& place, const Arguments& args, const Args& raw, const InterruptScope& interrupt)
{
    const auto ranks = join_ranks(place, training_device(args), "train", raw, rank_timeout(args));
    try {
        std::unique_ptr<Trainer> trainer;
        if (!ranks->leads())
            trainer = Trainer::join(ranks);
        else if (const auto folder = args.get("resume"))
            trainer = Trainer::resume(*folder, args.integer("steps", 0), args.get("device", ""), ranks);
        else
            trainer = new_run(args, interrupt.token(), ranks);
        trainer->run(ranks->leads() ? TrainEventHandler(print_event) : TrainEventHandler(), &interrupt.token());
    } catch (const std::exception& error) {
        ranks->store().report_failure(place.name() + ": " + error.what());
        throw;
    }
    return interrupt.exit_code();
}

} // namespace

int train(const Args& raw)
{
    static const Command kTrain = make_train_command();
    const Arguments args = parse(kTrain, raw);
    if (args.help) {
        std::cout << help_text(kTrain);
        return 0;
    }
    if (!args.positionals.empty())
        throw UsageError("unexpected argument \"" + args.positionals.front() + "\"");
    if (args.has("resume"))
        check_resume_options(args);
    if (launches_ranks(args))
        return run_launch(launch_plan(args, raw, "train", training_device(args)));
    // Listening from the start: Ctrl-C while the data is prepared stops there, cleanly.
    const InterruptScope interrupt;
    if (const auto place = rank_place())
        return train_as_rank(*place, args, raw, interrupt);
    std::unique_ptr<Trainer> trainer;
    if (const auto folder = args.get("resume")) {
        trainer = Trainer::resume(*folder, args.integer("steps", 0), args.get("device", ""));
    } else {
        trainer = new_run(args, interrupt.token());
    }
    trainer->run(print_event, &interrupt.token());
    return interrupt.exit_code();
}

} // namespace i3::cli
