// SPDX-License-Identifier: GPL-3.0-or-later
#include "data_summary.h"

#include "base/error.h"
#include "text/chunk_tokenizer.h"

#include <filesystem>

void DataSummary::saveTokenizer(const QString& path) const
{
    if (!tokenizer)
        throw i3::Error("there is no tokenizer to save yet: analyse the data first");
    tokenizer->save(std::filesystem::path(path.toStdString()));
}
