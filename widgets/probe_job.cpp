// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe_job.h"

#include "telemetry/context_probe.h"

ProbeJob::ProbeJob(const i3::ModelConfig& model, qint64 batchSize, const QVector<qint64>& contexts,
                   const QString& device)
    : EngineJob(tr("Context probe")), model_(model), batchSize_(batchSize), contexts_(contexts),
      device_(device)
{
    qRegisterMetaType<i3::ProbePoint>();
}

void ProbeJob::work()
{
    i3::ProbeOptions options;
    options.model = model_;
    options.batch_size = batchSize_;
    options.contexts.assign(contexts_.begin(), contexts_.end());
    options.device = device_.toStdString();

    const int total = static_cast<int>(contexts_.size());
    int done = 0;
    i3::run_context_probe(
        options,
        [&](const i3::ProbePoint& point) {
            ++done;
            Q_EMIT readingTaken(point);
            reportProgress(double(done) / total, tr("Context %L1 done").arg(point.context));
        },
        &cancelToken(), [&](const i3::ProbeProgress& progress) { reportProgress(progress.fraction, describe(progress, total)); });
}

QString ProbeJob::describe(const i3::ProbeProgress& progress, int total)
{
    const QString context = tr("Context %L1 (%2 of %3)").arg(progress.context).arg(progress.context_index + 1).arg(total);
    switch (progress.stage) {
    case i3::ProbeStage::Estimate:
        return tr("%1: estimating its memory…").arg(context);
    case i3::ProbeStage::WarmUp:
        return tr("%1: a first step that is not measured (setting up the threads)…").arg(context);
    case i3::ProbeStage::BuildModel:
        return tr("%1: building the model…").arg(context);
    case i3::ProbeStage::TrainingStep:
        return tr("%1: forward and backward pass…").arg(context);
    }
    return context;
}
