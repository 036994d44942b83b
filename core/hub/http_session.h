// SPDX-License-Identifier: GPL-3.0-or-later
// One HTTP request at a time over libcurl, reusing the connection. No redirect is followed and no
// credential is added here: the caller decides both for every hop (hub_http.h).
#pragma once

#include "base/cancel_token.h"

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace i3 {

struct HttpResponse {
    long status = 0;
    std::map<std::string, std::string> headers; // names in lower case
    std::string body;                           // of a response not passed to the sink (first 64 KiB)
    std::string redirect_url;                   // a 3xx's Location, made absolute

    std::string header(const std::string& lower_case_name) const;
};

// A failure below HTTP: no connection, a connection lost mid-answer, or something else.
class TransferError : public std::runtime_error {
public:
    enum class Kind { no_connection, dropped, other };
    TransferError(Kind kind, const std::string& message) : std::runtime_error(message), kind(kind) {}
    Kind kind;
};

// Receives a successful (2xx) answer's status and body in pieces; throwing stops the transfer and
// the exception reaches the caller of send().
using BodySink = std::function<void(long status, const char* data, size_t size)>;

class HttpSession {
public:
    HttpSession();
    ~HttpSession();
    HttpSession(const HttpSession&) = delete;
    HttpSession& operator=(const HttpSession&) = delete;

    // "HEAD" or "GET". Throws TransferError, or Cancelled once `cancel` is set.
    HttpResponse send(const std::string& method, const std::string& url, const std::vector<std::string>& headers,
                      const BodySink& sink, const CancelToken* cancel);

private:
    void* curl_;
};

// Whether two absolute URLs have the same scheme, host and port.
bool same_origin(const std::string& a, const std::string& b);
// Percent-encodes every byte but letters, digits and "-._~"; with keep_slashes, '/' stays.
std::string url_escape(const std::string& text, bool keep_slashes);

} // namespace i3
