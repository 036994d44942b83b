// SPDX-License-Identifier: GPL-3.0-or-later
// A repository on the Hugging Face Hub: its kind (model or dataset) and its id ("owner/name").
#pragma once

#include <string>

namespace i3 {

enum class RepoType { model, dataset };

struct HubRepo {
    RepoType type = RepoType::model;
    std::string id; // "owner/name" (or a bare "name" for the Hub's oldest repos)
};

// "model" or "dataset", as the command line and messages spell them.
std::string repo_type_name(RepoType type);
// Reads "model" or "dataset"; throws i3::Error otherwise.
RepoType parse_repo_type(const std::string& name);

// Whether `text` has the shape of a repo id as the Hub accepts it: one or two names of letters,
// digits, '-', '_' and '.', joined by '/', with no "--" or ".." and at most 96 characters.
bool is_repo_id(const std::string& text);
// Throws i3::Error saying what is wrong with `repo`'s id, if anything.
void check_repo_id(const HubRepo& repo);

// "model owner/name" or "dataset owner/name": how messages name a repo.
std::string describe(const HubRepo& repo);

} // namespace i3
