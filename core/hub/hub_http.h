// SPDX-License-Identifier: GPL-3.0-or-later
// Requests to the Hub as huggingface_hub makes them: the token goes only to the endpoint's own
// host (never to the host a redirect leads to), redirects are followed hop by hop, and a busy or
// failing server (429, 5xx) or a dropped connection is tried again with growing pauses.
#pragma once

#include "base/cancel_token.h"
#include "hub/http_session.h"
#include "hub/hub_settings.h"

#include <functional>
#include <string>
#include <vector>

namespace i3 {

// Told when a request is tried again, and why ("HTTP 429; trying again in 1 s").
using NoticeCallback = std::function<void(const std::string& notice)>;

// How often and how patiently requests are tried again.
struct RetryPolicy {
    int attempts = 5;                 // in all, the first included
    double first_pause_seconds = 0.5; // doubled after each failure
    double longest_pause_seconds = 8;
    double longest_retry_after_seconds = 30; // a server's Retry-After is honoured up to this
};

class HubHttp {
public:
    HubHttp(const HubSettings& settings, RetryPolicy policy = {});

    // HEAD of a file's resolve URL: follows redirects within the endpoint (a renamed repo) and
    // stops at one to another host (where an LFS file's bytes live), whose answer carries the
    // file's metadata.
    HttpResponse head(const std::string& url, const CancelToken* cancel, const NoticeCallback& notice);
    // GET, following every redirect. `headers` go to every hop; the sink gets a 2xx body.
    HttpResponse get(const std::string& url, const std::vector<std::string>& headers, const BodySink& sink,
                     const CancelToken* cancel);

    // Runs `attempt` until it answers neither 429 nor 5xx and its connection was not dropped, at
    // most policy.attempts times, pausing between tries (cancellable); returns the last answer.
    // A TransferError of the last try, or one that is not a dropped connection, is thrown.
    HttpResponse with_retries(const std::function<HttpResponse()>& attempt, const CancelToken* cancel,
                              const NoticeCallback& notice);

    const std::string& endpoint() const { return endpoint_; }

private:
    std::vector<std::string> headers_for(const std::string& url, std::vector<std::string> headers) const;

    HttpSession session_;
    std::string endpoint_;
    std::string token_;
    RetryPolicy policy_;
};

// Whether an HTTP status says "try again later": 429 or 5xx.
bool is_retryable_status(long status);

} // namespace i3
