// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/hub_split_files.h"

#include "base/error.h"

#include <algorithm>
#include <functional>

namespace i3 {

namespace {

constexpr size_t kFilesNamedInMessages = 20;
const char* const kReadableExtensions[] = {".parquet", ".jsonl", ".json", ".csv", ".txt"};

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

std::vector<Layout> layouts(const std::string& config, const std::string& split)
{
    return {
        [=](const std::string& p) { return matches(p, "data/" + split + "-", ".parquet") || matches(p, "data/" + split + "/", ".parquet"); },
        [=](const std::string& p) {
            return matches(p, config + "/" + split + "/", ".parquet") || matches(p, config + "/" + split + "-", ".parquet");
        },
        [=](const std::string& p) {
            return p == split + ".jsonl" || p == split + ".json" || p == split + ".csv" || p == split + ".txt";
        },
        [=](const std::string& p) { return is_readable(p) && file_name(p).find(split) != std::string::npos; },
    };
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
    for (const Layout& layout : layouts(config, split)) {
        std::vector<std::string> found;
        std::copy_if(repo_files.begin(), repo_files.end(), std::back_inserter(found), layout);
        if (!found.empty()) {
            std::sort(found.begin(), found.end());
            return found;
        }
    }
    throw Error("dataset " + repo + ": no files for split \"" + split + "\" (config \"" + config +
                "\"): looked for data/" + split + "-*.parquet, data/" + split + "/*.parquet, " + config + "/" + split +
                "/*.parquet, " + config + "/" + split + "-*.parquet, " + split + ".jsonl|.json|.csv|.txt and readable "
                "files whose name contains \"" + split + "\"; " + listing(repo_files));
}

} // namespace i3
