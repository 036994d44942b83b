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
    reportProgress(0, tr("Measuring context %L1…").arg(contexts_.value(0)));
    i3::run_context_probe(
        options,
        [&](const i3::ProbePoint& point) {
            ++done;
            Q_EMIT readingTaken(point);
            if (done < total && !point.out_of_memory)
                reportProgress(double(done) / total, tr("Measuring context %L1…").arg(contexts_.at(done)));
        },
        &cancelToken());
}
