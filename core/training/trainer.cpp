// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/trainer.h"

#include "base/atomic_file.h"
#include "data/batch_sampler.h"
#include "base/error.h"
#include "base/out_of_memory.h"
#include "training/evaluation.h"
#include "generation/generator.h"
#include "model/i3_model.h"
#include "training/lr_schedule.h"
#include "model/model_artifacts.h"
#include "formats/safetensors.h"
#include "data/token_store.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <deque>
#include <numeric>

namespace fs = std::filesystem;

namespace i3 {

namespace {

using Clock = std::chrono::steady_clock;

void set_learning_rate(torch::optim::AdamW& optimizer, double lr)
{
    for (auto& group : optimizer.param_groups())
        static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
}

std::string now_iso8601()
{
    const std::time_t now = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return text;
}

} // namespace

std::unique_ptr<torch::optim::AdamW> make_optimizer(I3Model& model, const TrainConfig& config)
{
    auto options = torch::optim::AdamWOptions(config.lr)
                       .betas(std::make_tuple(config.beta1, config.beta2))
                       .eps(config.eps)
                       .weight_decay(config.weight_decay);
    return std::make_unique<torch::optim::AdamW>(model->parameters(), options);
}

TrainingData prepare_training_data(std::vector<std::string> texts, ChunkTokenizer tokenizer,
                                   std::vector<std::string> sources, const TrainConfig& config, int64_t context,
                                   const CancelToken* cancel)
{
    const std::vector<int32_t> tokens = encode_corpus(tokenizer, texts, {}, cancel);
    const TokenSplit split = split_tokens(tokens, config.validation_fraction, context); // checks the sizes
    const auto train_count = static_cast<size_t>(split.train.numel());
    TrainingData data{std::move(tokenizer), {}, {}, std::move(sources)};
    data.train_tokens.assign(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(train_count));
    data.validation_tokens.assign(tokens.begin() + static_cast<std::ptrdiff_t>(train_count), tokens.end());
    return data;
}

struct Trainer::State {
    explicit State(RunFolder run_folder) : folder(std::move(run_folder)) {}

    RunFolder folder;
    ModelConfig model_config;
    TrainConfig config;
    ChunkTokenizer tokenizer;
    torch::Device device{torch::kCPU};
    I3Model model{nullptr};
    std::unique_ptr<torch::optim::AdamW> optimizer;
    at::Tensor validation_tokens;
    std::unique_ptr<BatchSampler> sampler;
    int64_t step = 0;
    std::deque<double> recent_losses;
    double best_metric = std::numeric_limits<double>::infinity();
    double elapsed_before = 0; // seconds spent in earlier sessions of this run

    void build(const std::vector<int32_t>& train_tokens, const std::vector<int32_t>& validation)
    {
        device = torch::Device(config.device);
        if (device.is_cuda() && !torch::cuda::is_available())
            throw Error("--device " + config.device + ": CUDA is not available on this machine or in this build");
        torch::manual_seed(config.seed);
        model = I3Model(model_config);
        model->to(device);
        optimizer = make_optimizer(model, config);
        auto as_tensor = [&](const std::vector<int32_t>& ids) {
            return torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()), torch::kLong).to(device);
        };
        sampler = std::make_unique<BatchSampler>(as_tensor(train_tokens), model_config.max_seq_len,
                                                 config.batch_size, config.seed);
        validation_tokens = as_tensor(validation);
    }

    double recent_mean() const
    {
        return std::accumulate(recent_losses.begin(), recent_losses.end(), 0.0) /
               static_cast<double>(std::max<size_t>(1, recent_losses.size()));
    }

    nlohmann::json trainer_state(double elapsed_seconds) const
    {
        return {{"step", step},
                {"sampler", sampler->state()},
                {"recent_losses", std::vector<double>(recent_losses.begin(), recent_losses.end())},
                {"best_metric", std::isfinite(best_metric) ? nlohmann::json(best_metric) : nlohmann::json()},
                {"elapsed_seconds", elapsed_seconds}};
    }

    // A checkpoint folder is written whole under a temporary name, then renamed into place.
    void save_checkpoint(const fs::path& target, double elapsed_seconds)
    {
        const fs::path partial = target.string() + ".partial";
        remove_tree(partial);
        fs::create_directories(partial);
        write_safetensors(partial / "model.safetensors", model_state_dict(model), {{"format", "pt"}});
        torch::serialize::OutputArchive archive;
        optimizer->save(archive);
        archive.save_to((partial / "optimizer.pt").string());
        write_file_atomically(partial / "trainer_state.json", trainer_state(elapsed_seconds).dump(2) + "\n");
        // Swap in the new folder before the old one goes, so a crash never leaves neither.
        const fs::path previous = target.string() + ".previous";
        remove_tree(previous);
        if (fs::exists(target))
            fs::rename(target, previous);
        fs::rename(partial, target);
        remove_tree(previous);
    }

    void load_checkpoint(const fs::path& checkpoint)
    {
        load_state_dict(model, read_safetensors(checkpoint / "model.safetensors"),
                        (checkpoint / "model.safetensors").string());
        torch::serialize::InputArchive archive;
        try {
            archive.load_from((checkpoint / "optimizer.pt").string(), device);
            optimizer->load(archive);
        } catch (const c10::Error& error) {
            throw Error((checkpoint / "optimizer.pt").string() + ": cannot load the optimizer state (" +
                        error.what_without_backtrace() + ")");
        }
        nlohmann::json saved;
        try {
            saved = nlohmann::json::parse(read_file(checkpoint / "trainer_state.json"));
            step = saved.at("step").get<int64_t>();
            sampler->restore(saved.at("sampler").get<std::string>());
            const auto losses = saved.at("recent_losses").get<std::vector<double>>();
            recent_losses.assign(losses.begin(), losses.end());
            best_metric = saved.at("best_metric").is_number() ? saved.at("best_metric").get<double>()
                                                               : std::numeric_limits<double>::infinity();
            elapsed_before = saved.at("elapsed_seconds").get<double>();
        } catch (const nlohmann::json::exception& error) {
            throw Error((checkpoint / "trainer_state.json").string() + ": corrupt (" + error.what() + ")");
        }
    }

    void set_status(const std::string& status)
    {
        auto info = folder.read_run_info();
        info["status"] = status;
        info["completed_steps"] = step;
        info["updated"] = now_iso8601();
        if (!recent_losses.empty())
            info["last_loss"] = recent_losses.back();
        folder.write_run_info(info);
    }
};

Trainer::Trainer(std::unique_ptr<State> state) : state_(std::move(state)) {}
Trainer::~Trainer() = default;

Trainer::Trainer(const fs::path& folder, ModelConfig model_config, TrainConfig train_config, TrainingData data)
    : state_(std::make_unique<State>(RunFolder(folder)))
{
    State& s = *state_;
    s.model_config = std::move(model_config);
    s.config = std::move(train_config);
    s.tokenizer = std::move(data.tokenizer);
    s.model_config.vocab_size = s.tokenizer.vocab_size();
    s.model_config.dataset_sources = data.sources;
    s.model_config.validate();
    s.config.validate();
    if (fs::exists(s.folder.run_file()))
        throw Error(folder.string() + " already holds a run; resume it (--resume) or choose another folder");
    s.build(data.train_tokens, data.validation_tokens);

    fs::create_directories(s.folder.checkpoints_dir());
    write_model_config(s.folder.model_config_file(), s.model_config);
    s.tokenizer.save(s.folder.tokenizer_file());
    write_token_file(s.folder.train_tokens_file(), data.train_tokens, s.tokenizer.vocab_size());
    write_token_file(s.folder.validation_tokens_file(), data.validation_tokens, s.tokenizer.vocab_size());
    s.folder.write_run_info({{"format", "i3-run-1"},
                             {"created", now_iso8601()},
                             {"status", "created"},
                             {"model", s.model_config.to_json()},
                             {"training", s.config.to_json()},
                             {"parameters", s.model_config.parameter_count()},
                             {"train_tokens", data.train_tokens.size()},
                             {"validation_tokens", data.validation_tokens.size()},
                             {"completed_steps", 0}});
}

std::unique_ptr<Trainer> Trainer::resume(const fs::path& folder, int64_t steps, const std::string& device)
{
    auto state = std::make_unique<State>(RunFolder(folder));
    State& s = *state;
    if (!fs::exists(s.folder.run_file()))
        throw Error(folder.string() + " is not a training run (no run.json)");
    const auto info = s.folder.read_run_info();
    try {
        s.model_config = ModelConfig::from_json(info.at("model"));
        s.config = TrainConfig::from_json(info.at("training"));
    } catch (const nlohmann::json::exception& error) {
        throw Error(s.folder.run_file().string() + ": incomplete (" + error.what() + ")");
    }
    if (steps > 0)
        s.config.steps = steps;
    if (!device.empty())
        s.config.device = device;
    s.config.validate();
    s.tokenizer = ChunkTokenizer::load(s.folder.tokenizer_file());
    if (s.tokenizer.vocab_size() != s.model_config.vocab_size)
        throw Error(s.folder.tokenizer_file().string() + " does not match the run's vocabulary size");
    const auto vocab = s.tokenizer.vocab_size();
    s.build(read_token_file(s.folder.train_tokens_file(), vocab), read_token_file(s.folder.validation_tokens_file(), vocab));
    const auto checkpoint = s.folder.latest_checkpoint();
    if (!checkpoint)
        throw Error(folder.string() + " has no checkpoint to resume from yet");
    s.load_checkpoint(*checkpoint);
    return std::unique_ptr<Trainer>(new Trainer(std::move(state)));
}

const RunFolder& Trainer::folder() const { return state_->folder; }
const ModelConfig& Trainer::model_config() const { return state_->model_config; }
const TrainConfig& Trainer::train_config() const { return state_->config; }
int64_t Trainer::completed_steps() const { return state_->step; }

void Trainer::run(const TrainEventHandler& on_event, const CancelToken* cancel, const PauseGate* pause)
{
    State& s = *state_;
    const TrainConfig& c = s.config;
    const LrSchedule schedule{c.lr, c.warmup_steps, c.steps, c.final_lr_ratio};
    auto emit = [&](TrainEvent event) {
        event.total_steps = c.steps;
        if (on_event)
            on_event(event);
    };
    auto session_start = Clock::now();
    auto interval_start = session_start;
    auto elapsed = [&] { return s.elapsed_before + std::chrono::duration<double>(Clock::now() - session_start).count(); };
    // A pause shifts the session's start, so elapsed time, ETA and tokens/s leave it out.
    auto wait_if_paused = [&] {
        if (!pause || !pause->paused())
            return;
        const auto paused_at = Clock::now();
        pause->wait_while_paused(cancel);
        session_start += Clock::now() - paused_at;
        interval_start += Clock::now() - paused_at;
    };
    const int64_t first_step = s.step;

    TrainEvent started{TrainEvent::Kind::Started};
    started.step = s.step;
    started.text = std::to_string(s.model_config.parameter_count()) + " parameters, vocabulary " +
                   std::to_string(s.model_config.vocab_size) + ", context " + std::to_string(s.model_config.max_seq_len) +
                   ", " + std::to_string(c.batch_size * c.grad_accum) + " sequences per step on " +
                   c.device + (first_step > 0 ? ", resuming after step " + std::to_string(first_step) : "");
    emit(started);
    s.set_status("training");

    auto save_periodic = [&] {
        const fs::path checkpoint = s.folder.checkpoint_dir(s.step);
        s.save_checkpoint(checkpoint, elapsed());
        s.folder.set_latest_checkpoint(checkpoint);
        TrainEvent event{TrainEvent::Kind::Checkpoint};
        event.step = s.step;
        event.path = checkpoint;
        emit(event);
    };

    auto evaluate = [&] {
        TrainEvent event{TrainEvent::Kind::Evaluation};
        event.step = s.step;
        event.loss = s.recent_mean();
        event.perplexity = std::exp(event.loss);
        double metric = event.loss;
        if (s.validation_tokens.numel() >= 2) {
            event.validation_loss = evaluate_tokens(s.model, s.validation_tokens, c.eval_windows, c.batch_size).loss;
            metric = event.validation_loss;
        }
        event.is_best = metric < s.best_metric;
        if (event.is_best) {
            s.best_metric = metric;
            s.save_checkpoint(s.folder.best_checkpoint_dir(), elapsed());
        }
        nlohmann::json line = {{"kind", "eval"}, {"step", s.step}, {"train_loss_mean", event.loss},
                               {"best", event.is_best}, {"elapsed_s", elapsed()}};
        if (event.validation_loss >= 0) {
            line["val_loss"] = event.validation_loss;
            line["val_ppl"] = std::exp(event.validation_loss);
        }
        RunFolder::append_json_line(s.folder.metrics_file(), line);
        emit(event);

        Generator generator(s.model, s.tokenizer);
        GenerationOptions options;
        options.max_new_tokens = c.sample_tokens;
        options.seed = c.seed + static_cast<uint64_t>(s.step);
        for (const auto& prompt : c.sample_prompts) {
            if (c.sample_tokens == 0 || s.tokenizer.encode(prompt).empty())
                continue;
            TrainEvent sample{TrainEvent::Kind::Sample};
            sample.step = s.step;
            sample.text = generator.generate(prompt, options).text;
            RunFolder::append_json_line(s.folder.samples_file(),
                                        {{"step", s.step}, {"prompt", prompt}, {"text", sample.text}});
            emit(sample);
        }
        s.model->train();
    };

    s.model->train();
    int64_t interval_tokens = 0;
    const int64_t tokens_per_step = c.batch_size * c.grad_accum * s.model_config.max_seq_len;
    try {
        while (s.step < c.steps) {
            wait_if_paused();
            if (cancel && cancel->cancelled())
                break;
            const double lr = schedule.at(s.step);
            set_learning_rate(*s.optimizer, lr);
            s.optimizer->zero_grad();
            double loss = 0;
            for (int64_t micro = 0; micro < c.grad_accum; ++micro) {
                const Batch batch = s.sampler->next();
                const auto logits = s.model->forward(batch.inputs);
                const auto micro_loss = language_model_loss(logits, batch.targets) / static_cast<double>(c.grad_accum);
                micro_loss.backward();
                loss += micro_loss.item<double>();
            }
            if (!std::isfinite(loss))
                throw Error("the loss became " + std::to_string(loss) + " at step " + std::to_string(s.step + 1) +
                            "; try a lower learning rate (the last checkpoint is intact)");
            const double grad_norm = torch::nn::utils::clip_grad_norm_(s.model->parameters(), c.grad_clip);
            s.optimizer->step();
            ++s.step;
            interval_tokens += tokens_per_step;
            s.recent_losses.push_back(loss);
            while (static_cast<int64_t>(s.recent_losses.size()) > c.loss_window)
                s.recent_losses.pop_front();

            if (s.step % c.log_every == 0 || s.step == c.steps) {
                const double seconds = std::chrono::duration<double>(Clock::now() - interval_start).count();
                TrainEvent event{TrainEvent::Kind::Step};
                event.step = s.step;
                event.loss = loss;
                event.perplexity = std::exp(loss);
                event.lr = lr;
                event.grad_norm = grad_norm;
                event.tokens_per_second = seconds > 0 ? static_cast<double>(interval_tokens) / seconds : 0;
                event.elapsed_seconds = elapsed();
                const double session_seconds = std::chrono::duration<double>(Clock::now() - session_start).count();
                event.eta_seconds = session_seconds / static_cast<double>(s.step - first_step) *
                                    static_cast<double>(c.steps - s.step);
                RunFolder::append_json_line(s.folder.metrics_file(),
                                            {{"kind", "train"}, {"step", s.step}, {"loss", loss},
                                             {"ppl", event.perplexity}, {"lr", lr}, {"grad_norm", grad_norm},
                                             {"tokens_per_s", event.tokens_per_second},
                                             {"elapsed_s", event.elapsed_seconds}});
                emit(event);
                interval_start = Clock::now();
                interval_tokens = 0;
            }
            if (s.step % c.eval_every == 0 || s.step == c.steps)
                evaluate();
            if (s.step % c.checkpoint_every == 0 || s.step == c.steps)
                save_periodic();
        }
    } catch (const c10::Error& error) {
        s.set_status("failed");
        if (is_out_of_memory(error))
            throw Error("out of memory at step " + std::to_string(s.step + 1) +
                        ": try a smaller batch or context (the last checkpoint is intact)");
        throw Error(std::string("training failed at step ") + std::to_string(s.step + 1) + ": " +
                    error.what_without_backtrace());
    } catch (const Error&) {
        s.set_status("failed");
        throw;
    }

    TrainEvent finished{TrainEvent::Kind::Finished};
    finished.step = s.step;
    finished.loss = s.recent_losses.empty() ? 0 : s.recent_losses.back();
    finished.elapsed_seconds = elapsed();
    if (s.step < c.steps) {
        finished.cancelled = true;
        if (s.step > first_step && !fs::exists(s.folder.checkpoint_dir(s.step)))
            save_periodic();
        finished.path = s.folder.root();
        s.set_status("stopped");
    } else {
        save_model_folder(s.folder.artifacts_dir(), s.model_config, s.model, s.tokenizer);
        finished.path = s.folder.artifacts_dir();
        s.set_status("finished");
    }
    emit(finished);
}

} // namespace i3
