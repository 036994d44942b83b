// SPDX-License-Identifier: GPL-3.0-or-later
// One file's bytes from the Hub into blobs/<etag>: grown in blobs/<etag>.incomplete, resumed
// with a Range request after a dropped connection or an earlier interrupted run, checked (size;
// SHA-256 for an LFS file), synced, and only then renamed to its blob name.
#pragma once

#include "base/cancel_token.h"
#include "hub/download_progress.h"
#include "hub/hub_cache.h"
#include "hub/hub_errors.h"
#include "hub/hub_http.h"

#include <cstdint>
#include <string>

namespace i3 {

// Where a file's bytes are and what they must be.
struct BlobSource {
    std::string url;    // the resolve URL, or where its redirect leads (an LFS file's storage)
    std::string etag;   // the blob's name
    uint64_t size = 0;  // 0 when the Hub did not say
    std::string sha256; // an LFS file's digest (its ETag); empty for a file kept in git
};

struct BlobDownload {
    const HubRequest& request; // names the repo and file in messages
    const BlobSource& source;
    DownloadProgress progress; // file, file_number and file_count filled in
    const ProgressCallback& on_progress;
    const NoticeCallback& on_notice;
    const CancelToken* cancel;
};

// Leaves cache.blob(repo, etag) complete and verified, or throws (i3::Error, Cancelled) leaving
// at most the .incomplete file, from which the next attempt resumes (unless its bytes were
// found wrong, which removes it).
void download_blob(HubHttp& http, const HubCache& cache, const BlobDownload& download);

} // namespace i3
