// SPDX-License-Identifier: GPL-3.0-or-later
// A loaded model, as the Playground keeps it and hands it to each generation, and as the Model
// panel reads the model it fine-tunes.
#pragma once

#include <QMetaType>
#include <QString>

#include <memory>

namespace i3 {
struct LoadedModel;
}

// A model in memory, shared by the panel and the job generating with it. Cheap to copy.
struct ModelHandle {
    std::shared_ptr<i3::LoadedModel> model;
    QString description; // where it came from, its shape and size, and anything the user should know
    QString folder;      // the model folder it was read from; empty for a run's checkpoint (a snapshot since removed)
    // A run's checkpoint: the run, the checkpoint folder in it and the step it was saved at.
    QString runFolder;
    QString checkpoint;
    qint64 checkpointStep = -1;

    bool isNull() const { return !model; }
};
Q_DECLARE_METATYPE(ModelHandle)
