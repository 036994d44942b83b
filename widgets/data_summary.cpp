// SPDX-License-Identifier: GPL-3.0-or-later
#include "data_summary.h"

#include "base/error.h"
#include "data/token_store.h"
#include "training/run_creation.h"

#include <filesystem>

void DataSummary::setValidationFraction(double fraction)
{
    validationTokens = i3::held_out_count(tokens, fraction);
    trainTokens = tokens - validationTokens;
}

void DataSummary::saveTokenizer(const QString& path) const
{
    if (!prepared)
        throw i3::Error("there is no tokenizer to save yet: analyse the data first");
    prepared->tokenizer.save(std::filesystem::path(path.toStdString()));
}
