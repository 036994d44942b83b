// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/hub_dataset.h"

#include <utility>

namespace i3 {

namespace {

// The datasets the reference's train.py reads, with the column it takes from each (§6).
const std::pair<const char*, const char*> kReferenceColumns[] = {
    {"agentlans/high-quality-english-sentences", "text"},
    {"roneneldan/TinyStories", "text"},
    {"starhopp3r/TinyChat", "text"},
};

constexpr const char* kFallbackColumn = "text";

} // namespace

bool HubDataset::operator==(const HubDataset& other) const
{
    return repo == other.repo && config == other.config && split == other.split && text_field == other.text_field &&
           revision == other.revision && commit == other.commit && files == other.files && snapshot == other.snapshot;
}

std::string default_text_column(const std::string& repo)
{
    for (const auto& [name, column] : kReferenceColumns)
        if (repo == name)
            return column;
    return kFallbackColumn;
}

std::string describe(const HubDataset& dataset)
{
    return kHubSourcePrefix + dataset.repo + "@" + (dataset.fetched() ? dataset.commit : dataset.revision) + " (" +
           (dataset.config.empty() ? "" : "config " + dataset.config + ", ") + "split " + dataset.split + ")";
}

std::optional<std::string> hub_repo_of_description(const std::string& description)
{
    const std::string prefix = kHubSourcePrefix;
    const size_t at = description.find('@');
    if (description.compare(0, prefix.size(), prefix) != 0 || at == std::string::npos)
        return std::nullopt;
    return description.substr(prefix.size(), at - prefix.size());
}

} // namespace i3
