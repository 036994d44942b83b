// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/hub_client.h"

#include "base/error.h"
#include "hub/blob_download.h"
#include "hub/file_lock.h"
#include "hub/hub_errors.h"

#include <nlohmann/json.hpp>

#include <fnmatch.h>

#include <algorithm>

namespace fs = std::filesystem;

namespace i3 {

namespace {

constexpr size_t kMaxListingBytes = 256u << 20;

// A file's identity as a HEAD of its resolve URL tells it. The Hub sends an LFS file's on the
// redirect to its storage: X-Linked-Etag (the SHA-256) and X-Linked-Size, beside X-Repo-Commit.
struct FileMetadata {
    std::string commit;
    BlobSource source;
};

// An ETag as a file name: without a weak marker ("W/") and without its quotes.
std::string normalised_etag(std::string etag)
{
    if (etag.rfind("W/", 0) == 0)
        etag.erase(0, 2);
    if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"')
        etag = etag.substr(1, etag.size() - 2);
    return etag;
}

bool is_sha256(const std::string& text)
{
    return text.size() == 64 &&
           std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

uint64_t size_header(const std::string& value)
{
    if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos || value.size() > 19)
        return 0;
    return std::stoull(value);
}

FileMetadata metadata_from(const HttpResponse& head, const std::string& url, const HubRequest& request)
{
    FileMetadata metadata;
    metadata.commit = head.header("x-repo-commit");
    const std::string linked = head.header("x-linked-etag");
    metadata.source.etag = normalised_etag(linked.empty() ? head.header("etag") : linked);
    metadata.source.size = size_header(linked.empty() ? head.header("content-length") : head.header("x-linked-size"));
    metadata.source.url = head.status >= 300 && !head.redirect_url.empty() ? head.redirect_url : url;
    if (!linked.empty() && is_sha256(metadata.source.etag))
        metadata.source.sha256 = metadata.source.etag;
    if (metadata.source.etag.empty() || !is_plain_relative_path(metadata.source.etag) ||
        metadata.source.etag.find('/') != std::string::npos)
        throw Error(request.file + " of " + describe(request.repo) + ": " + request.endpoint +
                    " gave no usable ETag for it, so it cannot be cached");
    return metadata;
}

RepoFiles files_from_listing(const std::string& text, const HubRequest& request)
{
    const std::string bad = describe(request.repo) + ": the file list from " + request.endpoint + " ";
    nlohmann::json listing;
    try {
        listing = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error&) {
        throw Error(bad + "is not JSON");
    }
    RepoFiles files;
    if (!listing.is_object() || !listing.contains("sha") || !listing["sha"].is_string() ||
        !is_commit_sha(listing["sha"].get<std::string>()))
        throw Error(bad + "has no commit sha");
    files.commit = listing["sha"].get<std::string>();
    const auto siblings = listing.value("siblings", nlohmann::json::array());
    if (!siblings.is_array())
        throw Error(bad + "has no list of files (\"siblings\")");
    for (const auto& sibling : siblings) {
        if (!sibling.is_object() || !sibling.contains("rfilename") || !sibling["rfilename"].is_string())
            throw Error(bad + "has a file without a name (\"rfilename\")");
        const std::string path = sibling["rfilename"].get<std::string>();
        if (!is_plain_relative_path(path))
            throw Error(bad + "names a file \"" + path + "\", which is not a plain relative path");
        files.files.push_back(path);
    }
    return files;
}

// Every file under a snapshot folder, as paths relative to it.
std::vector<std::string> snapshot_files(const fs::path& snapshot)
{
    std::vector<std::string> files;
    std::error_code error;
    for (fs::recursive_directory_iterator it(snapshot, error), end; !error && it != end; it.increment(error))
        if (fs::is_regular_file(it->path(), error))
            files.push_back(it->path().lexically_relative(snapshot).string());
    return files;
}

std::string patterns_text(const std::vector<std::string>& patterns)
{
    std::string text;
    for (const auto& pattern : patterns)
        text += (text.empty() ? "" : " ") + pattern;
    return text;
}

} // namespace

bool matches_any(const std::string& path, const std::vector<std::string>& patterns)
{
    if (patterns.empty())
        return true;
    for (std::string pattern : patterns) {
        if (!pattern.empty() && pattern.back() == '/')
            pattern += '*';
        if (::fnmatch(pattern.c_str(), path.c_str(), 0) == 0)
            return true;
    }
    return false;
}

HubClient::HubClient(HubSettings settings, RetryPolicy policy)
    : settings_(std::move(settings)), cache_(settings_.cache_dir), http_(settings_, policy)
{
}

std::string HubClient::resolve_url(const HubRepo& repo, const std::string& revision, const std::string& path) const
{
    return settings_.endpoint + (repo.type == RepoType::dataset ? "/datasets/" : "/") + repo.id + "/resolve/" +
           url_escape(revision, false) + '/' + url_escape(path, true);
}

RepoFiles HubClient::list_files(const HubRepo& repo, const std::string& revision, const DownloadCallbacks& callbacks)
{
    check_repo_id(repo);
    const HubRequest request{repo, revision, "", settings_.endpoint, !settings_.token.empty()};
    if (settings_.offline)
        throw Error(describe(repo) + ": the file list needs the Hub, and HF_HUB_OFFLINE is set");
    const std::string url = settings_.endpoint + "/api/" + repo_type_name(repo.type) + "s/" + repo.id + "/revision/" +
                            url_escape(revision, false);
    std::string text;
    const BodySink collect = [&](long, const char* data, size_t size) {
        if (text.size() + size > kMaxListingBytes)
            throw Error(describe(repo) + ": the file list from " + settings_.endpoint + " is too large");
        text.append(data, size);
    };
    HttpResponse response;
    try {
        response = http_.with_retries(
            [&] {
                text.clear();
                return http_.get(url, {}, collect, callbacks.cancel);
            },
            callbacks.cancel, callbacks.notice);
    } catch (const TransferError& error) {
        throw_transfer_failure(error, request);
    }
    if (response.status != 200)
        throw_http_failure(response, request);
    return files_from_listing(text, request);
}

fs::path HubClient::download(const HubRepo& repo, const std::string& revision, const std::vector<std::string>& include,
                             const DownloadCallbacks& callbacks)
{
    check_repo_id(repo);
    if (settings_.offline)
        return offline_snapshot(repo, revision, include);
    const RepoFiles listing = list_files(repo, revision, callbacks);
    if (revision != listing.commit)
        cache_.write_ref(repo, revision, listing.commit);
    std::vector<std::string> chosen;
    std::copy_if(listing.files.begin(), listing.files.end(), std::back_inserter(chosen),
                 [&](const std::string& path) { return matches_any(path, include); });
    if (chosen.empty() && !include.empty())
        throw Error("no file of " + describe(repo) + " at revision " + revision + " matches " + patterns_text(include));
    for (size_t i = 0; i < chosen.size(); ++i)
        fetch_file(repo, listing.commit, chosen[i], i + 1, chosen.size(), callbacks);
    const fs::path snapshot = cache_.snapshot(repo, listing.commit);
    fs::create_directories(snapshot);
    return snapshot;
}

RepoFiles HubClient::cached_files(const HubRepo& repo, const std::string& revision) const
{
    const fs::path snapshot = offline_snapshot(repo, revision, {});
    return {snapshot.filename().string(), snapshot_files(snapshot)};
}

fs::path HubClient::download_files(const HubRepo& repo, const std::string& commit, const std::vector<std::string>& paths,
                                   const DownloadCallbacks& callbacks)
{
    check_repo_id(repo);
    if (!is_commit_sha(commit))
        throw Error(describe(repo) + ": \"" + commit + "\" is not a commit sha");
    for (size_t i = 0; i < paths.size(); ++i) {
        if (!is_plain_relative_path(paths[i]))
            throw Error(describe(repo) + ": \"" + paths[i] + "\" is not a plain relative path of a file");
        if (settings_.offline && !cache_.has_file(repo, commit, paths[i]))
            throw Error(paths[i] + " of " + describe(repo) + " at commit " + commit + " is not in the cache (" +
                        cache_.root().string() + ") and HF_HUB_OFFLINE is set, so the Hub was not asked");
        fetch_file(repo, commit, paths[i], i + 1, paths.size(), callbacks);
    }
    return cache_.snapshot(repo, commit);
}

fs::path HubClient::download_file(const HubRepo& repo, const std::string& revision, const std::string& path,
                                  const DownloadCallbacks& callbacks)
{
    check_repo_id(repo);
    if (!is_plain_relative_path(path))
        throw Error(describe(repo) + ": \"" + path + "\" is not a plain relative path of a file");
    if (settings_.offline) {
        const auto commit = cache_.commit_of(repo, revision);
        if (!commit || !cache_.has_file(repo, *commit, path))
            throw Error(path + " of " + describe(repo) + " at revision " + revision + " is not in the cache (" +
                        cache_.root().string() + ") and HF_HUB_OFFLINE is set, so the Hub was not asked");
        return cache_.snapshot(repo, *commit) / path;
    }
    std::string commit = revision;
    if (!is_commit_sha(revision)) {
        const HubRequest request{repo, revision, path, settings_.endpoint, !settings_.token.empty()};
        HttpResponse head;
        try {
            head = http_.head(resolve_url(repo, revision, path), callbacks.cancel, callbacks.notice);
        } catch (const TransferError& error) {
            throw_transfer_failure(error, request);
        }
        if (head.status >= 400)
            throw_http_failure(head, request);
        commit = head.header("x-repo-commit");
        if (!is_commit_sha(commit))
            throw Error(path + " of " + describe(repo) + ": " + settings_.endpoint + " did not say which commit "
                        "revision " + revision + " is (no X-Repo-Commit)");
        cache_.write_ref(repo, revision, commit);
    }
    fetch_file(repo, commit, path, 1, 1, callbacks);
    return cache_.snapshot(repo, commit) / path;
}

void HubClient::fetch_file(const HubRepo& repo, const std::string& commit, const std::string& path, size_t number,
                           size_t count, const DownloadCallbacks& callbacks)
{
    DownloadProgress progress;
    progress.file = path;
    progress.file_number = number;
    progress.file_count = count;
    const auto report_cached = [&](const fs::path& file) {
        progress.from_cache = true;
        progress.bytes_done = progress.bytes_total = fs::file_size(file);
        if (callbacks.progress)
            callbacks.progress(progress);
    };
    if (cache_.has_file(repo, commit, path))
        return report_cached(cache_.snapshot(repo, commit) / path);
    const HubRequest request{repo, commit, path, settings_.endpoint, !settings_.token.empty()};
    const std::string url = resolve_url(repo, commit, path);
    HttpResponse head;
    try {
        head = http_.head(url, callbacks.cancel, callbacks.notice);
    } catch (const TransferError& error) {
        throw_transfer_failure(error, request);
    }
    if (head.status >= 400)
        throw_http_failure(head, request);
    const FileMetadata metadata = metadata_from(head, url, request);
    const fs::path blob = cache_.blob(repo, metadata.source.etag);
    const FileLock lock(cache_.blob_lock(repo, metadata.source.etag), callbacks.cancel);
    if (fs::exists(blob))
        report_cached(blob); // also when another download finished it while we waited for the lock
    else
        download_blob(http_, cache_,
                      BlobDownload{request, metadata.source, progress, callbacks.progress, callbacks.notice,
                                   callbacks.cancel});
    cache_.link_blob(repo, commit, path, metadata.source.etag);
}

fs::path HubClient::offline_snapshot(const HubRepo& repo, const std::string& revision,
                                     const std::vector<std::string>& include) const
{
    const auto commit = cache_.commit_of(repo, revision);
    const auto not_cached = [&] {
        return Error(describe(repo) + " at revision " + revision + (include.empty() ? "" : " (" + patterns_text(include) + ")") +
                     " is not in the cache (" + cache_.root().string() +
                     ") and HF_HUB_OFFLINE is set, so the Hub was not asked; download it once without HF_HUB_OFFLINE");
    };
    if (!commit || !fs::is_directory(cache_.snapshot(repo, *commit)))
        throw not_cached();
    const fs::path snapshot = cache_.snapshot(repo, *commit);
    const auto files = snapshot_files(snapshot);
    if (!include.empty() &&
        std::none_of(files.begin(), files.end(), [&](const std::string& file) { return matches_any(file, include); }))
        throw not_cached();
    return snapshot;
}

} // namespace i3
