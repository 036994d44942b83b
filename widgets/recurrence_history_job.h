// SPDX-License-Identifier: GPL-3.0-or-later
// The Inspect panel's "over training" work: every checkpoint of a run read for its hybrid blocks'
// recurrence (inspect/recurrence_history.h), on a worker thread.
#pragma once

#include "engine_job.h"

#include "inspect/recurrence_history.h"

#include <QMetaType>
#include <QString>

#include <vector>

Q_DECLARE_METATYPE(std::vector<i3::RecurrenceSnapshot>)

class RecurrenceHistoryJob : public EngineJob {
    Q_OBJECT
public:
    explicit RecurrenceHistoryJob(const QString& runFolder);

Q_SIGNALS:
    void read(const std::vector<i3::RecurrenceSnapshot>& history);

protected:
    void work() override;

private:
    const QString runFolder_;
};
