// SPDX-License-Identifier: GPL-3.0-or-later
// What the user reads when the Hub says no or cannot be reached: each message names the repo, the
// revision or file asked for, and what to do.
#pragma once

#include "hub/http_session.h"
#include "hub/hub_repo.h"

#include <string>

namespace i3 {

// What was being asked for when a request failed.
struct HubRequest {
    HubRepo repo;
    std::string revision;
    std::string file; // empty for the repo's file list
    std::string endpoint;
    bool with_token = false;
};

// Throws i3::Error for an answer that is not a success: 401/403, 404 by its X-Error-Code
// (RepoNotFound, RevisionNotFound, EntryNotFound), 429, 5xx, anything else.
[[noreturn]] void throw_http_failure(const HttpResponse& response, const HubRequest& request);
// Throws i3::Error for a request that got no answer (no network, a connection that kept dropping).
[[noreturn]] void throw_transfer_failure(const TransferError& error, const HubRequest& request);

} // namespace i3
