// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/blob_download.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "hub/durable_file.h"
#include "hub/sha256.h"

#include <cerrno>
#include <cstring>
#include <cstdio>
#include <memory>

namespace fs = std::filesystem;

namespace i3 {

namespace {

constexpr long kRangeNotSatisfiable = 416;

std::string what(const HubRequest& request) { return request.file + " of " + describe(request.repo); }

// One try: asks for the bytes the .incomplete file lacks and appends them.
HttpResponse fetch_rest(HubHttp& http, const fs::path& incomplete, const BlobDownload& download)
{
    auto file = std::make_unique<AppendFile>(incomplete, false, what(download.request));
    const uint64_t expected = download.source.size;
    if (expected > 0 && file->size() > expected)
        file = std::make_unique<AppendFile>(incomplete, true, what(download.request));
    const uint64_t offset = file->size();
    if (expected > 0 && offset == expected) {
        HttpResponse whole;
        whole.status = 206; // nothing left to ask for
        return whole;
    }
    std::vector<std::string> headers{"Accept-Encoding: identity"};
    if (offset > 0)
        headers.push_back("Range: bytes=" + std::to_string(offset) + "-");
    DownloadProgress progress = download.progress;
    progress.bytes_total = expected;
    const ProgressMeter meter(offset);
    bool first = true;
    const BodySink append = [&](long status, const char* data, size_t size) {
        if (first && offset > 0 && status == 200) // the server ignored the range: start over
            file = std::make_unique<AppendFile>(incomplete, true, what(download.request));
        first = false;
        file->write(data, size);
        progress.bytes_done = file->size();
        meter.measure(progress);
        if (download.on_progress)
            download.on_progress(progress);
    };
    HttpResponse response = http.get(download.source.url, headers, append, download.cancel);
    if (response.status >= 200 && response.status < 300) {
        if (expected > 0 && file->size() < expected)
            throw TransferError(TransferError::Kind::dropped, "the answer ended after " + std::to_string(file->size()) +
                                                                  " of " + std::to_string(expected) + " bytes");
        file->sync();
    }
    return response;
}

// Throws i3::Error, removing the .incomplete file, unless its size and digest are the Hub's.
void verify(const fs::path& incomplete, const BlobDownload& download)
{
    const auto fail = [&](const std::string& problem) {
        std::remove(incomplete.c_str());
        throw Error(what(download.request) + ": " + problem + "; it was not kept (run again to download it anew)");
    };
    const uint64_t size = fs::file_size(incomplete);
    if (download.source.size > 0 && size != download.source.size)
        fail("the Hub said " + std::to_string(download.source.size) + " bytes but " + std::to_string(size) +
             " arrived");
    if (download.source.sha256.empty())
        return;
    Sha256 digest;
    digest.update_from_file(incomplete);
    const std::string actual = digest.hex_digest();
    if (actual != download.source.sha256)
        fail("the bytes downloaded have SHA-256 " + actual + " but the Hub's is " + download.source.sha256 +
             " (the download was corrupted)");
}

} // namespace

void download_blob(HubHttp& http, const HubCache& cache, const BlobDownload& download)
{
    const HubRepo& repo = download.request.repo;
    const fs::path blob = cache.blob(repo, download.source.etag);
    const fs::path incomplete = cache.incomplete_blob(repo, download.source.etag);
    fs::create_directories(blob.parent_path());
    const auto attempt = [&] { return fetch_rest(http, incomplete, download); };
    HttpResponse response;
    try {
        response = http.with_retries(attempt, download.cancel, download.on_notice);
        if (response.status == kRangeNotSatisfiable) { // what was kept is not a start of this file
            std::remove(incomplete.c_str());
            response = http.with_retries(attempt, download.cancel, download.on_notice);
        }
    } catch (const TransferError& error) {
        throw_transfer_failure(error, download.request);
    }
    if (response.status < 200 || response.status >= 300)
        throw_http_failure(response, download.request);
    verify(incomplete, download);
    if (std::rename(incomplete.c_str(), blob.c_str()) != 0)
        throw Error("could not place " + what(download.request) + " at " + blob.string() + ": " + std::strerror(errno));
    sync_to_disk(blob.parent_path());
}

} // namespace i3
