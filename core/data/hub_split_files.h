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
//
// A config other than "default" tries layout 2 first: in a repo with config folders, data/ holds
// the default config's files.
//
// The configs and splits a repo offers (for the studio's pickers) are the names these layouts
// hold, each kept only when split_files() finds its files.
#pragma once

#include <string>
#include <vector>

namespace i3 {

// Throws i3::Error naming `repo` and listing the repo's files when no layout matches.
std::vector<std::string> split_files(const std::vector<std::string>& repo_files, const std::string& config,
                                     const std::string& split, const std::string& repo);

// The configs the layouts find: the folders of layout 2 ({config}/{split}/..., by name), with
// "default" first when it is one of them or when its splits have files outside those folders.
// Empty when no split of any config is found.
std::vector<std::string> dataset_configs(const std::vector<std::string>& repo_files);

// The splits of `config` that split_files() finds files for: train, validation, valid, dev and
// test first (when there), then the others by name. A named config's candidates are the splits in
// its folder ({config}/{split}/, {config}/{split}-*); the default's are the names the layouts
// hold (data/{split}-*, data/{split}/, default/..., {split}.jsonl ...) and the usual split names,
// for layout 4.
std::vector<std::string> dataset_splits(const std::vector<std::string>& repo_files, const std::string& config);

} // namespace i3
