// SPDX-License-Identifier: GPL-3.0-or-later
#include "data_choice.h"

#include "data/builtin_corpus.h"
#include "base/error.h"
#include "data/text_sources.h"

#include <cstdint>
#include <iterator>

bool DataChoice::operator==(const DataChoice& other) const
{
    return builtinCorpus == other.builtinCorpus && files == other.files && textField == other.textField &&
           maxTexts == other.maxTexts && tokenizerFile == other.tokenizerFile &&
           validationFraction == other.validationFraction;
}

std::vector<std::string> DataChoice::sourceDescriptions() const
{
    std::vector<std::string> sources;
    if (builtinCorpus)
        sources.push_back(i3::builtin_corpus_description());
    for (const QString& file : files)
        sources.push_back(file.toStdString());
    return sources;
}

std::vector<std::string> readChosenTexts(const DataChoice& choice, const i3::CancelToken* cancel)
{
    if (!choice.builtinCorpus && choice.files.isEmpty())
        throw i3::Error("no training data chosen: tick the built-in corpus or add files");
    const auto limit = choice.maxTexts > 0 ? static_cast<size_t>(choice.maxTexts) : SIZE_MAX;
    std::vector<std::string> texts;
    if (choice.builtinCorpus) {
        texts = i3::builtin_corpus_texts();
        if (texts.size() > limit)
            texts.resize(limit);
    }
    for (const QString& file : choice.files) {
        if (cancel && cancel->cancelled())
            throw i3::Cancelled();
        if (texts.size() >= limit)
            break;
        i3::TextReadOptions options;
        options.text_field = choice.textField.toStdString();
        options.max_texts = limit - texts.size();
        auto more = i3::read_texts(std::filesystem::path(file.toStdString()), options);
        texts.insert(texts.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    return texts;
}
