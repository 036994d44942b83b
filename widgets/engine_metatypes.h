// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's values that cross threads in the jobs' queued signals, declared as Qt metatypes
// here because core stays free of Qt. The signals carry these structs as they are, so the
// interface reads the engine's own fields and names.
#pragma once

#include "generation/generator.h"
#include "runs/run_catalog.h"
#include "telemetry/context_probe.h"
#include "training/trainer.h"

#include <QMetaType>

Q_DECLARE_METATYPE(i3::GeneratedToken)
Q_DECLARE_METATYPE(i3::ProbePoint)
Q_DECLARE_METATYPE(i3::RunMetrics)
Q_DECLARE_METATYPE(i3::TrainEvent)
