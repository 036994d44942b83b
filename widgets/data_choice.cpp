// SPDX-License-Identifier: GPL-3.0-or-later
#include "data_choice.h"

#include "data/hub_dataset.h"
#include "hub/hub_repo.h"

bool HubDatasetChoice::operator==(const HubDatasetChoice& other) const
{
    return repo == other.repo && config == other.config && split == other.split && textField == other.textField;
}

i3::DataSource HubDatasetChoice::toSource() const
{
    // Checked first: parsing would read a trailing ":2" as a weight.
    i3::check_repo_id({i3::RepoType::dataset, repo.toStdString()});
    // The command line's own parsing, then its options: the same dataset by construction.
    i3::DataSource source = i3::parse_data_source(i3::kHubSourcePrefix + repo.toStdString());
    source.hub->config = config.toStdString();
    if (!split.isEmpty())
        source.hub->split = split.toStdString();
    if (!textField.isEmpty())
        source.hub->text_field = textField.toStdString();
    return source;
}

bool DataChoice::operator==(const DataChoice& other) const
{
    return builtinCorpus == other.builtinCorpus && files == other.files && textField == other.textField &&
           hub == other.hub && maxTexts == other.maxTexts && tokenizerFile == other.tokenizerFile &&
           validationFraction == other.validationFraction;
}

i3::DataSpec DataChoice::toSpec() const
{
    i3::DataSpec spec;
    spec.builtin_corpus = builtinCorpus;
    for (const QString& file : files)
        spec.sources.emplace_back(std::filesystem::path(file.toStdString()));
    if (!hub.isEmpty())
        spec.sources.push_back(hub.toSource());
    spec.text_field = textField.toStdString();
    spec.max_texts = maxTexts > 0 ? static_cast<size_t>(maxTexts) : 0;
    spec.tokenizer_file = tokenizerFile.toStdString();
    return spec;
}
