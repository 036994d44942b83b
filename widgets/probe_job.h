// SPDX-License-Identifier: GPL-3.0-or-later
// The context probe on a worker thread: one training step per context window, each measurement
// handed to the interface as soon as it is taken.
#pragma once

#include "engine_job.h"
#include "model/model_config.h"

#include <QMetaType>
#include <QString>
#include <QVector>

// One measured context, as the interface keeps it (i3::ProbePoint in Qt's types).
struct ProbeReading {
    qint64 context = 0;
    qint64 batchSize = 0;
    qint64 peakBytes = 0;     // peak memory of the step above what was in use before it
    double seconds = 0;       // the step's time
    bool outOfMemory = false; // the step did not fit; the sweep ends with this reading
    QString note;
};
Q_DECLARE_METATYPE(ProbeReading)

class ProbeJob : public EngineJob {
    Q_OBJECT
public:
    // `contexts` increasing, each >= 1; `model`'s max_seq_len is replaced by each of them.
    ProbeJob(const i3::ModelConfig& model, qint64 batchSize, const QVector<qint64>& contexts,
             const QString& device);

signals:
    void readingTaken(const ProbeReading& reading);

protected:
    void work() override;

private:
    const i3::ModelConfig model_;
    const qint64 batchSize_;
    const QVector<qint64> contexts_;
    const QString device_;
};
