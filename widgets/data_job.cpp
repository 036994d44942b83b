// SPDX-License-Identifier: GPL-3.0-or-later
#include "data_job.h"

#include "text/chunk_tokenizer.h"
#include "base/error.h"
#include "data/text_sources.h"
#include "data/token_store.h"

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

} // namespace

DataJob::DataJob(const DataChoice& choice) : EngineJob(tr("Analysing the data")), choice_(choice)
{
    qRegisterMetaType<DataSummary>();
}

void DataJob::work()
{
    reportProgress(0, tr("Reading the texts…"));
    const std::vector<std::string> texts = readChosenTexts(choice_, &cancelToken());
    const i3::CorpusStats stats = i3::corpus_stats(texts);

    DataSummary summary;
    summary.texts = static_cast<qint64>(stats.texts);
    summary.characters = static_cast<qint64>(stats.characters);
    summary.bytes = static_cast<qint64>(stats.bytes);
    summary.preview = previewOf(texts);

    // The tokenizer's builder and the encoder call back now and then; that is where a cancel lands.
    auto phaseProgress = [this](double begin, double end, const QString& message) {
        return [this, begin, end, message](size_t done, size_t total) {
            if (cancelToken().cancelled())
                throw i3::Cancelled();
            const double fraction = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
            reportProgress(begin + (end - begin) * fraction, message);
        };
    };

    std::shared_ptr<i3::ChunkTokenizer> tokenizer;
    if (choice_.tokenizerFile.isEmpty()) {
        reportProgress(kReadEnd, tr("Building the tokenizer…"));
        tokenizer = std::make_shared<i3::ChunkTokenizer>(i3::ChunkTokenizer::build(
            texts, std::nullopt, phaseProgress(kReadEnd, kTokenizerEnd, tr("Building the tokenizer…"))));
        summary.tokenizerSource = tr("Built from these texts (%1)").arg(QLocale().toString(summary.texts));
        summary.tokenizerBuilt = true;
    } else {
        reportProgress(kReadEnd, tr("Loading the tokenizer…"));
        tokenizer = std::make_shared<i3::ChunkTokenizer>(
            i3::ChunkTokenizer::load(std::filesystem::path(choice_.tokenizerFile.toStdString())));
        summary.tokenizerSource = tr("Loaded from %1").arg(choice_.tokenizerFile);
    }
    if (cancelToken().cancelled())
        return;

    reportProgress(kTokenizerEnd, tr("Encoding the texts…"));
    const std::vector<int32_t> tokens = i3::encode_corpus(
        *tokenizer, texts, phaseProgress(kTokenizerEnd, 1.0, tr("Encoding the texts…")), &cancelToken());
    const auto unknownId = static_cast<int32_t>(tokenizer->unk_idx());
    summary.tokens = static_cast<qint64>(tokens.size());
    summary.unknownTokens = static_cast<qint64>(std::count(tokens.begin(), tokens.end(), unknownId));
    summary.unknownRate =
        tokens.empty() ? 0.0 : static_cast<double>(summary.unknownTokens) / static_cast<double>(tokens.size());
    // The same rounding as i3::split_tokens, so these are the sizes a run will train on.
    summary.validationTokens = static_cast<qint64>(static_cast<double>(summary.tokens) * choice_.validationFraction);
    summary.trainTokens = summary.tokens - summary.validationTokens;
    summary.vocabularySize = tokenizer->vocab_size();
    summary.tokenizer = std::move(tokenizer);

    if (cancelToken().cancelled())
        return;
    reportProgress(1.0, tr("Done"));
    Q_EMIT analysed(summary);
}
