// SPDX-License-Identifier: GPL-3.0-or-later
// The training loop (reference §6): AdamW, warm-up + cosine schedule, gradient clipping and
// accumulation, evaluation on held-out tokens, samples, best and periodic checkpoints (the newest
// few kept), exact resume, and a run folder that a watcher (the CLI's log, the studio's plots)
// reads live.
// The loop reports through events and stops at a cancellation token, so a GUI can drive it from
// a worker thread.
//
// With ranks (distributed/rank_group.h), the same loop runs on each of them in lockstep: the
// parameters come from rank 0, each rank trains on its share of every batch's windows
// (data/batch_sampler.h), the gradients are averaged while the backward pass runs
// (distributed/gradient_averager.h), and the ranks agree after each step on the mean loss and on
// whether to stop. Rank 0 alone writes the run folder; evaluations and samples run on every rank,
// so none of them waits for the others outside a collective.
#pragma once

#include "base/cancel_token.h"
#include "text/chunk_tokenizer.h"
#include "model/i3_model.h"
#include "config/model_config.h"
#include "base/pause_gate.h"
#include "runs/run_folder.h"
#include "config/train_config.h"
#include "data/token_corpus.h"
#include "formats/named_tensors.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace torch::optim {
class AdamW;
}

namespace i3 {

class RankGroup;

// AdamW with the configuration's betas, eps and weight decay (PyTorch's defaults but the decay).
std::unique_ptr<torch::optim::AdamW> make_optimizer(I3Model& model, const TrainConfig& config);

struct TrainEvent {
    enum class Kind { Started, Note, Step, Evaluation, Sample, Checkpoint, Finished };
    explicit TrainEvent(Kind kind) : kind(kind) {}
    Kind kind;
    int64_t step = 0;  // optimizer steps completed
    int64_t total_steps = 0;
    double loss = 0;   // Step: this step's loss; Evaluation: mean of the recent training losses
    double perplexity = 0;
    double lr = 0;
    double grad_norm = 0;
    double tokens_per_second = 0; // every rank's together
    std::vector<double> rank_tokens_per_second; // Step, with several ranks: each one's, in rank order
    double data_share = 0; // Step: the part of the wall time since the last one spent drawing batches
    double elapsed_seconds = 0;
    double eta_seconds = 0;
    double validation_loss = -1; // Evaluation: -1 when there is no validation split
    bool is_best = false;        // Evaluation: a new best
    bool cancelled = false;      // Finished: stopped early by the token
    std::string text;            // Sample: the prompt and its continuation; Started: a summary; Note: what to know
    std::filesystem::path path;  // Checkpoint / Finished: what was written
};

using TrainEventHandler = std::function<void(const TrainEvent&)>;

// A step event whose interval waited on its data (reading the token files, a slow disk) for a
// fifth of its time or more: the studio marks it on the device timeline.
bool is_data_stall(const TrainEvent& step);

// The tokenizer and the encoded corpus of a new run, split for training and validation; saved
// into the run folder.
struct TrainingData {
    ChunkTokenizer tokenizer;
    TokenCorpus tokens;      // the whole corpus, usually memory-mapped token files
    int64_t train_count = 0; // its first train_count tokens train; the rest is held out
    std::vector<std::string> sources; // descriptions, for config.json's dataset_sources

    TokenCorpus train() const { return tokens.slice(0, train_count); }
    TokenCorpus validation() const { return tokens.slice(train_count, tokens.size() - train_count); }
};

// Splits off the validation tail of an encoded corpus (checking that both parts are long enough).
TrainingData split_training_data(TokenCorpus tokens, ChunkTokenizer tokenizer, std::vector<std::string> sources,
                                 const TrainConfig& config, int64_t context);
// Encodes `texts` with `tokenizer` into memory, then splits as above: for small corpora and tests.
TrainingData prepare_training_data(const std::vector<std::string>& texts, ChunkTokenizer tokenizer,
                                   std::vector<std::string> sources, const TrainConfig& config,
                                   int64_t context, const CancelToken* cancel = nullptr);

// What a new run starts from instead of fresh weights: a published model (fine-tuning: its
// weights, and the model folder they came from, run.json's init_from), or another run's checkpoint
// (a fork: run.json's forked_from).
struct InitialWeights {
    std::filesystem::path folder;
    NamedTensors tensors; // fine-tuning only
    // A fork starts from the checkpoint's weights and AdamW's moments (the shapes are the same, or
    // the weights would not load); its own settings replace the learning rate, betas, eps and
    // weight decay saved with the moments, and its step, schedule and data order start at 0.
    std::optional<RunOrigin> forked_from;
};

// The step a checkpoint folder was saved at (its trainer_state.json); throws i3::Error naming
// the file when it cannot be read.
int64_t checkpoint_step(const std::filesystem::path& checkpoint);

class Trainer {
public:
    // A new run in `folder`, which must be absent or empty (check_new_run_folder); create_run()
    // is the way to start one from data. The model configuration's vocab_size is taken from the
    // tokenizer. Without `initial` the weights are initialised afresh.
    // With `ranks`, this process is their rank 0; the others join the run (join()).
    Trainer(const std::filesystem::path& folder, ModelConfig model_config, TrainConfig train_config,
            TrainingData data, std::optional<InitialWeights> initial = std::nullopt,
            std::shared_ptr<RankGroup> ranks = nullptr);
    // Continues the run in `folder` from its latest checkpoint; when that one is damaged, from the
    // newest intact one before it; when the run stopped before its first checkpoint, from step 0
    // with the run's own settings and data, a fork from its parent's checkpoint again and a
    // fine-tuned run from its init_from weights again (Note events say which, when the run starts).
    // `steps`, when positive, replaces the planned number of steps (the schedule then changes).
    // The folder stays locked against other trainers while the Trainer lives (runs/run_lock.h).
    // With `ranks` (this process their rank 0), on as many ranks as they are, each with its share
    // of the run's global batch; a number of ranks that cannot share it evenly is refused.
    static std::unique_ptr<Trainer> resume(const std::filesystem::path& folder, int64_t steps = 0,
                                           const std::string& device = "",
                                           std::shared_ptr<RankGroup> ranks = nullptr);
    // A rank other than 0: waits until rank 0 has made or resumed the run, then loads what it
    // started from (the run folder must be reachable here too: the same machine or a shared file
    // system). It writes nothing there.
    static std::unique_ptr<Trainer> join(std::shared_ptr<RankGroup> ranks);
    ~Trainer();

    // Trains until the planned steps are done or `cancel` is set (then a checkpoint is saved, so
    // the run can be resumed). Between steps it waits while `pause` is paused; paused time does
    // not count in the elapsed time or the ETA. Throws i3::Error on failure; what was saved stays
    // saved.
    void run(const TrainEventHandler& on_event, const CancelToken* cancel = nullptr,
             const PauseGate* pause = nullptr);

    int64_t completed_steps() const;

private:
    struct State;
    class Session;
    explicit Trainer(std::unique_ptr<State> state);
    static void write_new_run(State& state, const TrainingData& data);
    static void open_run(State& state, int64_t steps, const std::string& device);
    std::unique_ptr<State> state_;
};

} // namespace i3
