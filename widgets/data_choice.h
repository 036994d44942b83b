// SPDX-License-Identifier: GPL-3.0-or-later
// What the Data panel hands to a training run: which texts, and which tokenizer. Plain values, so
// the choice can be saved in the settings and passed between threads.
#pragma once

#include "base/cancel_token.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

struct DataChoice {
    bool builtinCorpus = true;
    QStringList files;          // .txt, .jsonl or .csv, read after the built-in corpus
    QString textField = "text"; // the JSON field or CSV column holding the text
    qint64 maxTexts = 0;        // 0: every text
    QString tokenizerFile;      // empty: build a vocabulary from the texts
    double validationFraction = 0.05;

    bool operator==(const DataChoice& other) const;
    // Human-readable descriptions of the sources, written into config.json's dataset_sources.
    std::vector<std::string> sourceDescriptions() const;
};
Q_DECLARE_METATYPE(DataChoice)

// Reads the chosen texts; runs on a worker thread. Throws i3::Error (no source, unreadable file,
// no text at all) or i3::Cancelled.
std::vector<std::string> readChosenTexts(const DataChoice& choice, const i3::CancelToken* cancel = nullptr);
