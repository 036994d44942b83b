// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/hub_errors.h"

#include "base/error.h"

namespace i3 {

namespace {

// "file config.json of model owner/name at revision main", or the repo alone.
std::string subject(const HubRequest& request)
{
    std::string text = request.file.empty() ? describe(request.repo) : request.file + " of " + describe(request.repo);
    if (!request.revision.empty())
        text += " at revision " + request.revision;
    return text;
}

// The Hub's own explanation (X-Error-Message), if it gave one.
std::string hub_says(const HttpResponse& response)
{
    const std::string message = response.header("x-error-message");
    return message.empty() ? "" : " (the Hub says: " + message + ")";
}

std::string not_found(const HttpResponse& response, const HubRequest& request)
{
    const std::string code = response.header("x-error-code");
    const std::string on = " on " + request.endpoint;
    if (code == "RepoNotFound")
        return "there is no " + describe(request.repo) + on + " (check the id" +
               (request.repo.type == RepoType::model ? ", and --repo-type dataset if it is a dataset" : "") +
               "; a private repo needs HF_TOKEN)";
    if (code == "RevisionNotFound")
        return describe(request.repo) + " has no revision \"" + request.revision + "\"" + on;
    if (code == "EntryNotFound")
        return describe(request.repo) + " has no file \"" + request.file + "\" at revision " + request.revision + on;
    return subject(request) + ": not found" + on + " (HTTP 404)";
}

} // namespace

void throw_http_failure(const HttpResponse& response, const HubRequest& request)
{
    const long status = response.status;
    std::string message;
    if (status == 404)
        message = not_found(response, request);
    else if (status == 401 || status == 403)
        message = subject(request) + ": access refused (HTTP " + std::to_string(status) + ") by " + request.endpoint +
                  (request.with_token ? "; the token in HF_TOKEN may not read this repo (is it gated, or private "
                                        "to someone else?)"
                                      : "; the repo is private or gated, or does not exist: set HF_TOKEN to a "
                                        "token that may read it");
    else if (status == 429)
        message = subject(request) + ": " + request.endpoint +
                  " kept answering 'too many requests' (HTTP 429); wait a while and try again";
    else if (status >= 500)
        message = subject(request) + ": " + request.endpoint + " failed (HTTP " + std::to_string(status) +
                  ") again and again; try again later";
    else
        message = subject(request) + ": unexpected answer HTTP " + std::to_string(status) + " from " + request.endpoint;
    throw Error(message + hub_says(response));
}

void throw_transfer_failure(const TransferError& error, const HubRequest& request)
{
    if (error.kind == TransferError::Kind::no_connection)
        throw Error(subject(request) + ": cannot reach " + request.endpoint + " (" + error.what() +
                    "). Is there a network? With HF_HUB_OFFLINE=1 only the cache is used.");
    if (error.kind == TransferError::Kind::dropped)
        throw Error(subject(request) + ": the connection to " + request.endpoint + " kept dropping (" + error.what() +
                    "); run again to resume");
    throw Error(subject(request) + ": request to " + request.endpoint + " failed: " + error.what());
}

} // namespace i3
