// SPDX-License-Identifier: GPL-3.0-or-later
// The Playground's loaded model, as the panel keeps it and hands it to each generation.
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

    bool isNull() const { return !model; }
};
Q_DECLARE_METATYPE(ModelHandle)
