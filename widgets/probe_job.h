// SPDX-License-Identifier: GPL-3.0-or-later
// The context probe on a worker thread: one training step per context window, each measurement
// handed to the interface as soon as it is taken, and each stage of it reported as progress.
#pragma once

#include "engine_job.h"
#include "engine_metatypes.h"
#include "config/model_config.h"
#include "telemetry/context_probe.h"

#include <QString>
#include <QVector>

class ProbeJob : public EngineJob {
    Q_OBJECT
public:
    // `contexts` increasing, each >= 1; `model`'s max_seq_len is replaced by each of them.
    ProbeJob(const i3::ModelConfig& model, qint64 batchSize, const QVector<qint64>& contexts,
             const QString& device);

Q_SIGNALS:
    // One measured context; one that did not fit ends the sweep.
    void readingTaken(const i3::ProbePoint& reading);

protected:
    void work() override;

private:
    // A stage of the sweep in words, for the progress message.
    static QString describe(const i3::ProbeProgress& progress, int total);

    const i3::ModelConfig model_;
    const qint64 batchSize_;
    const QVector<qint64> contexts_;
    const QString device_;
};
