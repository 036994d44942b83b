// SPDX-License-Identifier: GPL-3.0-or-later
// What the Data panel hands to a training run: which texts, which tokenizer, and the validation
// split. Plain Qt values, so the choice can be saved in the settings; toSpec() gives the engine's
// i3::DataSpec.
#pragma once

#include "data/data_spec.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

struct DataChoice {
    bool builtinCorpus = true;
    QStringList files;          // .txt, .jsonl or .csv, read after the built-in corpus
    QString textField = "text"; // the JSON field or CSV column holding the text
    qint64 maxTexts = 0;        // 0: every text
    QString tokenizerFile;      // empty: build a vocabulary from the texts
    double validationFraction = 0.05;

    bool operator==(const DataChoice& other) const;
    // The sources and the tokenizer; the validation split belongs to the training settings.
    i3::DataSpec toSpec() const;
};
Q_DECLARE_METATYPE(DataChoice)
