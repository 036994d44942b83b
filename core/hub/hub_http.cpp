// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/hub_http.h"

#include "base/error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>

namespace i3 {

namespace {

constexpr int kMaxRedirects = 10;

bool is_redirect(long status) { return status >= 300 && status < 400; }

// Retry-After in seconds; a date or nothing gives -1.
double retry_after_seconds(const HttpResponse& response)
{
    const std::string value = response.header("retry-after");
    if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos)
        return -1;
    return std::stod(value);
}

void pause(double seconds, const CancelToken* cancel)
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < until) {
        if (cancel && cancel->cancelled())
            throw Cancelled();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

std::string seconds_text(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", seconds);
    return text;
}

} // namespace

bool is_retryable_status(long status) { return status == 429 || status >= 500; }

HubHttp::HubHttp(const HubSettings& settings, RetryPolicy policy)
    : endpoint_(settings.endpoint), token_(settings.token), policy_(policy)
{
}

std::vector<std::string> HubHttp::headers_for(const std::string& url, std::vector<std::string> headers) const
{
    if (!token_.empty() && same_origin(url, endpoint_))
        headers.push_back("Authorization: Bearer " + token_);
    return headers;
}

HttpResponse HubHttp::head(const std::string& url, const CancelToken* cancel, const NoticeCallback& notice)
{
    std::string hop = url;
    for (int redirects = 0;; ++redirects) {
        HttpResponse response = with_retries(
            [&] { return session_.send("HEAD", hop, headers_for(hop, {"Accept-Encoding: identity"}), {}, cancel); },
            cancel, notice);
        if (!is_redirect(response.status) || response.redirect_url.empty() ||
            !same_origin(response.redirect_url, endpoint_) || redirects == kMaxRedirects)
            return response;
        hop = response.redirect_url;
    }
}

HttpResponse HubHttp::get(const std::string& url, const std::vector<std::string>& headers, const BodySink& sink,
                          const CancelToken* cancel)
{
    std::string hop = url;
    for (int redirects = 0;; ++redirects) {
        HttpResponse response = session_.send("GET", hop, headers_for(hop, headers), sink, cancel);
        if (!is_redirect(response.status) || response.redirect_url.empty())
            return response;
        if (redirects == kMaxRedirects)
            throw TransferError(TransferError::Kind::other, "more than " + std::to_string(kMaxRedirects) +
                                                                " redirects from " + url);
        hop = response.redirect_url;
    }
}

HttpResponse HubHttp::with_retries(const std::function<HttpResponse()>& attempt, const CancelToken* cancel,
                                   const NoticeCallback& notice)
{
    double pause_seconds = policy_.first_pause_seconds;
    for (int tried = 1;; ++tried) {
        std::string reason;
        double wait = pause_seconds;
        try {
            HttpResponse response = attempt();
            if (!is_retryable_status(response.status) || tried >= policy_.attempts)
                return response;
            reason = "HTTP " + std::to_string(response.status);
            if (const double asked = retry_after_seconds(response); asked >= 0)
                wait = std::min(asked, policy_.longest_retry_after_seconds);
        } catch (const TransferError& error) {
            if (error.kind != TransferError::Kind::dropped || tried >= policy_.attempts)
                throw;
            reason = std::string("connection dropped (") + error.what() + ")";
        }
        if (notice)
            notice(reason + "; trying again in " + seconds_text(wait) + " (attempt " + std::to_string(tried + 1) +
                   " of " + std::to_string(policy_.attempts) + ")");
        pause(wait, cancel);
        pause_seconds = std::min(pause_seconds * 2, policy_.longest_pause_seconds);
    }
}

} // namespace i3
