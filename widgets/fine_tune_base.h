// SPDX-License-Identifier: GPL-3.0-or-later
// The trained model a new run fine-tunes, as the Model panel read it: where it lies (what
// RunSpec::init_from gets), its configuration and its tokenizer, both of which the run keeps.
#pragma once

#include "config/model_config.h"

#include <QString>
#include <QStringList>

struct FineTuneBase {
    QString folder;         // the model folder: an exported one, or a Hub snapshot in the cache
    QString name;           // the Hub repo id, or the folder's name, for messages
    i3::ModelConfig config; // its own; vocab_size is its tokenizer's
    QString tokenizerFile;  // its tokenizer.json (or vocab.json)
    QStringList notes;      // what loading it noticed (a corrected d_state, ...)
};
