// SPDX-License-Identifier: GPL-3.0-or-later
// The Inspect panel's work: one prompt through a loaded model with everything inside kept
// (inspect/model_inspection.h), on a worker thread.
#pragma once

#include "engine_job.h"
#include "model_handle.h"

#include "inspect/model_inspection.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>

// What one inspection found, with the prompt's tokens as the time axes label them.
struct PromptInspection {
    std::shared_ptr<const i3::ModelInspection> inspection;
    QStringList tokens; // the text of each token of inspection->ids
};
Q_DECLARE_METATYPE(PromptInspection)

// Inspects once. Only one job may use a model at a time (the model is not re-entrant).
class InspectionJob : public EngineJob {
    Q_OBJECT
public:
    InspectionJob(const ModelHandle& model, const QString& prompt);

Q_SIGNALS:
    void inspected(const PromptInspection& result);

protected:
    void work() override;

private:
    const ModelHandle model_;
    const QString prompt_;
};
