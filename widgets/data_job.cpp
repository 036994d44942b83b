// SPDX-License-Identifier: GPL-3.0-or-later
#include "data_job.h"

#include "base/error.h"

#include <QLocale>

#include <algorithm>
#include <filesystem>

namespace {

// Where each phase's progress bar ends; encoding the whole corpus takes the longest.
constexpr double kReadEnd = 0.15;
constexpr double kTokenizerEnd = 0.45;

QString shortened(const std::string& text, int maxCharacters)
{
    QString result = QString::fromStdString(text);
    if (result.size() <= maxCharacters)
        return result;
    int cut = maxCharacters;
    if (result.at(cut - 1).isHighSurrogate()) // never split a character outside the BMP
        --cut;
    return result.left(cut) + QChar(0x2026); // "…"
}

QStringList previewOf(const std::vector<std::string>& texts)
{
    QStringList preview;
    const size_t count = std::min(texts.size(), static_cast<size_t>(DataJob::kPreviewTexts));
    for (size_t i = 0; i < count; ++i)
        preview << shortened(texts[i], DataJob::kPreviewCharacters);
    return preview;
}

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

void DataJob::work()
{
    const auto prepared = i3::prepare_data(
        choice_.toSpec(),
        [this](i3::PreparationPhase phase, double fraction) {
            const auto [begin, end] = band(phase);
            reportProgress(begin + (end - begin) * std::max(0.0, fraction), phaseText(phase));
        },
        &cancelToken());

    DataSummary summary;
    summary.texts = static_cast<qint64>(prepared->stats.texts);
    summary.characters = static_cast<qint64>(prepared->stats.characters);
    summary.bytes = static_cast<qint64>(prepared->stats.bytes);
    summary.preview = previewOf(prepared->first_texts);
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
