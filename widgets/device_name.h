// SPDX-License-Identifier: GPL-3.0-or-later
// A device as the studio names it, in the user's language: "CPU (2 cores)" through tr(), a GPU by
// its own name (telemetry/device_telemetry.h's device_display_name).
#pragma once

#include <QString>

QString deviceName(const QString& device);
