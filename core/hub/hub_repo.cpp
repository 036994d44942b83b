// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/hub_repo.h"

#include "base/error.h"

#include <algorithm>

namespace i3 {

namespace {

constexpr size_t kMaxRepoIdLength = 96;

bool is_name(const std::string& part)
{
    const auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.';
    };
    return !part.empty() && std::all_of(part.begin(), part.end(), allowed) && part.front() != '-' &&
           part.front() != '.' && part.back() != '-' && part.back() != '.';
}

} // namespace

std::string repo_type_name(RepoType type) { return type == RepoType::dataset ? "dataset" : "model"; }

RepoType parse_repo_type(const std::string& name)
{
    if (name == "model")
        return RepoType::model;
    if (name == "dataset")
        return RepoType::dataset;
    throw Error("unknown repo type \"" + name + "\" (model or dataset)");
}

bool is_repo_id(const std::string& text)
{
    if (text.size() > kMaxRepoIdLength || text.find("--") != std::string::npos || text.find("..") != std::string::npos)
        return false;
    const auto slash = text.find('/');
    if (slash == std::string::npos)
        return is_name(text);
    return is_name(text.substr(0, slash)) && is_name(text.substr(slash + 1));
}

void check_repo_id(const HubRepo& repo)
{
    if (!is_repo_id(repo.id))
        throw Error("\"" + repo.id + "\" is not a Hub repo id (owner/name: letters, digits, '-', '_', '.'; at most " +
                    std::to_string(kMaxRepoIdLength) + " characters, no \"--\" or \"..\")");
}

std::string describe(const HubRepo& repo) { return repo_type_name(repo.type) + ' ' + repo.id; }

} // namespace i3
