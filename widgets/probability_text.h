// SPDX-License-Identifier: GPL-3.0-or-later
// A token probability as the workbench writes it: four decimals, or three significant digits in
// exponent form below 0.001, where four decimals would read 0.0000 for a token the sampler
// can still draw.
#pragma once

#include <QString>

inline QString probabilityText(double probability)
{
    return probability >= 1e-3 || probability == 0 ? QStringLiteral("%L1").arg(probability, 0, 'f', 4)
                                                   : QStringLiteral("%L1").arg(probability, 0, 'e', 2);
}
