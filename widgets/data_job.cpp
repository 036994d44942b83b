// SPDX-License-Identifier: GPL-3.0-or-later
#include "data_job.h"

#include "download_text.h"
#include "preview_texts.h"

#include "base/error.h"
#include "data/hub_dataset_fetch.h"

#include <QLocale>

#include <algorithm>
#include <filesystem>

namespace {

// Where each phase's progress bar ends; encoding the whole corpus takes the longest.
constexpr double kReadEnd = 0.15;
constexpr double kTokenizerEnd = 0.45;

// Where each phase's progress bar begins and ends.
std::pair<double, double> band(i3::PreparationPhase phase)
{
    switch (phase) {
    case i3::PreparationPhase::ReadingTexts:
        return {0, kReadEnd};
    case i3::PreparationPhase::LoadingTokenizer:
    case i3::PreparationPhase::BuildingTokenizer:
        return {kReadEnd, kTokenizerEnd};
    case i3::PreparationPhase::Encoding:
    case i3::PreparationPhase::CreatingFolder:
        break;
    }
    return {kTokenizerEnd, 1.0};
}

} // namespace

DataJob::DataJob(const DataChoice& choice) : EngineJob(tr("Analysing the data")), choice_(choice)
{
    qRegisterMetaType<DataSummary>();
}

QString DataJob::phaseText(i3::PreparationPhase phase)
{
    switch (phase) {
    case i3::PreparationPhase::ReadingTexts:
        return tr("Reading the texts…");
    case i3::PreparationPhase::LoadingTokenizer:
        return tr("Loading the tokenizer…");
    case i3::PreparationPhase::BuildingTokenizer:
        return tr("Building the tokenizer…");
    case i3::PreparationPhase::Encoding:
        return tr("Encoding the texts…");
    case i3::PreparationPhase::CreatingFolder:
        return tr("Creating the run folder…");
    }
    return QString();
}

// The Hub dataset's files first, with their progress: prepare_data would fetch them silently.
i3::DataSpec DataJob::fetchedSpec()
{
    i3::DownloadCallbacks callbacks;
    callbacks.cancel = &cancelToken();
    callbacks.progress = [this](const i3::DownloadProgress& progress) {
        reportProgress(DownloadText::fraction(progress), DownloadText::describe(choice_.hub.repo, progress));
    };
    return i3::fetch_hub_datasets(choice_.toSpec(), callbacks);
}

void DataJob::work()
{
    const auto prepared = i3::prepare_data(
        fetchedSpec(),
        [this](i3::PreparationPhase phase, double fraction) {
            const auto [begin, end] = band(phase);
            reportProgress(begin + (end - begin) * std::max(0.0, fraction), phaseText(phase));
        },
        &cancelToken());

    DataSummary summary;
    summary.texts = static_cast<qint64>(prepared->stats.texts);
    summary.characters = static_cast<qint64>(prepared->stats.characters);
    summary.bytes = static_cast<qint64>(prepared->stats.bytes);
    summary.preview = previewTexts(prepared->first_texts, kPreviewTexts, kPreviewCharacters);
    summary.tokenizerBuilt = prepared->tokenizer_built;
    summary.tokenizerSource = prepared->tokenizer_built
                                  ? tr("Built from these texts (%1)").arg(QLocale().toString(summary.texts))
                                  : tr("Loaded from %1").arg(choice_.tokenizerFile);
    summary.tokens = static_cast<qint64>(prepared->stats.tokens);
    summary.unknownTokens = static_cast<qint64>(prepared->stats.count_of(prepared->tokenizer.unk_idx()));
    summary.unknownRate =
        summary.tokens == 0 ? 0.0 : static_cast<double>(summary.unknownTokens) / static_cast<double>(summary.tokens);
    summary.setValidationFraction(choice_.validationFraction);
    summary.vocabularySize = prepared->tokenizer.vocab_size();
    for (const auto& [id, count] : prepared->stats.most_frequent(kTopChunks))
        summary.topChunks.append({QString::fromStdString(prepared->tokenizer.token_text(id)), static_cast<qint64>(count)});
    for (const uint64_t texts : prepared->stats.text_lengths)
        summary.textLengths.append(static_cast<qint64>(texts));
    summary.tokensReused = prepared->parts_encoded == 0;
    summary.prepared = prepared;

    if (cancelToken().cancelled())
        return;
    reportProgress(1.0, tr("Done"));
    Q_EMIT analysed(summary);
}
