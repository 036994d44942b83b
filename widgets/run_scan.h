// SPDX-License-Identifier: GPL-3.0-or-later
// What one RunScanner scan read: a workspace's list of runs, and what each followed run's files
// held. Plain values, so a scan can cross from the worker thread in a queued signal.
#pragma once

#include "runs/run_catalog.h"
#include "runs/run_samples.h"

#include "runs/run_schema.h"

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// What a followed run's files held at one scan.
struct RunCurves {
    QString folder;
    bool reset = false;     // the metrics replace what was shown (first scan, or the file was rewritten)
    i3::RunMetrics metrics; // the lines metrics.jsonl gained since the previous scan
    std::optional<i3::RunStatus> status; // run.json's; empty when it cannot be read
    int64_t totalSteps = 0; // run.json's planned steps
    double tokensPerStep = 0; // run.json's batch × accumulation × context (curves/curve_axis.h)
    bool samplesReset = false;          // `samples` replace what was shown
    std::vector<i3::RunSample> samples; // the lines samples.jsonl gained since the previous scan
};

struct RunScan {
    bool listed = false; // `runs` holds the workspace's list (otherwise it was not asked for)
    std::vector<i3::RunSummary> runs;
    std::vector<RunCurves> curves;
};
Q_DECLARE_METATYPE(RunScan)
