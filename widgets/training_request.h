// SPDX-License-Identifier: GPL-3.0-or-later
// Everything a new training run needs, gathered by the main window from the Data and Model
// panels and handed to the Training panel.
#pragma once

#include "data_choice.h"
#include "config/model_config.h"
#include "training/run_creation.h"
#include "config/train_config.h"

#include <QMetaType>
#include <QString>

#include <memory>

struct TrainingRequest {
    DataChoice data;
    i3::ModelConfig model;  // vocab_size is replaced by the tokenizer's
    i3::TrainConfig train;  // validation_fraction comes from data.validationFraction
    QString runFolder;      // created; must be absent or empty
    // A model folder to fine-tune (RunSpec::init_from): `model` is its configuration and
    // data.tokenizerFile its tokenizer. Empty: fresh weights.
    QString initFrom;
    // The Data panel's last analysis: reused when it was made from the same data.
    std::shared_ptr<const i3::PreparedData> prepared;

    i3::RunSpec toSpec() const;
};
Q_DECLARE_METATYPE(TrainingRequest)
