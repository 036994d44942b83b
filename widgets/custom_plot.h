// SPDX-License-Identifier: GPL-3.0-or-later
// QCustomPlot's header for code built with QT_NO_KEYWORDS: the header itself still writes
// `signals:` and `foreach`, so those two keywords exist while it is read and are gone after.
#pragma once

#include <QObject>
#include <QtCore/qforeach.h>

#define signals Q_SIGNALS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef foreach
#undef signals
