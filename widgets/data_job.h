// SPDX-License-Identifier: GPL-3.0-or-later
// Analyses the data a DataChoice names through the engine's prepare_data (reads the texts, builds
// or loads the tokenizer, encodes everything once) and reports the counts the Data panel shows,
// with a short preview. The prepared data is kept, so that a run started on the same data reuses
// it instead of building the tokenizer again.
#pragma once

#include "data_choice.h"
#include "engine_job.h"
#include "training/run_creation.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>


struct DataSummary {
    qint64 texts = 0;
    qint64 characters = 0; // Unicode code points
    qint64 bytes = 0;      // UTF-8
    qint64 tokens = 0;     // the training corpus: every non-blank text encoded, no separators
    qint64 vocabularySize = 0;
    qint64 unknownTokens = 0; // emitted ids equal to the tokenizer's unknown id
    double unknownRate = 0;   // unknownTokens / tokens
    qint64 trainTokens = 0;   // the split a training run makes: the last fraction is held out
    qint64 validationTokens = 0;
    QStringList preview;     // the first texts, each shortened
    QString tokenizerSource; // where the tokenizer came from, in words
    bool tokenizerBuilt = false; // built from the texts (worth saving), not loaded from a file
    std::shared_ptr<const i3::PreparedData> prepared; // the tokenizer and the encoded corpus

    // The split a training run makes of `tokens`: the last fraction is held out.
    void setValidationFraction(double fraction);
    // Writes the tokenizer as the reference's tokenizer.json. Throws i3::Error when there is none
    // or the file cannot be written.
    void saveTokenizer(const QString& path) const;
};
Q_DECLARE_METATYPE(DataSummary)

class DataJob : public EngineJob {
    Q_OBJECT
public:
    static constexpr int kPreviewTexts = static_cast<int>(i3::PreparedData::kPreviewTexts);
    static constexpr int kPreviewCharacters = 300;

    explicit DataJob(const DataChoice& choice, QObject* parent = nullptr);
    // A phase of preparing data, in the user's language (shared with the training job).
    static QString phaseText(i3::PreparationPhase phase);
    // Stops and joins the work here: by the time ~EngineJob runs, work() and choice_ are gone.
    ~DataJob() override;

signals:
    // Emitted once, before finished(), when the analysis completed.
    void analysed(DataSummary summary);

protected:
    void work() override;

private:
    const DataChoice choice_;
};
