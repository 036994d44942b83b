// SPDX-License-Identifier: GPL-3.0-or-later
// One source of training texts: a local file or folder, or a Hub dataset, with an optional
// weight, the share of the texts it contributes when sources are mixed (data/source_mix.h).
#pragma once

#include "data/hub_dataset.h"

#include <filesystem>
#include <optional>
#include <string>

namespace i3 {

struct DataSource {
    DataSource() = default;
    DataSource(std::filesystem::path path) : file(std::move(path)) {} // a local file or folder

    std::filesystem::path file;     // a local source, when hub is empty
    std::optional<HubDataset> hub;  // a Hub dataset
    double weight = 0;              // 0: not weighted

    bool operator==(const DataSource& other) const
    {
        return file == other.file && hub == other.hub && weight == other.weight;
    }
    bool operator!=(const DataSource& other) const { return !(*this == other); }
};

// Reads a source as the command line names it: "hf:owner/name" for a Hub dataset (its column the
// reference's for it, data/hub_dataset.h), else a path; either may end in ":<weight>", a decimal
// number above 0 ("a.jsonl:0.3", "hf:owner/name:0.7"). Only a trailing ":<number>" is a weight,
// and not when the whole argument names an existing file, so "C:\texts.jsonl" and "notes:2.txt"
// stay paths. Throws i3::Error for a malformed weight or repo id.
DataSource parse_data_source(const std::string& argument);

// "a.jsonl", "a.jsonl (weight 0.3)", "hf:owner/name@main (split train, weight 0.7)".
std::string describe(const DataSource& source);

} // namespace i3
