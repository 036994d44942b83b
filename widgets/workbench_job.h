// SPDX-License-Identifier: GPL-3.0-or-later
// The token workbench's work on a worker thread: the prompt through each compared model with the
// same sampling and seed (inspect/token_workbench.h), or one branch of a sequence one model made.
#pragma once

#include "engine_job.h"
#include "generation_settings.h"
#include "model_handle.h"

#include "inspect/token_workbench.h"

#include <QMetaType>
#include <QVector>

#include <memory>

using SharedTokenSequence = std::shared_ptr<const i3::TokenSequence>;
Q_DECLARE_METATYPE(SharedTokenSequence)

// One piece of work for one side of the workbench.
struct WorkbenchRequest {
    int side = 0;
    ModelHandle model;
    SharedTokenSequence branchFrom; // null: generate from the settings' prompt
    int index = 0;                  // a branch's token
    qint64 alternative = 0;         // and what stands there instead
};

// Works through its requests in order. Only one job may use a model at a time (the model is not
// re-entrant).
class WorkbenchJob : public EngineJob {
    Q_OBJECT
public:
    WorkbenchJob(const QVector<WorkbenchRequest>& requests, const GenerationSettings& settings);

Q_SIGNALS:
    // For each request, also one stopped part way (sequence->cancelled).
    void sequenceReady(int side, const SharedTokenSequence& sequence);

protected:
    void work() override;

private:
    const QVector<WorkbenchRequest> requests_;
    const GenerationSettings settings_;
};
