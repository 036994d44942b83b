// SPDX-License-Identifier: GPL-3.0-or-later
#include "device_name.h"

#include "telemetry/device_telemetry.h"

#include <QCoreApplication>

#include <thread>

QString deviceName(const QString& device)
{
    if (device == QLatin1String("cpu")) {
        const int cores = static_cast<int>(std::thread::hardware_concurrency());
        return cores > 0 ? QCoreApplication::translate("DeviceName", "CPU (%n core(s))", "", cores)
                         : QCoreApplication::translate("DeviceName", "CPU");
    }
    return QString::fromStdString(i3::device_display_name(device.toStdString()));
}
