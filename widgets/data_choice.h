// SPDX-License-Identifier: GPL-3.0-or-later
// What the Data panel hands to a training run: which texts, which tokenizer, and the validation
// split. Plain Qt values, so the choice can be saved in the settings; toSpec() gives the engine's
// i3::DataSpec.
#pragma once

#include "data/data_spec.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

// A dataset of the Hugging Face Hub, named as the command line names it:
// --data hf:REPO --hf-config CONFIG --hf-split SPLIT --text-field TEXTFIELD.
struct HubDatasetChoice {
    QString repo;            // "owner/name"; empty: no Hub dataset
    QString config;          // empty: the Hub's "default"
    QString split = "train";
    QString textField;       // empty: the reference's column for the repo, else "text"

    bool isEmpty() const { return repo.isEmpty(); }
    bool operator==(const HubDatasetChoice& other) const;
    // The source `--data hf:REPO` with these options makes. Throws i3::Error for a malformed repo id.
    i3::DataSource toSource() const;
};

struct DataChoice {
    bool builtinCorpus = true;
    QStringList files;          // .txt, .jsonl, .csv or .parquet, read after the built-in corpus
    QString textField = "text"; // the JSON field or CSV column holding the text
    HubDatasetChoice hub;       // read after the files
    qint64 maxTexts = 0;        // 0: every text
    QString tokenizerFile;      // empty: build a vocabulary from the texts
    double validationFraction = 0.05;

    bool operator==(const DataChoice& other) const;
    // The sources and the tokenizer; the validation split belongs to the training settings.
    // Throws i3::Error for a malformed Hub repo id.
    i3::DataSpec toSpec() const;
};
Q_DECLARE_METATYPE(DataChoice)
