// SPDX-License-Identifier: GPL-3.0-or-later
// A count of floating-point operations the short way, in the user's locale: "12.8 MFLOP".
#pragma once

#include <QString>

QString flopsText(double flops);
