// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/run_creation.h"

#include "base/error.h"
#include "data/corpus_encoding.h"
#include "data/token_store.h"
#include "runs/run_folder.h"
#include "training/trainer.h"

#include <algorithm>

namespace i3 {

namespace {

void stop_if_cancelled(const CancelToken* cancel)
{
    if (cancel && cancel->cancelled())
        throw Cancelled();
}

// A (done, total) callback for one phase: reports it and is where a cancel lands.
std::function<void(size_t, size_t)> phase_callback(const PreparationProgress& progress, PreparationPhase phase,
                                                   const CancelToken* cancel)
{
    return [&progress, phase, cancel](size_t done, size_t total) {
        stop_if_cancelled(cancel);
        if (progress)
            progress(phase, total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0);
    };
}

void report(const PreparationProgress& progress, PreparationPhase phase, double fraction, const CancelToken* cancel)
{
    stop_if_cancelled(cancel);
    if (progress)
        progress(phase, fraction);
}

ChunkTokenizer tokenizer_for(const DataSpec& spec, const std::vector<std::string>& texts,
                             const PreparationProgress& progress, const CancelToken* cancel)
{
    if (!spec.tokenizer_file.empty()) {
        report(progress, PreparationPhase::LoadingTokenizer, -1, cancel);
        return ChunkTokenizer::load(spec.tokenizer_file);
    }
    report(progress, PreparationPhase::BuildingTokenizer, 0, cancel);
    return ChunkTokenizer::build(texts, spec.tokenizer_texts,
                                 phase_callback(progress, PreparationPhase::BuildingTokenizer, cancel));
}

// The settings that do not depend on the data, checked before the data is read.
void check_settings(const RunSpec& spec)
{
    ModelConfig model = spec.model;
    model.vocab_size = 2; // the tokenizer's comes later
    model.validate();
    spec.training.validate();
    check_new_run_folder(spec.folder);
}

} // namespace

std::shared_ptr<const PreparedData> prepare_data(const DataSpec& spec, const PreparationProgress& progress,
                                                 const CancelToken* cancel)
{
    report(progress, PreparationPhase::ReadingTexts, -1, cancel);
    auto prepared = std::make_shared<PreparedData>();
    prepared->spec = spec;
    prepared->stamps = spec.stamps(); // before reading: a file changed while it is read counts as changed
    const std::vector<std::string> texts = read_data_texts(spec, cancel);
    prepared->stats = corpus_stats(texts);
    prepared->first_texts.assign(texts.begin(),
                                 texts.begin() + static_cast<std::ptrdiff_t>(std::min(texts.size(), PreparedData::kPreviewTexts)));
    prepared->tokenizer = tokenizer_for(spec, texts, progress, cancel);
    prepared->tokenizer_built = spec.tokenizer_file.empty();
    report(progress, PreparationPhase::Encoding, 0, cancel);
    prepared->tokens =
        encode_corpus(prepared->tokenizer, texts, phase_callback(progress, PreparationPhase::Encoding, cancel), cancel);
    return prepared;
}

std::unique_ptr<Trainer> create_run(const RunSpec& spec, const RunCreationCallbacks& callbacks, const CancelToken* cancel)
{
    check_settings(spec);
    std::shared_ptr<const PreparedData> prepared = spec.prepared;
    if (!prepared || prepared->spec != spec.data || prepared->stamps != spec.data.stamps())
        prepared = prepare_data(spec.data, callbacks.progress, cancel);

    TrainingData data = split_training_data(prepared->tokens, prepared->tokenizer, spec.data.source_descriptions(),
                                            spec.training, spec.model.max_seq_len);
    if (callbacks.prepared)
        callbacks.prepared(*prepared, static_cast<int64_t>(data.train_tokens.size()),
                           static_cast<int64_t>(data.validation_tokens.size()));
    report(callbacks.progress, PreparationPhase::CreatingFolder, -1, cancel);
    return std::make_unique<Trainer>(spec.folder, spec.model, spec.training, std::move(data));
}

} // namespace i3
