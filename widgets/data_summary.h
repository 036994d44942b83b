// SPDX-License-Identifier: GPL-3.0-or-later
// What a DataJob found in the chosen data: the counts the Data panel shows, a short preview, and
// the prepared data (tokenizer and encoded corpus), ready to save or to train with: a run started
// on the same data reuses it instead of building the tokenizer again.
#pragma once

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>

namespace i3 {
struct PreparedData;
}

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
    QList<QPair<QString, qint64>> topChunks; // the most frequent chunks and how often they occur
    QList<qint64> textLengths; // texts by length in characters: entry k counts 2^k to 2^(k+1) - 1
    bool tokensReused = false; // the token cache held the encoding already
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
