// SPDX-License-Identifier: GPL-3.0-or-later
// The metrics a plot shows, as a CSV table a spreadsheet opens.
#pragma once

#include <QString>
#include <QVector>

// One column of a metrics table: a series' points.
struct MetricColumn {
    QString label;
    QVector<double> x, y;
};

// Writes columns as CSV aligned on x: the first column is x (headed `xLabel`), then one column
// per series, one row per distinct x in ascending order; a series without a point at that x
// leaves its cell empty, and where a series has several points at one x the last one counts.
// Numbers use '.' and up to 12 significant digits. The file is replaced atomically. On failure
// returns false and, if `error` is given, says why.
bool writeMetricsCsv(const QString& path, const QString& xLabel, const QVector<MetricColumn>& columns,
                     QString* error = nullptr);
