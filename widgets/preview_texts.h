// SPDX-License-Identifier: GPL-3.0-or-later
// The first texts of some data, each cut to a length a list can show: the Data panel's previews of
// an analysis and of a Hub dataset's first rows.
#pragma once

#include <QStringList>

#include <string>
#include <vector>

// At most `count` of `texts` (UTF-8), each longer than `maxCharacters` cut there and ended by "…".
QStringList previewTexts(const std::vector<std::string>& texts, int count, int maxCharacters);
