// SPDX-License-Identifier: GPL-3.0-or-later
#include "data_choice.h"

bool DataChoice::operator==(const DataChoice& other) const
{
    return builtinCorpus == other.builtinCorpus && files == other.files && textField == other.textField &&
           maxTexts == other.maxTexts && tokenizerFile == other.tokenizerFile &&
           validationFraction == other.validationFraction;
}

i3::DataSpec DataChoice::toSpec() const
{
    i3::DataSpec spec;
    spec.builtin_corpus = builtinCorpus;
    for (const QString& file : files)
        spec.sources.emplace_back(std::filesystem::path(file.toStdString()));
    spec.text_field = textField.toStdString();
    spec.max_texts = maxTexts > 0 ? static_cast<size_t>(maxTexts) : 0;
    spec.tokenizer_file = tokenizerFile.toStdString();
    return spec;
}
