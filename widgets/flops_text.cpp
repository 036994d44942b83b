// SPDX-License-Identifier: GPL-3.0-or-later
#include "flops_text.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

QString flopsText(double flops)
{
    const QLocale locale;
    const double magnitude = std::abs(flops);
    if (magnitude >= 1e12)
        return QCoreApplication::translate("FlopsText", "%1 TFLOP").arg(locale.toString(flops / 1e12, 'f', 1));
    if (magnitude >= 1e9)
        return QCoreApplication::translate("FlopsText", "%1 GFLOP").arg(locale.toString(flops / 1e9, 'f', 1));
    if (magnitude >= 1e6)
        return QCoreApplication::translate("FlopsText", "%1 MFLOP").arg(locale.toString(flops / 1e6, 'f', 1));
    if (magnitude >= 1e3)
        return QCoreApplication::translate("FlopsText", "%1 kFLOP").arg(locale.toString(flops / 1e3, 'f', 1));
    return QCoreApplication::translate("FlopsText", "%1 FLOP").arg(locale.toString(flops, 'f', 0));
}
