// SPDX-License-Identifier: GPL-3.0-or-later
// A Hub download's progress (i3::DownloadProgress) in the user's words, for every job that
// downloads: which file of how many, how far, how fast, how long still, or that the cache had it.
#pragma once

#include "hub/download_progress.h"

#include <QCoreApplication>
#include <QString>

class DownloadText {
    Q_DECLARE_TR_FUNCTIONS(DownloadText)
public:
    // How far the whole download is, counting finished files whole, in [0, 1]; below 0 while
    // the size of the file at hand is unknown.
    static double fraction(const i3::DownloadProgress& progress);
    // "owner/name: data/train-0.parquet (file 1 of 4), 12.0 MB of 250.0 MB, 3.1 MB/s, 77 s left";
    // `repo` may be empty.
    static QString describe(const QString& repo, const i3::DownloadProgress& progress);
};
