// SPDX-License-Identifier: GPL-3.0-or-later
// The Hugging Face Hub, for models and datasets: a repo's file list at a revision, and its files
// downloaded into the shared cache (hub_cache.h), as Python's huggingface_hub does. With
// settings.offline no request is made and the cache alone answers.
#pragma once

#include "base/cancel_token.h"
#include "hub/download_progress.h"
#include "hub/hub_cache.h"
#include "hub/hub_http.h"
#include "hub/hub_repo.h"
#include "hub/hub_settings.h"

#include <filesystem>
#include <string>
#include <vector>

namespace i3 {

struct RepoFiles {
    std::string commit;              // the sha the revision stood for
    std::vector<std::string> files;  // paths in the repo
};

// What a download reports and how it is stopped; every member may be left empty.
struct DownloadCallbacks {
    ProgressCallback progress;
    NoticeCallback notice;           // a request being tried again
    const CancelToken* cancel = nullptr;
};

class HubClient {
public:
    explicit HubClient(HubSettings settings, RetryPolicy policy = {});

    const HubSettings& settings() const { return settings_; }
    const HubCache& cache() const { return cache_; }

    // The Hub's API: {endpoint}/api/models|datasets/{repo}/revision/{revision}. Online only.
    RepoFiles list_files(const HubRepo& repo, const std::string& revision, const DownloadCallbacks& callbacks);

    // The files of `revision` that the cache holds, and the commit it names there; throws
    // i3::Error when the cache does not know the revision. Makes no request.
    RepoFiles cached_files(const HubRepo& repo, const std::string& revision) const;

    // Puts `paths` at `commit` (a full sha) into the snapshot, numbered as one download, and
    // returns the snapshot folder. Offline, files the cache lacks are an error.
    std::filesystem::path download_files(const HubRepo& repo, const std::string& commit,
                                         const std::vector<std::string>& paths, const DownloadCallbacks& callbacks);

    // Downloads the files at `revision` whose paths match one of `include` (shell patterns as
    // huggingface_hub's allow_patterns: '*' also crosses '/', a trailing '/' means a folder;
    // none means every file) and returns the snapshot folder. Files already there are not
    // transferred again.
    std::filesystem::path download(const HubRepo& repo, const std::string& revision,
                                   const std::vector<std::string>& include, const DownloadCallbacks& callbacks);

    // Downloads one file and returns its path inside the snapshot.
    std::filesystem::path download_file(const HubRepo& repo, const std::string& revision, const std::string& path,
                                        const DownloadCallbacks& callbacks);

private:
    // Puts `path` at `commit` into the snapshot (fetching its blob unless the cache has it).
    void fetch_file(const HubRepo& repo, const std::string& commit, const std::string& path, size_t number,
                    size_t count, const DownloadCallbacks& callbacks);
    std::filesystem::path offline_snapshot(const HubRepo& repo, const std::string& revision,
                                           const std::vector<std::string>& include) const;
    std::string resolve_url(const HubRepo& repo, const std::string& revision, const std::string& path) const;

    HubSettings settings_;
    HubCache cache_;
    HubHttp http_;
};

// Whether `path` matches one of `patterns` (true for an empty list).
bool matches_any(const std::string& path, const std::vector<std::string>& patterns);

} // namespace i3
