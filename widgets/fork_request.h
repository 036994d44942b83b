// SPDX-License-Identifier: GPL-3.0-or-later
// A new run from a checkpoint of another (training/run_fork.h), with the Model panel's settings:
// gathered by the main window, handed to the Training panel.
#pragma once

#include "config/model_config.h"
#include "config/train_config.h"
#include "training/run_fork.h"

#include <QMetaType>
#include <QString>

struct ForkRequest {
    QString parent;     // the run folder
    QString checkpoint; // one of its checkpoint folders
    QString runFolder;  // the new run: absent or empty
    i3::ModelConfig model;
    i3::TrainConfig train;

    i3::ForkSpec toSpec() const
    {
        return {parent.toStdString(), checkpoint.toStdString(), runFolder.toStdString(), model, train};
    }
};
Q_DECLARE_METATYPE(ForkRequest)
