// SPDX-License-Identifier: GPL-3.0-or-later
// What a HubDatasetJob found in a dataset repo of the Hugging Face Hub: the configs and splits its
// file list offers, the chosen split's files, the text columns and first rows of its first file,
// and where the cache keeps them.
#pragma once

#include "data_choice.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

struct HubDatasetPreview {
    HubDatasetChoice choice; // what was looked at: config, split and column as found
    QString commit;          // the revision's commit
    QStringList configs;     // "default" stands for HubDatasetChoice::config ""
    QStringList splits;      // of choice.config
    QStringList columns;     // the first file's text columns; empty for .txt files
    QStringList files;       // the split's files, paths in the repo
    bool firstFileFromCache = false; // it was in the cache already: nothing was transferred
    QStringList rows;        // the first texts of the first file, shortened
    QString cacheRoot;       // the Hugging Face cache (HF_HUB_CACHE, ...)
    QString cacheFolder;     // the repo's folder in it
    bool offline = false;    // HF_HUB_OFFLINE: the cache alone answered, without a request
};
Q_DECLARE_METATYPE(HubDatasetPreview)
