// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics_csv.h"

#include "base/atomic_file.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <exception>
#include <filesystem>
#include <map>

namespace {

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvNumber(double value) { return std::isfinite(value) ? QString::number(value, 'g', 12) : QString(); }

} // namespace

bool writeMetricsCsv(const QString& path, const QString& xLabel, const QVector<MetricColumn>& columns, QString* error)
{
    // Each row holds one cell per column; later points at the same x overwrite earlier ones.
    std::map<double, QVector<double>> rows;
    for (int c = 0; c < columns.size(); ++c) {
        const MetricColumn& column = columns[c];
        const qsizetype count = std::min(column.x.size(), column.y.size());
        for (qsizetype i = 0; i < count; ++i) {
            if (!std::isfinite(column.x[i]))
                continue;
            auto& row = rows[column.x[i]];
            if (row.isEmpty())
                row.fill(std::nan(""), columns.size());
            row[c] = column.y[i];
        }
    }
    QStringList header{csvField(xLabel.isEmpty() ? QStringLiteral("x") : xLabel)};
    for (const MetricColumn& column : columns)
        header << csvField(column.label);
    QString text = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const auto& [x, cells] : rows) {
        text += csvNumber(x);
        for (double cell : cells)
            text += QLatin1Char(',') + csvNumber(cell);
        text += QLatin1Char('\n');
    }
    try {
        i3::write_file_atomically(std::filesystem::path(path.toStdString()), text.toStdString());
    } catch (const std::exception& failure) {
        if (error)
            *error = QString::fromStdString(failure.what());
        return false;
    }
    return true;
}
