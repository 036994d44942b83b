// SPDX-License-Identifier: GPL-3.0-or-later
// A token on one line, as axes and chips show it: spaces, line breaks and tabs made visible
// (·, ↵, →), since a chunk such as "e " or " a" would otherwise hide where it ends.
#pragma once

#include <QString>

inline QString visibleToken(QString token)
{
    return token.replace(QLatin1Char(' '), QChar(0x00B7))
        .replace(QLatin1Char('\n'), QChar(0x21B5))
        .replace(QLatin1Char('\t'), QChar(0x2192));
}
