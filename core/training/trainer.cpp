// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/trainer.h"

#include "base/atomic_file.h"
#include "base/device.h"
#include "base/error.h"
#include "base/host_memory.h"
#include "base/json_file.h"
#include "base/out_of_memory.h"
#include "data/batch_sampler.h"
#include "data/corpus_encoding.h"
#include "data/hub_dataset.h"
#include "data/token_store.h"
#include "distributed/gradient_averager.h"
#include "distributed/rank_group.h"
#include "training/run_tokens.h"
#include "formats/safetensors.h"
#include "generation/generator.h"
#include "model/i3_model.h"
#include "hub/hub_cache.h"
#include "model/model_artifacts.h"
#include "model/model_card.h"
#include "runs/run_lock.h"
#include "telemetry/memory_estimate.h"
#include "training/evaluation.h"
#include "training/lr_schedule.h"
#include "training/training_step.h"

#include <torch/torch.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <numeric>

namespace fs = std::filesystem;

namespace i3 {

namespace {

using Clock = std::chrono::steady_clock;

// trainer_state.json's keys, inside a checkpoint folder.
namespace state_keys {
constexpr const char* kStep = "step";
constexpr const char* kSampler = "sampler";
constexpr const char* kRecentLosses = "recent_losses";
constexpr const char* kBestMetric = "best_metric";
constexpr const char* kElapsedSeconds = "elapsed_seconds";
} // namespace state_keys

// torch's own save_to(file) aborts the process when the disk fills: its writer's destructor throws.
// Here the writer is always told its bytes were taken, and a failed write is reported afterwards.
void save_archive(torch::serialize::OutputArchive& archive, const fs::path& file, const fs::path& shown_as)
{
    std::FILE* out = std::fopen(file.c_str(), "wb");
    if (!out)
        throw Error("cannot create " + shown_as.string() + ": " + std::strerror(errno));
    int write_errno = 0;
    archive.save_to([&](const void* data, size_t size) -> size_t {
        if (write_errno == 0 && std::fwrite(data, 1, size, out) != size)
            write_errno = errno != 0 ? errno : EIO;
        return size;
    });
    if (std::fflush(out) != 0 && write_errno == 0)
        write_errno = errno;
    if (std::fclose(out) != 0 && write_errno == 0)
        write_errno = errno;
    if (write_errno != 0)
        throw Error("could not write " + shown_as.string() + ": " + std::strerror(write_errno));
}

std::string now_iso8601()
{
    const std::time_t now = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return text;
}

// The run's clock: training time only, with pauses and earlier sessions accounted for.
class SessionClock {
public:
    explicit SessionClock(double earlier_seconds) : earlier_(earlier_seconds) {}

    double elapsed() const { return earlier_ + seconds_since(start_); }
    double session_seconds() const { return seconds_since(start_); }
    double interval_seconds() const { return seconds_since(interval_start_); }
    void start_interval() { interval_start_ = Clock::now(); }
    // A pause shifts the clocks, so elapsed time, ETA and tokens/s leave it out.
    void wait_while_paused(const PauseGate* pause, const CancelToken* cancel)
    {
        if (!pause || !pause->paused())
            return;
        const auto paused_at = Clock::now();
        pause->wait_while_paused(cancel);
        start_ += Clock::now() - paused_at;
        interval_start_ += Clock::now() - paused_at;
    }

private:
    static double seconds_since(Clock::time_point when)
    {
        return std::chrono::duration<double>(Clock::now() - when).count();
    }

    double earlier_;
    Clock::time_point start_ = Clock::now();
    Clock::time_point interval_start_ = start_;
};

// One optimizer step's figures.
struct StepResult {
    double loss = 0;
    double lr = 0;
    double grad_norm = 0;
};

// The batch each of `ranks` ranks takes so that the run keeps its global batch (run.json's
// batch_size on each of its world_size ranks); a number of ranks that cannot share it evenly is
// an i3::Error.
int64_t batch_for_ranks(const RunInfo& info, int ranks)
{
    const int64_t global = info.global_batch();
    if (global % ranks != 0)
        throw SettingsError("the run takes " + std::to_string(global) + " sequences per micro-batch (batch " +
                            std::to_string(info.training.batch_size) + " on each of " +
                            std::to_string(info.world_size) + " rank(s)), which " + std::to_string(ranks) +
                            " ranks cannot share evenly: continue it on a number of ranks that divides " +
                            std::to_string(global));
    return global / ranks;
}

// What rank 0 tells the others about the run it made or resumed (through the ranks' store).
namespace announcement_keys {
constexpr const char* kFolder = "folder";
constexpr const char* kCheckpoint = "checkpoint"; // the one it loaded; empty: none
constexpr const char* kSteps = "steps";           // planned, which a resumed run may have changed
} // namespace announcement_keys

} // namespace

std::unique_ptr<torch::optim::AdamW> make_optimizer(I3Model& model, const TrainConfig& config)
{
    auto options = torch::optim::AdamWOptions(config.lr)
                       .betas(std::make_tuple(config.beta1, config.beta2))
                       .eps(config.eps)
                       .weight_decay(config.weight_decay);
    return std::make_unique<torch::optim::AdamW>(model->parameters(), options);
}

TrainingData split_training_data(TokenCorpus tokens, ChunkTokenizer tokenizer, std::vector<std::string> sources,
                                 const TrainConfig& config, int64_t context)
{
    const int64_t train_count = training_token_count(tokens.size(), config.validation_fraction, context);
    return {std::move(tokenizer), std::move(tokens), train_count, std::move(sources)};
}

TrainingData prepare_training_data(const std::vector<std::string>& texts, ChunkTokenizer tokenizer,
                                   std::vector<std::string> sources, const TrainConfig& config, int64_t context,
                                   const CancelToken* cancel)
{
    TokenCorpus tokens(tokenizer.vocab_size());
    tokens.append(encode_corpus(tokenizer, texts, {}, cancel));
    return split_training_data(std::move(tokens), std::move(tokenizer), std::move(sources), config, context);
}

struct Trainer::State {
    explicit State(RunFolder run_folder) : folder(std::move(run_folder)) {}

    RunFolder folder;
    std::unique_ptr<RunLock> lock;
    std::vector<std::string> notes; // said as Note events when the run starts
    ModelConfig model_config;
    TrainConfig config;
    ChunkTokenizer tokenizer;
    torch::Device device{torch::kCPU};
    I3Model model{nullptr};
    std::unique_ptr<torch::optim::AdamW> optimizer;
    TokenCorpus validation_tokens;
    std::unique_ptr<BatchSampler> sampler;
    int64_t step = 0;
    std::deque<double> recent_losses;
    double best_metric = std::numeric_limits<double>::infinity();
    double elapsed_before = 0; // seconds spent in earlier sessions of this run
    std::filesystem::path init_from;           // the model folder a fine-tuned run started from
    std::optional<RunOrigin> forked_from;      // the checkpoint a fork started from
    std::optional<double> last_validation_loss; // of this session's latest evaluation
    std::shared_ptr<RankGroup> ranks;           // the data-parallel ranks; none for one process
    std::filesystem::path loaded_checkpoint;    // what this session started from; empty: fresh

    // Rank 0 writes the run folder; the other ranks train alongside and write nothing.
    bool writes() const { return !ranks || ranks->leads(); }
    int world_size() const { return ranks ? ranks->size() : 1; }

    void build(TokenCorpus train_tokens, TokenCorpus validation, const InitialWeights* initial = nullptr)
    {
        device = ranks ? ranks->device() : usable_device(config.device);
        check_memory();
        torch::manual_seed(config.seed);
        model = I3Model(model_config);
        if (initial && !initial->forked_from)
            load_state_dict(model, initial->tensors, init_from.string());
        model->to(device);
        optimizer = make_optimizer(model, config);
        if (initial && initial->forked_from)
            load_fork_origin(*initial->forked_from);
        const SamplerShare share = ranks ? SamplerShare{ranks->rank(), ranks->size()} : SamplerShare{};
        sampler = std::make_unique<BatchSampler>(std::move(train_tokens), model_config.max_seq_len, config.batch_size,
                                                 config.seed, device, share);
        validation_tokens = std::move(validation);
    }

    // Rank 0 says which folder and checkpoint the others are to start from (Trainer::join).
    void announce_to_ranks() const
    {
        if (!ranks || !ranks->leads())
            return;
        using namespace announcement_keys;
        const nlohmann::json said = {{kFolder, fs::absolute(folder.root()).string()},
                                     {kCheckpoint, loaded_checkpoint.string()},
                                     {kSteps, config.steps}};
        ranks->store().set(rank_keys::kRunFolder, said.dump());
    }

    // A fork's start: the parent checkpoint's weights and optimizer moments, with this run's own
    // optimizer settings (those saved with the moments are the parent's).
    void load_fork_origin(const RunOrigin& origin)
    {
        const int64_t saved_step = checkpoint_step(origin.checkpoint);
        if (saved_step != origin.step)
            throw Error(origin.checkpoint.string() + " now holds step " + std::to_string(saved_step) + ", not step " +
                        std::to_string(origin.step) + " that this run was forked from");
        const fs::path weights = origin.checkpoint / run_files::kCheckpointWeights;
        load_state_dict(model, read_safetensors(weights), weights.string());
        load_optimizer(origin.checkpoint / run_files::kCheckpointOptimizer);
        const auto own = make_optimizer(model, config);
        for (size_t group = 0; group < optimizer->param_groups().size(); ++group)
            optimizer->param_groups()[group].set_options(own->param_groups()[group].options().clone());
    }

    void load_optimizer(const fs::path& optimizer_file)
    {
        torch::serialize::InputArchive archive;
        try {
            archive.load_from(optimizer_file.string(), device);
            optimizer->load(archive);
        } catch (const c10::Error& error) {
            throw Error(optimizer_file.string() + ": cannot load the optimizer state (" +
                        error.what_without_backtrace() + ")");
        }
    }

    // Before anything is allocated: Linux over-commits, so a model too large for the machine would
    // otherwise run until it swaps or is killed. On a GPU, the model is built on the CPU first.
    void check_memory() const
    {
        const TrainingMemoryEstimate need = estimate_training_memory(model_config, config.batch_size);
        const std::string what = "training " + std::to_string(model_config.parameter_count()) +
                                 " parameters with batch " + std::to_string(config.batch_size) + " and context " +
                                 std::to_string(model_config.max_seq_len);
        check_host_memory(device.is_cpu() ? need.total_bytes() : need.weight_bytes, what,
                          "choose a smaller model, batch or context");
    }

    double recent_mean() const
    {
        return std::accumulate(recent_losses.begin(), recent_losses.end(), 0.0) /
               static_cast<double>(std::max<size_t>(1, recent_losses.size()));
    }

    // --- checkpoints ---

    nlohmann::json trainer_state(double elapsed_seconds) const
    {
        using namespace state_keys;
        return {{kStep, step},
                {kSampler, sampler->state()},
                {kRecentLosses, std::vector<double>(recent_losses.begin(), recent_losses.end())},
                {kBestMetric, std::isfinite(best_metric) ? nlohmann::json(best_metric) : nlohmann::json()},
                {kElapsedSeconds, elapsed_seconds}};
    }

    // A checkpoint folder is written whole under a temporary name, synced, then renamed into place;
    // a save that fails (a full disk) takes back its partial folder and leaves the previous
    // checkpoint and run.json as they were.
    void save_checkpoint(const fs::path& target, double elapsed_seconds)
    {
        if (!writes())
            return;
        const fs::path partial = target.string() + ".partial";
        try {
            write_checkpoint_files(partial, elapsed_seconds);
        } catch (const std::exception& error) {
            try {
                remove_tree(partial);
            } catch (const std::exception&) {
            } // the next save removes it first
            throw Error("could not save checkpoint " + target.filename().string() + " at step " +
                        std::to_string(step) + ": " + error.what() + intact_checkpoint_note());
        }
        // Swap in the new folder before the old one goes, so a crash never leaves neither.
        const fs::path previous = target.string() + ".previous";
        remove_tree(previous);
        if (fs::exists(target))
            fs::rename(target, previous);
        fs::rename(partial, target);
        sync_to_disk(target.parent_path());
        remove_tree(previous);
    }

    void write_checkpoint_files(const fs::path& partial, double elapsed_seconds)
    {
        remove_tree(partial);
        fs::create_directories(partial);
        write_safetensors(partial / run_files::kCheckpointWeights, model_state_dict(model), {{"format", "pt"}});
        const fs::path optimizer_file = partial / run_files::kCheckpointOptimizer;
        write_atomically(optimizer_file, [&](const fs::path& temporary) {
            torch::serialize::OutputArchive archive;
            optimizer->save(archive);
            save_archive(archive, temporary, optimizer_file);
        });
        write_file_atomically(partial / run_files::kCheckpointTrainerState, trainer_state(elapsed_seconds).dump(2) + "\n");
    }

    // " (the last checkpoint is intact)", when there is one: for messages about a failed step.
    std::string intact_checkpoint_note() const
    {
        try {
            return folder.latest_checkpoint() ? " (the last checkpoint is intact)" : "";
        } catch (const Error&) {
            return "";
        }
    }

    void load_checkpoint(const fs::path& checkpoint)
    {
        loaded_checkpoint = checkpoint;
        const fs::path weights = checkpoint / run_files::kCheckpointWeights;
        load_state_dict(model, read_safetensors(weights), weights.string());
        load_optimizer(checkpoint / run_files::kCheckpointOptimizer);
        const fs::path state_file = checkpoint / run_files::kCheckpointTrainerState;
        try {
            using namespace state_keys;
            const nlohmann::json saved = read_json_file(state_file);
            step = saved.at(kStep).get<int64_t>();
            sampler->restore(saved.at(kSampler).get<std::string>());
            const auto losses = saved.at(kRecentLosses).get<std::vector<double>>();
            recent_losses.assign(losses.begin(), losses.end());
            best_metric = saved.at(kBestMetric).is_number() ? saved.at(kBestMetric).get<double>()
                                                            : std::numeric_limits<double>::infinity();
            elapsed_before = saved.at(kElapsedSeconds).get<double>();
        } catch (const nlohmann::json::exception& error) {
            throw Error(state_file.string() + ": corrupt (" + error.what() + ")");
        }
    }

    // The latest checkpoint, else the periodic ones newest first. Loading overwrites the weights,
    // the optimizer and the trainer's state whole, so a checkpoint that fails half-way leaves
    // nothing behind that the next one does not replace.
    void load_newest_intact_checkpoint()
    {
        std::vector<fs::path> candidates;
        try {
            if (const auto latest = folder.latest_checkpoint())
                candidates.push_back(*latest);
        } catch (const Error& error) {
            notes.emplace_back(error.what());
        }
        const auto periodic = folder.step_checkpoints();
        for (auto it = periodic.rbegin(); it != periodic.rend(); ++it)
            if (std::find(candidates.begin(), candidates.end(), *it) == candidates.end())
                candidates.push_back(*it);
        if (candidates.empty()) {
            notes.push_back(folder.root().string() + " stopped before its first checkpoint; training it again from step 0");
            return;
        }
        for (const auto& checkpoint : candidates) {
            try {
                load_checkpoint(checkpoint);
                if (checkpoint != candidates.front() || !notes.empty())
                    notes.push_back("resuming from " + checkpoint.filename().string() + " (step " + std::to_string(step) + ")");
                return;
            } catch (const Error& error) {
                notes.push_back(checkpoint.filename().string() + " is damaged and was passed over: " + error.what());
            }
        }
        throw_if_any("no checkpoint of " + folder.root().string() + " could be loaded", notes);
    }

    // Keeps the newest `keep_checkpoints` periodic checkpoints (the best lives apart).
    void prune_checkpoints() const
    {
        if (!writes() || config.keep_checkpoints == kKeepAllCheckpoints)
            return;
        auto checkpoints = folder.step_checkpoints();
        const auto keep = static_cast<size_t>(config.keep_checkpoints);
        if (checkpoints.size() <= keep)
            return;
        checkpoints.resize(checkpoints.size() - keep);
        for (const auto& old : checkpoints) {
            try {
                remove_tree(old);
            } catch (const std::exception&) {
                // Nothing is lost by keeping one too many; the next checkpoint tries again.
            }
        }
    }

    void set_status(RunStatus status)
    {
        if (!writes())
            return;
        RunInfo info = folder.read_info();
        info.status = status;
        info.completed_steps = step;
        info.training.batch_size = config.batch_size;
        info.world_size = world_size();
        info.backend = ranks ? ranks->backend_name() : "";
        info.updated = now_iso8601();
        if (!recent_losses.empty())
            info.last_loss = recent_losses.back();
        folder.write_info(info);
    }
};

// One session of training: the loop of Trainer::run, as a flat sequence of named steps.
class Trainer::Session {
public:
    Session(State& state, const TrainEventHandler& on_event, const CancelToken* cancel, const PauseGate* pause)
        : s_(state), c_(state.config), on_event_(on_event), cancel_(cancel), pause_(pause),
          schedule_{c_.lr, c_.warmup_steps, c_.steps, c_.final_lr_ratio}, clock_(state.elapsed_before),
          first_step_(state.step),
          averager_(state.ranks ? std::make_unique<GradientAverager>(state.model->parameters(), state.ranks) : nullptr),
          // The ranks' collectives run outside any recorded graph: their steps stay eager.
          step_(state.model, *state.optimizer, state.config, /*cuda_graph=*/!state.ranks, averager_.get()),
          on_gpu_(state.model->parameters().front().is_cuda()), generator_(state.model, state.tokenizer)
    {
    }

    void run()
    {
        if (averager_)
            averager_->broadcast_parameters();
        announce_start();
        s_.model->train();
        while (s_.step < c_.steps) {
            clock_.wait_while_paused(pause_, cancel_);
            if (stop_wanted())
                break;
            const StepResult result = train_step();
            if (due(c_.log_every))
                log_step(result);
            try {
                if (due(c_.eval_every)) {
                    evaluate();
                    write_samples();
                }
            } catch (const Cancelled&) {
                break; // a stop asked for during a long evaluation or sample: finish() saves the step
            }
            if (due(c_.checkpoint_every)) {
                save_periodic_checkpoint();
                s_.prune_checkpoints();
            }
        }
        finish();
    }

private:
    bool due(int64_t every) const { return s_.step % every == 0 || s_.step == c_.steps; }
    bool cancelled() const { return cancel_ && cancel_->cancelled(); }
    // Ranks stop together, after the step at which any of them was asked to (agree()).
    bool stop_wanted() const { return s_.ranks ? stop_agreed_ : cancelled(); }
    // What may stop an evaluation or a sample half-way: nothing when there are ranks, which must
    // all do the same work between their collectives.
    const CancelToken* solo_cancel() const { return s_.ranks ? nullptr : cancel_; }

    void append_line(const fs::path& file, const nlohmann::json& line) const
    {
        if (s_.writes())
            RunFolder::append_json_line(file, line);
    }

    void emit(TrainEvent event) const
    {
        event.total_steps = c_.steps;
        if (on_event_)
            on_event_(event);
    }

    void announce_start()
    {
        TrainEvent started{TrainEvent::Kind::Started};
        started.step = s_.step;
        started.text = std::to_string(s_.model_config.parameter_count()) + " parameters, vocabulary " +
                       std::to_string(s_.model_config.vocab_size) + ", context " +
                       std::to_string(s_.model_config.max_seq_len) + ", " +
                       std::to_string(c_.batch_size * c_.grad_accum * s_.world_size()) + " sequences per step on " +
                       (s_.ranks ? ranks_in_words(s_.ranks->size()) + " (" + s_.ranks->backend_name() + ", " +
                                       std::to_string(c_.batch_size) + " per rank)"
                                 : c_.device) +
                       (first_step_ > 0 ? ", resuming after step " + std::to_string(first_step_) : "");
        emit(started);
        for (const auto& note : s_.notes) {
            TrainEvent noted{TrainEvent::Kind::Note};
            noted.step = s_.step;
            noted.text = note;
            emit(noted);
        }
        s_.set_status(RunStatus::Training);
    }

    StepResult train_step()
    {
        const double lr = schedule_.at(s_.step);
        const StepTensors figures = step_.run(
            [&] {
                const auto start = std::chrono::steady_clock::now();
                auto batch = s_.sampler->next();
                interval_data_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                return batch;
            },
            lr);
        if (!step_.graph_note().empty() && !graph_note_told_) {
            graph_note_told_ = true;
            TrainEvent noted{TrainEvent::Kind::Note};
            noted.step = s_.step;
            noted.text = step_.graph_note() + "; training goes on without it";
            emit(noted);
        }
        ++s_.step;
        const int64_t rank_tokens = c_.batch_size * c_.grad_accum * s_.model_config.max_seq_len;
        interval_tokens_ += rank_tokens * s_.world_size();
        if (s_.ranks) {
            unread_.push_back({s_.step, lr, agree(figures)});
            return read_figures();
        }
        unread_.push_back({s_.step, lr, figures});
        // Reading a step's figures waits for the GPU; there they are read only when they are
        // used, so the host queues the next steps while the GPU works. The CPU has no such wait.
        if (!on_gpu_ || due(c_.log_every) || due(c_.eval_every) || due(c_.checkpoint_every))
            return read_figures();
        return {};
    }

    // The ranks' mean loss, which is the loss of one process training on all their windows, and
    // whether any of them was asked to stop: one small all-reduce per step. The gradient norm is
    // the same on every rank already (of the averaged gradients).
    StepTensors agree(const StepTensors& figures)
    {
        const std::vector<double> sums = s_.ranks->sum_values({figures.loss.item<double>(), cancelled() ? 1.0 : 0.0});
        stop_agreed_ = sums[1] > 0;
        return {torch::tensor(sums[0] / s_.ranks->size(), torch::kDouble), figures.grad_norm};
    }

    // Each rank's tokens/s over the interval, by its own clock, in rank order.
    std::vector<double> rank_speeds(double seconds)
    {
        std::vector<double> own(static_cast<size_t>(s_.ranks->size()), 0.0);
        own[static_cast<size_t>(s_.ranks->rank())] =
            seconds > 0 ? static_cast<double>(interval_tokens_ / s_.ranks->size()) / seconds : 0;
        return s_.ranks->sum_values(own);
    }

    // The figures of the steps taken since the last read, in order; the last one's are returned.
    // A loss that is not finite stops training before anything saves the weights it made.
    StepResult read_figures()
    {
        std::vector<at::Tensor> losses, norms;
        for (const auto& step : unread_) {
            losses.push_back(step.figures.loss.to(at::kDouble).reshape({}));
            norms.push_back(step.figures.grad_norm.to(at::kDouble).reshape({}));
        }
        const at::Tensor loss_values = at::stack(losses).cpu(), norm_values = at::stack(norms).cpu();
        StepResult result;
        for (size_t i = 0; i < unread_.size(); ++i) {
            result = {loss_values[static_cast<int64_t>(i)].item<double>(), unread_[i].lr,
                      norm_values[static_cast<int64_t>(i)].item<double>()};
            if (!std::isfinite(result.loss))
                throw Error("the loss became " + std::to_string(result.loss) + " at step " +
                            std::to_string(unread_[i].step) + "; try a lower learning rate" +
                            s_.intact_checkpoint_note());
            s_.recent_losses.push_back(result.loss);
            while (static_cast<int64_t>(s_.recent_losses.size()) > c_.loss_window)
                s_.recent_losses.pop_front();
        }
        unread_.clear();
        return result;
    }

    void log_step(const StepResult& result)
    {
        using namespace metric_keys;
        const double seconds = clock_.interval_seconds();
        TrainEvent event{TrainEvent::Kind::Step};
        event.step = s_.step;
        event.loss = result.loss;
        event.perplexity = std::exp(result.loss);
        event.lr = result.lr;
        event.grad_norm = result.grad_norm;
        event.tokens_per_second = seconds > 0 ? static_cast<double>(interval_tokens_) / seconds : 0;
        event.data_share = seconds > 0 ? std::min(1.0, interval_data_seconds_ / seconds) : 0;
        event.elapsed_seconds = clock_.elapsed();
        event.eta_seconds = clock_.session_seconds() / static_cast<double>(s_.step - first_step_) *
                            static_cast<double>(c_.steps - s_.step);
        nlohmann::json line = {{kKind, kTrainKind},
                               {kStep, s_.step},
                               {kLoss, result.loss},
                               {kPerplexity, event.perplexity},
                               {kLearningRate, result.lr},
                               {kGradNorm, result.grad_norm},
                               {kTokensPerSecond, event.tokens_per_second},
                               {kElapsedSeconds, event.elapsed_seconds}};
        if (s_.ranks) {
            event.rank_tokens_per_second = rank_speeds(seconds);
            line[kRankTokensPerSecond] = event.rank_tokens_per_second;
        }
        append_line(s_.folder.metrics_file(), line);
        emit(event);
        clock_.start_interval();
        interval_tokens_ = 0;
        interval_data_seconds_ = 0;
    }

    // The mean of the recent losses and, when there is a validation split, the validation loss;
    // a new best (by validation loss, else by the mean) is saved as the best checkpoint.
    void evaluate()
    {
        using namespace metric_keys;
        TrainEvent event{TrainEvent::Kind::Evaluation};
        event.step = s_.step;
        event.loss = s_.recent_mean();
        event.perplexity = std::exp(event.loss);
        double metric = event.loss;
        if (s_.validation_tokens.size() >= 2) {
            event.validation_loss = evaluate_tokens(s_.model, s_.validation_tokens, s_.device, c_.eval_windows,
                                                    c_.batch_size, solo_cancel())
                                        .loss;
            metric = event.validation_loss;
            s_.last_validation_loss = event.validation_loss;
        }
        event.is_best = metric < s_.best_metric;
        if (event.is_best) {
            s_.best_metric = metric;
            s_.save_checkpoint(s_.folder.best_checkpoint_dir(), clock_.elapsed());
        }
        nlohmann::json line = {{kKind, kEvalKind}, {kStep, s_.step}, {kTrainLossMean, event.loss},
                               {kBest, event.is_best}, {kElapsedSeconds, clock_.elapsed()}};
        if (event.validation_loss >= 0) {
            line[kValidationLoss] = event.validation_loss;
            line[kValidationPerplexity] = std::exp(event.validation_loss);
        }
        append_line(s_.folder.metrics_file(), line);
        emit(event);
    }

    void write_samples()
    {
        GenerationOptions options;
        options.max_new_tokens = c_.sample_tokens;
        options.seed = c_.seed + static_cast<uint64_t>(s_.step);
        for (const auto& prompt : c_.sample_prompts) {
            if (c_.sample_tokens == 0 || s_.tokenizer.encode(prompt).empty())
                continue;
            TrainEvent sample{TrainEvent::Kind::Sample};
            sample.step = s_.step;
            const GenerationResult generated = generator_.generate(prompt, options, {}, solo_cancel());
            if (generated.cancelled) {
                s_.model->train();
                throw Cancelled();
            }
            sample.text = generated.text;
            append_line(s_.folder.samples_file(), {{sample_keys::kStep, s_.step},
                                                   {sample_keys::kPrompt, prompt},
                                                   {sample_keys::kText, sample.text}});
            emit(sample);
        }
        s_.model->train();
    }

    void save_periodic_checkpoint()
    {
        const fs::path checkpoint = s_.folder.checkpoint_dir(s_.step);
        s_.save_checkpoint(checkpoint, clock_.elapsed());
        if (s_.writes())
            s_.folder.set_latest_checkpoint(checkpoint);
        TrainEvent event{TrainEvent::Kind::Checkpoint};
        event.step = s_.step;
        event.path = checkpoint;
        emit(event);
    }

    // Stopped early: a checkpoint to resume from. Done: the model exported as the reference's files.
    void finish()
    {
        if (!unread_.empty())
            read_figures();
        TrainEvent finished{TrainEvent::Kind::Finished};
        finished.step = s_.step;
        finished.loss = s_.recent_losses.empty() ? 0 : s_.recent_losses.back();
        finished.elapsed_seconds = clock_.elapsed();
        if (s_.step < c_.steps) {
            finished.cancelled = true;
            if (s_.step > first_step_ && !fs::exists(s_.folder.checkpoint_dir(s_.step))) {
                save_periodic_checkpoint();
                s_.prune_checkpoints();
            }
            finished.path = s_.folder.root();
            s_.set_status(RunStatus::Stopped);
        } else if (s_.writes()) {
            const ModelCard card = model_card();
            save_model_folder(s_.folder.artifacts_dir(), s_.model_config, s_.model, s_.tokenizer, &card);
            finished.path = s_.folder.artifacts_dir();
            s_.set_status(RunStatus::Finished);
        } else {
            finished.path = s_.folder.artifacts_dir();
        }
        emit(finished);
    }

    ModelCard model_card() const
    {
        ModelCard card;
        for (const auto& source : s_.model_config.dataset_sources)
            if (const auto repo = hub_repo_of_description(source))
                card.hub_datasets.push_back(*repo);
        card.init_from = s_.init_from.string();
        if (const auto repo = repo_of_snapshot(s_.init_from))
            card.base_model = repo->id;
        card.steps = s_.step;
        if (!s_.recent_losses.empty())
            card.train_loss = s_.recent_mean();
        card.loss_window = static_cast<int64_t>(s_.recent_losses.size());
        card.validation_loss = s_.last_validation_loss;
        return card;
    }

    State& s_;
    const TrainConfig& c_;
    const TrainEventHandler& on_event_;
    const CancelToken* cancel_;
    const PauseGate* pause_;
    const LrSchedule schedule_;
    SessionClock clock_;
    const int64_t first_step_;
    int64_t interval_tokens_ = 0; // of every rank
    double interval_data_seconds_ = 0; // this rank's, drawing batches
    bool stop_agreed_ = false;
    std::unique_ptr<GradientAverager> averager_; // with ranks: before step_, which uses it
    TrainingStep step_;
    const bool on_gpu_;
    struct UnreadStep {
        int64_t step;
        double lr;
        StepTensors figures;
    };
    std::vector<UnreadStep> unread_;
    bool graph_note_told_ = false;
    Generator generator_; // made once per session: its decoder (and CUDA graph) serves every sample
};

bool is_data_stall(const TrainEvent& step)
{
    constexpr double kStallShare = 0.2;
    return step.kind == TrainEvent::Kind::Step && step.data_share >= kStallShare;
}

Trainer::Trainer(std::unique_ptr<State> state) : state_(std::move(state)) {}
Trainer::~Trainer() = default;

Trainer::Trainer(const fs::path& folder, ModelConfig model_config, TrainConfig train_config, TrainingData data,
                 std::optional<InitialWeights> initial, std::shared_ptr<RankGroup> ranks)
    : state_(std::make_unique<State>(RunFolder(folder)))
{
    State& s = *state_;
    s.ranks = std::move(ranks);
    if (initial) {
        s.init_from = initial->folder;
        s.forked_from = initial->forked_from;
    }
    s.model_config = std::move(model_config);
    s.config = std::move(train_config);
    s.tokenizer = std::move(data.tokenizer);
    s.model_config.vocab_size = s.tokenizer.vocab_size();
    s.model_config.dataset_sources = data.sources;
    s.model_config.validate();
    s.config.validate();
    check_new_run_folder(folder);
    const bool folder_existed = fs::exists(folder);
    try {
        fs::create_directories(folder);
        s.lock = std::make_unique<RunLock>(folder);
        check_new_run_folder(folder); // again, now that no other trainer can be filling it
        s.build(data.train(), data.validation(), initial ? &*initial : nullptr);
        write_new_run(s, data);
        s.announce_to_ranks();
    } catch (...) {
        // Half a run folder would be neither resumable nor new: take back what was written. The
        // folder was absent or empty (check_new_run_folder), so all of it is ours.
        try {
            if (folder_existed)
                for (const auto& entry : fs::directory_iterator(folder))
                    remove_tree(entry.path());
            else
                remove_tree(folder);
        } catch (const std::exception&) {
        } // what went wrong first is the message
        throw;
    }
}

void Trainer::write_new_run(State& s, const TrainingData& data)
{
    fs::create_directories(s.folder.checkpoints_dir());
    write_model_config(s.folder.model_config_file(), s.model_config);
    s.tokenizer.save(s.folder.tokenizer_file());
    write_run_tokens(s.folder, data.tokens);
    RunInfo info;
    info.created = now_iso8601();
    info.status = RunStatus::Created;
    info.model = s.model_config;
    info.training = s.config;
    info.parameters = s.model_config.parameter_count();
    info.train_tokens = data.train_count;
    info.validation_tokens = data.tokens.size() - data.train_count;
    info.init_from = s.init_from.string();
    info.forked_from = s.forked_from;
    info.world_size = s.world_size();
    info.backend = s.ranks ? s.ranks->backend_name() : "";
    s.folder.write_info(info);
}

// The run's settings, tokenizer and tokens read from its folder, and the model, optimizer and
// sampler built for this process's share: what resuming and joining have in common.
void Trainer::open_run(State& s, int64_t steps, const std::string& device)
{
    const RunInfo info = s.folder.read_info();
    s.model_config = info.model;
    s.config = info.training;
    if (steps > 0)
        s.config.steps = steps;
    if (!device.empty())
        s.config.device = device;
    s.config.batch_size = batch_for_ranks(info, s.world_size());
    if (s.config.batch_size != info.training.batch_size)
        s.notes.push_back("the run took batch " + std::to_string(info.training.batch_size) + " on each of its " +
                          std::to_string(info.world_size) + " rank(s); on " + std::to_string(s.world_size()) +
                          " rank(s) each takes batch " + std::to_string(s.config.batch_size) + ": the same " +
                          std::to_string(info.global_batch()) + " sequences per micro-batch");
    s.config.validate();
    s.tokenizer = ChunkTokenizer::load(s.folder.tokenizer_file());
    if (s.tokenizer.vocab_size() != s.model_config.vocab_size)
        throw Error(s.folder.tokenizer_file().string() + " does not match the run's vocabulary size");
    const TokenCorpus tokens = read_run_tokens(s.folder, s.tokenizer.vocab_size(), info);
    s.build(tokens.slice(0, info.train_tokens), tokens.slice(info.train_tokens, info.validation_tokens));
    s.init_from = info.init_from;
    s.forked_from = info.forked_from;
}

std::unique_ptr<Trainer> Trainer::resume(const fs::path& folder, int64_t steps, const std::string& device,
                                         std::shared_ptr<RankGroup> ranks)
{
    auto state = std::make_unique<State>(RunFolder(folder));
    State& s = *state;
    s.ranks = std::move(ranks);
    if (!fs::exists(s.folder.run_file()))
        throw Error(folder.string() + " is not a training run (no run.json)");
    s.lock = std::make_unique<RunLock>(folder);
    open_run(s, steps, device);
    s.load_newest_intact_checkpoint();
    if (s.step == 0 && s.forked_from) {
        s.load_fork_origin(*s.forked_from);
    } else if (s.step == 0 && !s.init_from.empty()) {
        LoadedModel base = load_model_folder(s.init_from);
        load_state_dict(s.model, model_state_dict(base.model), s.init_from.string());
    }
    // The steps after the checkpoint are trained again; their earlier log lines would repeat them.
    RunFolder::keep_lines_up_to(s.folder.metrics_file(), s.step);
    RunFolder::keep_lines_up_to(s.folder.samples_file(), s.step);
    s.announce_to_ranks();
    return std::unique_ptr<Trainer>(new Trainer(std::move(state)));
}

std::unique_ptr<Trainer> Trainer::join(std::shared_ptr<RankGroup> ranks)
{
    using namespace announcement_keys;
    nlohmann::json said;
    try {
        said = nlohmann::json::parse(ranks->store().await(rank_keys::kRunFolder));
    } catch (const nlohmann::json::exception& error) {
        throw Error(std::string("rank 0's word about the run is garbled: ") + error.what());
    }
    auto state = std::make_unique<State>(RunFolder(said.at(kFolder).get<std::string>()));
    State& s = *state;
    s.ranks = std::move(ranks);
    open_run(s, said.at(kSteps).get<int64_t>(), "");
    // Rank 0's checkpoint, or fresh weights: the parameters come from rank 0 when training starts
    // either way (a fine-tuned run's included), the optimizer's and the sampler's state from here,
    // and at a fork's first step its parent's optimizer moments.
    if (const std::string checkpoint = said.at(kCheckpoint).get<std::string>(); !checkpoint.empty())
        s.load_checkpoint(checkpoint);
    if (s.step == 0 && s.forked_from)
        s.load_fork_origin(*s.forked_from);
    return std::unique_ptr<Trainer>(new Trainer(std::move(state)));
}

int64_t checkpoint_step(const fs::path& checkpoint)
{
    const fs::path state_file = checkpoint / run_files::kCheckpointTrainerState;
    try {
        return read_json_file(state_file).at(state_keys::kStep).get<int64_t>();
    } catch (const nlohmann::json::exception& error) {
        throw Error(state_file.string() + ": corrupt (" + error.what() + ")");
    }
}

int64_t Trainer::completed_steps() const { return state_->step; }

void Trainer::run(const TrainEventHandler& on_event, const CancelToken* cancel, const PauseGate* pause)
{
    State& s = *state_;
    // The failure is what the user needs to hear; a run.json that cannot be written then is not.
    const auto mark_failed = [&] {
        try {
            s.set_status(RunStatus::Failed);
        } catch (const std::exception&) {
        }
    };
    try {
        Session(s, on_event, cancel, pause).run();
    } catch (const c10::Error& error) {
        mark_failed();
        if (is_out_of_memory(error))
            throw Error("out of memory at step " + std::to_string(s.step + 1) + ": try a smaller batch or context" +
                        s.intact_checkpoint_note());
        throw Error(std::string("training failed at step ") + std::to_string(s.step + 1) + ": " +
                    error.what_without_backtrace());
    } catch (const Error&) {
        mark_failed();
        throw;
    }
}

} // namespace i3
