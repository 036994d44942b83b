// SPDX-License-Identifier: GPL-3.0-or-later
// A dataset on the Hugging Face Hub as a training source ("hf:owner/name"): which repo, config,
// split and column, and, once fetched (data/hub_dataset_fetch.h), the commit it stood for and the
// files of the split in the local cache.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

// What names a Hub dataset on the command line and in config.json's dataset_sources.
inline constexpr const char* kHubSourcePrefix = "hf:";

struct HubDataset {
    std::string repo;             // "owner/name"
    std::string config;           // empty: the Hub's "default"
    std::string split = "train";
    std::string text_field;       // the column holding the text
    std::string revision = "main";
    // Filled in by fetching; a fetched dataset is pinned to `commit`.
    std::string commit;
    std::vector<std::string> files;  // the split's files, paths in the repo
    std::filesystem::path snapshot;  // the cache's snapshot folder holding them

    bool fetched() const { return !commit.empty(); }
    std::string config_name() const { return config.empty() ? "default" : config; }
    bool operator==(const HubDataset& other) const;
    bool operator!=(const HubDataset& other) const { return !(*this == other); }
};

// The column of the reference's datasets (reference §6), else "text".
std::string default_text_column(const std::string& repo);

// "hf:owner/name@<commit or revision> (split train)", "(config en, split train)" for a named config:
// how config.json's dataset_sources and messages name it.
std::string describe(const HubDataset& dataset);
// The repo id of a description that describe() wrote; nothing for any other source.
std::optional<std::string> hub_repo_of_description(const std::string& description);

} // namespace i3
