// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/run_fork.h"

#include "base/error.h"
#include "runs/run_folder.h"
#include "training/run_tokens.h"
#include "training/trainer.h"

namespace fs = std::filesystem;

namespace i3 {

std::unique_ptr<Trainer> fork_run(const ForkSpec& spec)
{
    const RunFolder parent(spec.parent);
    const RunInfo info = parent.read_info();
    ModelConfig model = spec.model;
    model.vocab_size = info.model.vocab_size;
    throw_if_any("a fork keeps the shape of " + spec.parent.string() + ", whose weights it starts from",
                 shape_conflicts(model, info.model, "in that run"));
    const fs::path checkpoint = fs::weakly_canonical(spec.checkpoint);
    if (fs::weakly_canonical(parent.checkpoints_dir()) != checkpoint.parent_path())
        throw Error(spec.checkpoint.string() + " is not a checkpoint of " + spec.parent.string());
    if (!fs::is_regular_file(checkpoint / run_files::kCheckpointWeights))
        throw Error(spec.checkpoint.string() + " holds no " + run_files::kCheckpointWeights);
    TrainConfig training = spec.training;
    training.validation_fraction = info.training.validation_fraction;
    check_new_run_folder(spec.folder);

    ChunkTokenizer tokenizer = ChunkTokenizer::load(parent.tokenizer_file());
    TokenCorpus tokens = read_run_tokens(parent, tokenizer.vocab_size(), info);
    TrainingData data{std::move(tokenizer), std::move(tokens), info.train_tokens, info.model.dataset_sources};
    InitialWeights initial;
    initial.folder = info.init_from; // a fork of a fine-tuned run still descends from its published model
    initial.forked_from = RunOrigin{fs::weakly_canonical(spec.parent), checkpoint, checkpoint_step(checkpoint)};
    return std::make_unique<Trainer>(spec.folder, std::move(model), std::move(training), std::move(data),
                                     std::move(initial));
}

} // namespace i3
