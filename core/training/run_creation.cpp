// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/run_creation.h"

#include "base/error.h"
#include "data/corpus_parts.h"
#include "data/corpus_vocabulary.h"
#include "data/hub_dataset_fetch.h"
#include "data/token_store.h"
#include "model/model_artifacts.h"
#include "runs/run_folder.h"
#include "training/trainer.h"

#include <algorithm>
#include <optional>

namespace fs = std::filesystem;

namespace i3 {

namespace {

void stop_if_cancelled(const CancelToken* cancel)
{
    if (cancel && cancel->cancelled())
        throw Cancelled();
}

void report(const PreparationProgress& progress, PreparationPhase phase, double fraction, const CancelToken* cancel)
{
    stop_if_cancelled(cancel);
    if (progress)
        progress(phase, fraction);
}

// A phase's fraction callback, where a cancel lands too.
std::function<void(double)> fraction_callback(const PreparationProgress& progress, PreparationPhase phase,
                                              const CancelToken* cancel)
{
    return [&progress, phase, cancel](double fraction) { report(progress, phase, fraction, cancel); };
}

// The tokenizer file's, or the vocabulary of the texts: built in one pass, or found in the cache.
void choose_tokenizer(PreparedData& prepared, const std::vector<CorpusPart>& parts, const TokenCache& cache,
                      const PreparationProgress& progress, const CancelToken* cancel)
{
    const DataSpec& spec = prepared.spec;
    prepared.tokenizer_built = spec.tokenizer_file.empty();
    if (!prepared.tokenizer_built) {
        report(progress, PreparationPhase::LoadingTokenizer, -1, cancel);
        prepared.tokenizer = ChunkTokenizer::load(spec.tokenizer_file);
        return;
    }
    report(progress, PreparationPhase::BuildingTokenizer, 0, cancel);
    CorpusVocabulary vocabulary = corpus_vocabulary(
        parts, spec.max_texts, spec.tokenizer_texts, cache,
        fraction_callback(progress, PreparationPhase::BuildingTokenizer, cancel), cancel, prepared.notes);
    prepared.tokenizer = std::move(vocabulary.tokenizer);
    prepared.tokenizer_reused = vocabulary.reused;
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

// The model a run fine-tunes, checked against the run's settings: the same shape, and its own
// tokenizer (which the run then loads).
InitialWeights initial_weights(const RunSpec& spec, DataSpec& data)
{
    LoadedModel base = load_model_folder(spec.init_from);
    throw_if_any("the settings do not match the model being fine-tuned (" + spec.init_from.string() +
                     "), whose shape cannot change",
                 shape_conflicts(spec.model, base.config, "in the model"));
    if (!data.tokenizer_file.empty() && data.tokenizer_file != base.tokenizer_file)
        throw Error("a fine-tuned model keeps its own tokenizer (" + base.tokenizer_file.string() + "); " +
                    data.tokenizer_file.string() + " cannot replace it");
    data.tokenizer_file = base.tokenizer_file;
    return {fs::absolute(spec.init_from), model_state_dict(base.model)};
}

} // namespace

std::shared_ptr<const PreparedData> prepare_data(const DataSpec& spec, const PreparationProgress& progress,
                                                 const CancelToken* cancel)
{
    report(progress, PreparationPhase::ReadingTexts, -1, cancel);
    DownloadCallbacks download;
    download.cancel = cancel;
    auto prepared = std::make_shared<PreparedData>();
    prepared->spec = fetch_hub_datasets(spec, download);
    const DataSpec& data = prepared->spec;
    prepared->stamps = data.stamps(); // before reading: a file changed while it is read counts as changed
    const std::vector<CorpusPart> parts = corpus_parts(data);
    const TokenCache cache(default_token_cache());
    prepared->token_cache = cache.folder();
    choose_tokenizer(*prepared, parts, cache, progress, cancel);

    report(progress, PreparationPhase::Encoding, 0, cancel);
    TokenStore store = load_token_store(parts, data.max_texts, prepared->tokenizer, cache,
                                        fraction_callback(progress, PreparationPhase::Encoding, cancel), cancel,
                                        prepared->notes);
    prepared->tokens = std::move(store.corpus);
    prepared->stats = std::move(store.stats);
    prepared->first_texts = std::move(store.preview);
    prepared->parts_encoded = store.parts_encoded;
    prepared->parts_reused = store.parts_reused;
    return prepared;
}

std::unique_ptr<Trainer> create_run(const RunSpec& spec, const RunCreationCallbacks& callbacks, const CancelToken* cancel)
{
    check_settings(spec);
    DataSpec data_spec = spec.data;
    std::optional<InitialWeights> initial;
    if (!spec.init_from.empty())
        initial = initial_weights(spec, data_spec);
    DownloadCallbacks download = callbacks.download;
    if (!download.cancel)
        download.cancel = cancel;
    data_spec = fetch_hub_datasets(data_spec, download);
    std::shared_ptr<const PreparedData> prepared = spec.prepared;
    if (!prepared || prepared->spec != data_spec || prepared->stamps != data_spec.stamps())
        prepared = prepare_data(data_spec, callbacks.progress, cancel);

    TrainingData data = split_training_data(prepared->tokens, prepared->tokenizer, data_spec.source_descriptions(),
                                            spec.training, spec.model.max_seq_len);
    if (callbacks.prepared)
        callbacks.prepared(*prepared, data.train_count, data.tokens.size() - data.train_count);
    report(callbacks.progress, PreparationPhase::CreatingFolder, -1, cancel);
    return std::make_unique<Trainer>(spec.folder, spec.model, spec.training, std::move(data), std::move(initial),
                                     spec.ranks);
}

} // namespace i3
