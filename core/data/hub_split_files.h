// SPDX-License-Identifier: GPL-3.0-or-later
// Which files of a Hub dataset repo hold a split, found from the repo's file list by the layouts
// the Hub uses, tried in this order (the first that matches any file wins; '*' stays inside one
// folder, and the files are taken in the order of their paths):
//
//   1. data/{split}-*.parquet, data/{split}/*.parquet           (datasets' push_to_hub)
//   2. {config}/{split}/*.parquet, {config}/{split}-*.parquet    (the refs/convert/parquet layout;
//                                                                 config "default" unless named)
//   3. {split}.jsonl, {split}.json, {split}.csv, {split}.txt     (one file at the top)
//   4. readable files (.parquet, .jsonl, .json, .csv, .txt) whose name contains the split
#pragma once

#include <string>
#include <vector>

namespace i3 {

// Throws i3::Error naming `repo` and listing the repo's files when no layout matches.
std::vector<std::string> split_files(const std::vector<std::string>& repo_files, const std::string& config,
                                     const std::string& split, const std::string& repo);

} // namespace i3
