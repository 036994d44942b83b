// SPDX-License-Identifier: GPL-3.0-or-later
// The run folder's schema, in one place: the names of its files and the keys of run.json,
// metrics.jsonl and samples.jsonl. The trainer writes them; the catalog, the studio's run browser
// and panels, and any tool that reads runs, take the names from here.
//
//   run.json                  model + training configuration, data sources, status, the model
//                             it was fine-tuned from, the ranks it trains on
//   config.json, tokenizer.json
//   tokens/000.tokens, 001.tokens, ...   the encoded corpus, part by part (data/token_file.h):
//                             links to the token cache's files, or copies; run.json's
//                             train_tokens come first, the rest is held out. Runs made before
//                             hold tokens/train.tokens and tokens/validation.tokens instead.
//   metrics.jsonl             one JSON object per logged step or evaluation
//   samples.jsonl             the texts sampled at each evaluation
//   weights.jsonl             every training.weights_every steps: each parameter tensor's weight,
//                             gradient and update norms and histograms (weight_keys below)
//   checkpoints/step-NNNNNNN/ model.safetensors, optimizer.pt, trainer_state.json
//   checkpoints/best/         the same, for the best evaluation so far
//   checkpoints/latest        the name of the newest checkpoint folder
//   i3-model-artifacts/       config.json, pytorch_model.bin, model.safetensors, tokenizer.json,
//                             README.md (the model card)
//   tensorboard/              metrics.jsonl as a TensorBoard event file (i3lm export-tensorboard)
//   .lock                     locked while a trainer works in the folder
//   annotations.json          the studio's display name and notes for the run (never the
//                             trainer's: a rename while it trains cannot race with run.json)
#pragma once

#include <optional>
#include <string>

namespace i3 {

namespace run_files {
inline constexpr const char* kRunInfo = "run.json";
inline constexpr const char* kModelConfig = "config.json";
inline constexpr const char* kTokenizer = "tokenizer.json";
inline constexpr const char* kTokensDir = "tokens";
inline constexpr const char* kTokenFileExtension = ".tokens";
inline constexpr const char* kTrainTokens = "train.tokens";           // runs made before the token store
inline constexpr const char* kValidationTokens = "validation.tokens"; // likewise
inline constexpr const char* kMetrics = "metrics.jsonl";
inline constexpr const char* kSamples = "samples.jsonl";
inline constexpr const char* kWeights = "weights.jsonl";
inline constexpr const char* kCheckpointsDir = "checkpoints";
inline constexpr const char* kStepCheckpointPrefix = "step-";
inline constexpr const char* kBestCheckpoint = "best";
inline constexpr const char* kLatestPointer = "latest";
inline constexpr const char* kArtifactsDir = "i3-model-artifacts";
inline constexpr const char* kTensorBoardDir = "tensorboard";
inline constexpr const char* kLock = ".lock"; // held by the trainer (run_lock.h)
inline constexpr const char* kAnnotations = "annotations.json";
inline constexpr const char* kBackgroundLog = "background.log"; // what a run continued without a window printed
// Inside a checkpoint folder.
inline constexpr const char* kCheckpointWeights = "model.safetensors";
inline constexpr const char* kCheckpointOptimizer = "optimizer.pt";
inline constexpr const char* kCheckpointTrainerState = "trainer_state.json";
} // namespace run_files

// run.json's keys.
namespace run_keys {
inline constexpr const char* kFormat = "format";
inline constexpr const char* kFormatVersion = "i3-run-1"; // the value of "format"
inline constexpr const char* kCreated = "created";
inline constexpr const char* kUpdated = "updated";
inline constexpr const char* kStatus = "status";
inline constexpr const char* kModel = "model";
inline constexpr const char* kTraining = "training";
inline constexpr const char* kParameters = "parameters";
inline constexpr const char* kTrainTokens = "train_tokens";
inline constexpr const char* kValidationTokens = "validation_tokens";
inline constexpr const char* kCompletedSteps = "completed_steps";
inline constexpr const char* kLastLoss = "last_loss";
inline constexpr const char* kInitFrom = "init_from"; // the model folder a fine-tuned run started from
// A fork: {"run": the parent run folder, "checkpoint": the checkpoint folder it started from, "step": its step}.
inline constexpr const char* kForkedFrom = "forked_from";
inline constexpr const char* kForkRun = "run";
inline constexpr const char* kForkCheckpoint = "checkpoint";
inline constexpr const char* kForkStep = "step";
inline constexpr const char* kWorldSize = "world_size"; // ranks of its latest session; training.batch_size is each one's
inline constexpr const char* kBackend = "backend";      // their collectives: "gloo" or "nccl"; absent for one process
} // namespace run_keys

// annotations.json's keys.
namespace annotation_keys {
inline constexpr const char* kDisplayName = "display_name";
inline constexpr const char* kNotes = "notes";
} // namespace annotation_keys

// metrics.jsonl: every line has "kind" and "step"; "train" lines log an optimizer step, "eval"
// lines an evaluation.
namespace metric_keys {
inline constexpr const char* kKind = "kind";
inline constexpr const char* kTrainKind = "train";
inline constexpr const char* kEvalKind = "eval";
inline constexpr const char* kStep = "step";
inline constexpr const char* kLoss = "loss";
inline constexpr const char* kPerplexity = "ppl";
inline constexpr const char* kLearningRate = "lr";
inline constexpr const char* kGradNorm = "grad_norm";
inline constexpr const char* kTokensPerSecond = "tokens_per_s"; // of every rank together
inline constexpr const char* kRankTokensPerSecond = "rank_tokens_per_s"; // each rank's, in rank order (several ranks only)
inline constexpr const char* kElapsedSeconds = "elapsed_s";
inline constexpr const char* kTrainLossMean = "train_loss_mean";
inline constexpr const char* kBest = "best";
inline constexpr const char* kValidationLoss = "val_loss";
inline constexpr const char* kValidationPerplexity = "val_ppl";
} // namespace metric_keys

// samples.jsonl: one line per sampled prompt. "text" is what the reference prints, the decode of
// the prompt's tokens and the new ones (a letter the vocabulary lacks shows as <UNK>);
// "continuation" is the decode of the new tokens alone (absent in runs made before it).
namespace sample_keys {
inline constexpr const char* kStep = "step";
inline constexpr const char* kPrompt = "prompt";
inline constexpr const char* kText = "text";
inline constexpr const char* kContinuation = "continuation";
} // namespace sample_keys

// weights.jsonl: one line per recorded step, written by training/weight_recorder.h after the
// optimizer step:
//   {"step": 50, "tensors": [{"name": "embed.weight", "shape": [V, d], "weight_norm": ..,
//     "grad_norm": .., "update_norm": .., "weights": {"low": .., "high": .., "counts": [..]},
//     "grads": {..}}, ...]}
// in the state dict's order. weight_norm is the L2 norm of the weights after the step;
// update_norm that of the change the step made (after minus before), so update_norm / weight_norm
// is the update-to-weight ratio. grad_norm and "grads" are of the gradients AdamW was given: the
// mean over the step's micro-batches (and ranks), after clipping to training.grad_clip (the
// global norm before clipping is metrics.jsonl's grad_norm). The histograms have equal bins from
// the lowest to the highest value (inspect/value_histogram.h). A norm that was not finite is null.
namespace weight_keys {
inline constexpr const char* kStep = "step";
inline constexpr const char* kTensors = "tensors";
inline constexpr const char* kName = "name";
inline constexpr const char* kShape = "shape";
inline constexpr const char* kWeightNorm = "weight_norm";
inline constexpr const char* kGradNorm = "grad_norm";
inline constexpr const char* kUpdateNorm = "update_norm";
inline constexpr const char* kWeights = "weights";
inline constexpr const char* kGrads = "grads";
inline constexpr const char* kLow = "low";
inline constexpr const char* kHigh = "high";
inline constexpr const char* kCounts = "counts";
} // namespace weight_keys

// run.json's "status": what the run is doing, or how it ended.
enum class RunStatus { Created, Training, Stopped, Finished, Failed };

const char* status_name(RunStatus status); // as written in run.json: "created", "training", ...
std::optional<RunStatus> parse_status(const std::string& name);
// Whether a trainer may still be writing to the run (its files are to be followed).
bool is_live(RunStatus status);

} // namespace i3
