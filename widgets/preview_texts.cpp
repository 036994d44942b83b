// SPDX-License-Identifier: GPL-3.0-or-later
#include "preview_texts.h"

#include <QString>

#include <algorithm>

namespace {

QString shortened(const std::string& text, int maxCharacters)
{
    QString result = QString::fromStdString(text);
    if (result.size() <= maxCharacters)
        return result;
    int cut = maxCharacters;
    if (result.at(cut - 1).isHighSurrogate()) // never split a character outside the BMP
        --cut;
    return result.left(cut) + QChar(0x2026); // "…"
}

} // namespace

QStringList previewTexts(const std::vector<std::string>& texts, int count, int maxCharacters)
{
    QStringList preview;
    const size_t shown = std::min(texts.size(), static_cast<size_t>(std::max(count, 0)));
    for (size_t i = 0; i < shown; ++i)
        preview << shortened(texts[i], maxCharacters);
    return preview;
}
