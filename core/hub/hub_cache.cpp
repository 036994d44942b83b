// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/hub_cache.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "hub/durable_file.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <random>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace i3 {

namespace {

// huggingface_hub's folder name: "models--" or "datasets--", then the id with '/' as "--".
std::string folder_name(const HubRepo& repo)
{
    std::string name = repo_type_name(repo.type) + "s";
    for (const char c : "--" + repo.id) {
        if (c == '/')
            name += "--";
        else
            name += c;
    }
    return name;
}

std::string unique_suffix()
{
    std::random_device entropy;
    std::ostringstream suffix;
    suffix << ".link" << std::hex << entropy();
    return suffix.str();
}

} // namespace

fs::path HubCache::repo_folder(const HubRepo& repo) const { return root_ / folder_name(repo); }

fs::path HubCache::blob(const HubRepo& repo, const std::string& etag) const
{
    return repo_folder(repo) / "blobs" / etag;
}

fs::path HubCache::incomplete_blob(const HubRepo& repo, const std::string& etag) const
{
    return repo_folder(repo) / "blobs" / (etag + ".incomplete");
}

fs::path HubCache::blob_lock(const HubRepo& repo, const std::string& etag) const
{
    return root_ / ".locks" / folder_name(repo) / (etag + ".lock");
}

fs::path HubCache::snapshot(const HubRepo& repo, const std::string& commit) const
{
    return repo_folder(repo) / "snapshots" / commit;
}

std::optional<std::string> HubCache::commit_of(const HubRepo& repo, const std::string& revision) const
{
    std::error_code error;
    if (is_commit_sha(revision) && fs::is_directory(snapshot(repo, revision), error))
        return revision;
    const fs::path ref = repo_folder(repo) / "refs" / revision;
    if (!is_plain_relative_path(revision) || !fs::is_regular_file(ref, error))
        return std::nullopt;
    std::string commit = read_file(ref);
    while (!commit.empty() && std::isspace(static_cast<unsigned char>(commit.back())))
        commit.pop_back();
    if (!is_commit_sha(commit))
        throw Error(ref.string() + " does not hold a commit sha");
    return commit;
}

void HubCache::write_ref(const HubRepo& repo, const std::string& revision, const std::string& commit) const
{
    if (!is_plain_relative_path(revision))
        throw Error(describe(repo) + ": \"" + revision + "\" cannot name a file under refs/");
    write_file_atomically(repo_folder(repo) / "refs" / revision, commit);
}

bool HubCache::has_file(const HubRepo& repo, const std::string& commit, const std::string& path) const
{
    std::error_code error;
    return fs::is_regular_file(snapshot(repo, commit) / path, error); // follows the link to its blob
}

void HubCache::link_blob(const HubRepo& repo, const std::string& commit, const std::string& path,
                         const std::string& etag) const
{
    const fs::path entry = snapshot(repo, commit) / path;
    fs::create_directories(entry.parent_path());
    const fs::path target = blob(repo, etag).lexically_relative(entry.parent_path());
    const fs::path temporary = entry.parent_path() / ("." + entry.filename().string() + unique_suffix());
    if (::symlink(target.c_str(), temporary.c_str()) != 0)
        throw Error("cannot make the link " + temporary.string() + ": " + std::strerror(errno));
    if (::rename(temporary.c_str(), entry.c_str()) != 0) {
        const int reason = errno;
        ::unlink(temporary.c_str());
        throw Error("cannot place " + entry.string() + ": " + std::strerror(reason));
    }
    sync_to_disk(entry.parent_path());
}

std::optional<HubRepo> repo_of_snapshot(const fs::path& folder)
{
    const fs::path normal = folder.lexically_normal();
    const fs::path commit = normal.filename().empty() ? normal.parent_path() : normal;
    if (!is_commit_sha(commit.filename().string()) || commit.parent_path().filename() != "snapshots")
        return std::nullopt;
    const std::string name = commit.parent_path().parent_path().filename().string();
    for (const RepoType type : {RepoType::model, RepoType::dataset}) {
        const std::string prefix = folder_name({type, ""});
        if (name.compare(0, prefix.size(), prefix) != 0)
            continue;
        std::string id = name.substr(prefix.size());
        if (const size_t separator = id.find("--"); separator != std::string::npos)
            id.replace(separator, 2, "/");
        if (is_repo_id(id))
            return HubRepo{type, id};
    }
    return std::nullopt;
}

bool is_commit_sha(const std::string& text)
{
    return text.size() == 40 &&
           std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool is_plain_relative_path(const std::string& path)
{
    const fs::path relative(path);
    bool plain = !path.empty() && relative.is_relative() && path.back() != '/' && path.find('\0') == std::string::npos;
    for (const auto& part : relative)
        plain = plain && !part.empty() && part != "." && part != "..";
    return plain;
}

} // namespace i3
