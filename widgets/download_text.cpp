// SPDX-License-Identifier: GPL-3.0-or-later
#include "download_text.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

double DownloadText::fraction(const i3::DownloadProgress& progress)
{
    if (progress.file_count == 0)
        return -1;
    double file = 1;
    if (!progress.from_cache) {
        if (progress.bytes_total == 0)
            return -1;
        file = std::min(1.0, double(progress.bytes_done) / double(progress.bytes_total));
    }
    return (double(progress.file_number - 1) + file) / double(progress.file_count);
}

QString DownloadText::describe(const QString& repo, const i3::DownloadProgress& progress)
{
    const QLocale locale;
    const QString file = tr("%1 (file %2 of %3)")
                             .arg(QString::fromStdString(progress.file))
                             .arg(progress.file_number)
                             .arg(progress.file_count);
    const QString what = repo.isEmpty() ? file : tr("%1: %2").arg(repo, file);
    const QString done = locale.formattedDataSize(static_cast<qint64>(progress.bytes_done), 1);
    if (progress.from_cache)
        return tr("%1, %2, already in the cache").arg(what, done);
    QString text = progress.bytes_total > 0
                       ? tr("Downloading %1, %2 of %3")
                             .arg(what, done, locale.formattedDataSize(static_cast<qint64>(progress.bytes_total), 1))
                       : tr("Downloading %1, %2").arg(what, done);
    if (progress.bytes_per_second > 0)
        text = tr("%1, %2/s").arg(text, locale.formattedDataSize(static_cast<qint64>(progress.bytes_per_second), 1));
    if (progress.seconds_left >= 0)
        text = tr("%1, %2 s left").arg(text, locale.toString(static_cast<qint64>(std::lround(progress.seconds_left))));
    return text;
}
