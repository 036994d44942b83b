// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/hub_split_files.h"

#include "base/error.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>

namespace i3 {

namespace {

constexpr size_t kFilesNamedInMessages = 20;
const char* const kReadableExtensions[] = {".parquet", ".jsonl", ".json", ".csv", ".txt"};
const char* const kSingleFileExtensions[] = {".jsonl", ".json", ".csv", ".txt"};
// The split names datasets use most, in the order the pickers show them.
const char* const kUsualSplits[] = {"train", "validation", "valid", "dev", "test"};
constexpr const char* kDefaultConfig = "default";

bool starts_with(const std::string& text, const std::string& prefix) { return text.compare(0, prefix.size(), prefix) == 0; }

bool ends_with(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Whether `path` is prefix + something without '/' + suffix, as the pattern "prefix*suffix" reads.
bool matches(const std::string& path, const std::string& prefix, const std::string& suffix)
{
    if (path.size() <= prefix.size() + suffix.size() || !starts_with(path, prefix) || !ends_with(path, suffix))
        return false;
    const std::string middle = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
    return middle.find('/') == std::string::npos;
}

std::string file_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

bool is_readable(const std::string& path)
{
    return std::any_of(std::begin(kReadableExtensions), std::end(kReadableExtensions),
                       [&](const char* extension) { return ends_with(path, extension); });
}

using Layout = std::function<bool(const std::string& path)>;

// A named config looks in its own folder first: beside config folders, data/ is the default's.
std::vector<Layout> layouts(const std::string& config, const std::string& split)
{
    const Layout pushed = [=](const std::string& p) {
        return matches(p, "data/" + split + "-", ".parquet") || matches(p, "data/" + split + "/", ".parquet");
    };
    const Layout converted = [=](const std::string& p) {
        return matches(p, config + "/" + split + "/", ".parquet") || matches(p, config + "/" + split + "-", ".parquet");
    };
    const Layout single = [=](const std::string& p) {
        return p == split + ".jsonl" || p == split + ".json" || p == split + ".csv" || p == split + ".txt";
    };
    const Layout named = [=](const std::string& p) { return is_readable(p) && file_name(p).find(split) != std::string::npos; };
    if (config == kDefaultConfig)
        return {pushed, converted, single, named};
    return {converted, pushed, single, named};
}

// The first layout's files that match, in the order of their paths; empty when none does.
std::vector<std::string> find_split_files(const std::vector<std::string>& repo_files, const std::string& config,
                                          const std::string& split)
{
    for (const Layout& layout : layouts(config, split)) {
        std::vector<std::string> found;
        std::copy_if(repo_files.begin(), repo_files.end(), std::back_inserter(found), layout);
        if (!found.empty()) {
            std::sort(found.begin(), found.end());
            return found;
        }
    }
    return {};
}

std::vector<std::string> path_parts(const std::string& path)
{
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1)
        parts.push_back(path.substr(start, slash - start));
    parts.push_back(path.substr(start));
    return parts;
}

// The split that `path` names as a file of `folder` in layout 1 or 2 ({folder}/{split}-*.parquet,
// {folder}/{split}/*.parquet), if any. Split names hold no '-', so the prefix ends at the first.
std::optional<std::string> folder_split_of(const std::string& path, const std::string& folder)
{
    const std::vector<std::string> parts = path_parts(path);
    if (parts.size() < 2 || parts.size() > 3 || parts[0] != folder || !ends_with(path, ".parquet"))
        return std::nullopt;
    if (parts.size() == 3)
        return parts[1];
    const size_t dash = parts[1].find('-');
    if (dash == std::string::npos || dash == 0)
        return std::nullopt;
    return parts[1].substr(0, dash);
}

// The split that a top-level file names by layout 3 ({split}.jsonl, ...), if any.
std::optional<std::string> file_split_of(const std::string& path)
{
    if (path.find('/') != std::string::npos)
        return std::nullopt;
    for (const char* extension : kSingleFileExtensions)
        if (ends_with(path, extension) && path.size() > std::string(extension).size())
            return path.substr(0, path.size() - std::string(extension).size());
    return std::nullopt;
}

// Candidates in the order that decides which of two names for the same files is kept. A named
// config's are the splits in its folder; the default's are data/'s and its own folder's, then the
// usual names (which layout 4 may find inside file names), then the top-level files' names.
std::vector<std::string> split_candidates(const std::vector<std::string>& repo_files, const std::string& config)
{
    const bool named = config != kDefaultConfig;
    std::set<std::string> folders, files;
    for (const auto& path : repo_files) {
        for (const std::string& folder : {config, std::string("data")})
            if (const auto split = folder_split_of(path, folder); split && (!named || folder == config))
                folders.insert(*split);
        if (const auto split = file_split_of(path))
            files.insert(*split);
    }
    std::vector<std::string> candidates(folders.begin(), folders.end());
    if (named)
        return candidates;
    candidates.insert(candidates.end(), std::begin(kUsualSplits), std::end(kUsualSplits));
    candidates.insert(candidates.end(), files.begin(), files.end());
    return candidates;
}

// The usual splits in their order, then the others by name.
bool shown_before(const std::string& a, const std::string& b)
{
    const auto rank = [](const std::string& name) {
        const auto found = std::find(std::begin(kUsualSplits), std::end(kUsualSplits), name);
        return static_cast<size_t>(found - std::begin(kUsualSplits));
    };
    return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
}

std::string listing(std::vector<std::string> files)
{
    if (files.empty())
        return "the repo has no files";
    std::sort(files.begin(), files.end());
    std::string text = "the repo has ";
    for (size_t i = 0; i < files.size() && i < kFilesNamedInMessages; ++i)
        text += (i == 0 ? "" : ", ") + files[i];
    if (files.size() > kFilesNamedInMessages)
        text += " and " + std::to_string(files.size() - kFilesNamedInMessages) + " more";
    return text;
}

} // namespace

std::vector<std::string> split_files(const std::vector<std::string>& repo_files, const std::string& config,
                                     const std::string& split, const std::string& repo)
{
    std::vector<std::string> found = find_split_files(repo_files, config, split);
    if (!found.empty())
        return found;
    throw Error("dataset " + repo + ": no files for split \"" + split + "\" (config \"" + config +
                "\"): looked for data/" + split + "-*.parquet, data/" + split + "/*.parquet, " + config + "/" + split +
                "/*.parquet, " + config + "/" + split + "-*.parquet, " + split + ".jsonl|.json|.csv|.txt and readable "
                "files whose name contains \"" + split + "\"; " + listing(repo_files));
}

std::vector<std::string> dataset_splits(const std::vector<std::string>& repo_files, const std::string& config)
{
    std::vector<std::string> splits;
    std::set<std::vector<std::string>> seen; // another name for files already offered is left out
    for (const auto& candidate : split_candidates(repo_files, config)) {
        if (std::find(splits.begin(), splits.end(), candidate) != splits.end())
            continue;
        std::vector<std::string> files = find_split_files(repo_files, config, candidate);
        if (!files.empty() && seen.insert(std::move(files)).second)
            splits.push_back(candidate);
    }
    std::sort(splits.begin(), splits.end(), shown_before);
    return splits;
}

std::vector<std::string> dataset_configs(const std::vector<std::string>& repo_files)
{
    std::set<std::string> folders;
    for (const auto& path : repo_files) {
        const std::string first = path_parts(path).front();
        if (first != "data" && folder_split_of(path, first))
            folders.insert(first);
    }
    // "default" also stands for the files outside every config's folder (data/..., train.jsonl, ...).
    bool default_has_own_files = false;
    for (const auto& split : dataset_splits(repo_files, kDefaultConfig))
        for (const auto& file : find_split_files(repo_files, kDefaultConfig, split))
            default_has_own_files = default_has_own_files || folders.count(path_parts(file).front()) == 0;
    std::vector<std::string> configs;
    if (default_has_own_files || folders.count(kDefaultConfig) > 0)
        configs.push_back(kDefaultConfig);
    for (const auto& folder : folders)
        if (folder != kDefaultConfig)
            configs.push_back(folder);
    return configs;
}

} // namespace i3
