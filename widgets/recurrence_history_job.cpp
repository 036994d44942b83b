// SPDX-License-Identifier: GPL-3.0-or-later
#include "recurrence_history_job.h"

#include "base/error.h"

RecurrenceHistoryJob::RecurrenceHistoryJob(const QString& runFolder)
    : EngineJob(tr("Reading the run's checkpoints")), runFolder_(runFolder)
{
    qRegisterMetaType<std::vector<i3::RecurrenceSnapshot>>();
}

void RecurrenceHistoryJob::work()
{
    reportProgress(0, tr("Reading the checkpoints of %1…").arg(runFolder_));
    auto history = i3::recurrence_over_training(
        runFolder_.toStdString(),
        [this](size_t done, size_t all) {
            reportProgress(double(done) / double(all), tr("Checkpoint %1 of %2").arg(done).arg(all));
        },
        &cancelToken());
    if (history.empty())
        throw i3::Error(tr("%1 has no periodic checkpoint yet.").arg(runFolder_).toStdString());
    Q_EMIT read(history);
}
