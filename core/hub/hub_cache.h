// SPDX-License-Identifier: GPL-3.0-or-later
// The Hugging Face cache as Python's huggingface_hub lays it out, so that files either tool
// downloaded serve both:
//
//   <root>/models--owner--name/            (datasets--owner--name/ for a dataset)
//     blobs/<etag>                          each file's bytes once, named by its ETag (an LFS file's
//                                           is its SHA-256); <etag>.incomplete while it downloads
//     snapshots/<commit>/<path>             relative symbolic links to ../../blobs/<etag>
//     refs/<revision>                       the commit sha a branch or tag name stood for
//   <root>/.locks/models--owner--name/<etag>.lock   held while a blob downloads
#pragma once

#include "hub/hub_repo.h"

#include <filesystem>
#include <optional>
#include <string>

namespace i3 {

class HubCache {
public:
    explicit HubCache(std::filesystem::path root) : root_(std::move(root)) {}

    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path repo_folder(const HubRepo& repo) const;
    std::filesystem::path blob(const HubRepo& repo, const std::string& etag) const;
    // Where a blob grows while it downloads; a later download resumes from it.
    std::filesystem::path incomplete_blob(const HubRepo& repo, const std::string& etag) const;
    std::filesystem::path snapshot(const HubRepo& repo, const std::string& commit) const;
    std::filesystem::path blob_lock(const HubRepo& repo, const std::string& etag) const;

    // The commit `revision` names in the cache: itself when it is a commit sha with a snapshot,
    // else what refs/<revision> holds; nothing when the cache does not know it.
    std::optional<std::string> commit_of(const HubRepo& repo, const std::string& revision) const;
    void write_ref(const HubRepo& repo, const std::string& revision, const std::string& commit) const;

    // Whether snapshots/<commit>/<path> is there and leads to a file.
    bool has_file(const HubRepo& repo, const std::string& commit, const std::string& path) const;
    // Makes snapshots/<commit>/<path> a relative link to the blob (which must be complete), in
    // one rename, so the entry is either absent or whole.
    void link_blob(const HubRepo& repo, const std::string& commit, const std::string& path,
                   const std::string& etag) const;

private:
    std::filesystem::path root_;
};

// The repo whose snapshot `folder` is (<root>/models--owner--name/snapshots/<commit>), if it is one.
std::optional<HubRepo> repo_of_snapshot(const std::filesystem::path& folder);

// Whether `text` is a full commit sha (40 lower-case hexadecimal digits).
bool is_commit_sha(const std::string& text);
// Whether `path` is a relative path of plain names (no "..", "." or leading '/'): a file name or
// a revision from the Hub must stay inside its folder of the cache.
bool is_plain_relative_path(const std::string& path);

} // namespace i3
