// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/http_session.h"

#include "base/error.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <memory>
#include <mutex>

namespace i3 {

namespace {

constexpr size_t kMaxKeptBody = 64 * 1024;
constexpr long kConnectSeconds = 20;
// A connection that moves fewer than kStalledBytes a second for kStalledSeconds counts as dropped.
constexpr long kStalledBytes = 1;
constexpr long kStalledSeconds = 60;

CURL* handle(void* curl) { return static_cast<CURL*>(curl); }

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return "";
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// What a transfer in progress needs inside libcurl's callbacks, which must not throw.
struct Transfer {
    CURL* curl;
    const BodySink* sink;
    const CancelToken* cancel;
    HttpResponse response;
    std::exception_ptr failure;
};

size_t on_header(char* data, size_t size, size_t count, void* user)
{
    auto& transfer = *static_cast<Transfer*>(user);
    const std::string line(data, size * count);
    if (line.rfind("HTTP/", 0) == 0) {
        transfer.response.headers.clear(); // an interim answer (100 Continue) came first
        return size * count;
    }
    if (const auto colon = line.find(':'); colon != std::string::npos)
        transfer.response.headers[lower(trimmed(line.substr(0, colon)))] = trimmed(line.substr(colon + 1));
    return size * count;
}

size_t on_body(char* data, size_t size, size_t count, void* user)
{
    auto& transfer = *static_cast<Transfer*>(user);
    const size_t bytes = size * count;
    long status = 0;
    curl_easy_getinfo(transfer.curl, CURLINFO_RESPONSE_CODE, &status);
    if (status < 200 || status >= 300 || !transfer.sink || !*transfer.sink) {
        auto& body = transfer.response.body;
        body.append(data, std::min(bytes, kMaxKeptBody - std::min(kMaxKeptBody, body.size())));
        return bytes;
    }
    try {
        (*transfer.sink)(status, data, bytes);
        if (transfer.cancel && transfer.cancel->cancelled())
            throw Cancelled();
    } catch (...) {
        transfer.failure = std::current_exception();
        return 0; // stops the transfer
    }
    return bytes;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto& transfer = *static_cast<Transfer*>(user);
    return transfer.cancel && transfer.cancel->cancelled() ? 1 : 0;
}

TransferError transfer_error(CURLcode code, const char* detail)
{
    const std::string message = detail[0] ? detail : curl_easy_strerror(code);
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
        return TransferError(TransferError::Kind::no_connection, message);
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return TransferError(TransferError::Kind::dropped, message);
    default:
        return TransferError(TransferError::Kind::other, message);
    }
}

struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct UrlDeleter {
    void operator()(CURLU* url) const { curl_url_cleanup(url); }
};

std::string url_part(CURLU* url, CURLUPart part)
{
    char* value = nullptr;
    const unsigned flags = part == CURLUPART_PORT ? CURLU_DEFAULT_PORT : 0;
    if (curl_url_get(url, part, &value, flags) != CURLUE_OK)
        return "";
    std::string text = value;
    curl_free(value);
    return part == CURLUPART_PORT ? text : lower(text);
}

} // namespace

std::string HttpResponse::header(const std::string& lower_case_name) const
{
    const auto found = headers.find(lower_case_name);
    return found == headers.end() ? "" : found->second;
}

HttpSession::HttpSession()
{
    static std::once_flag initialised;
    std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    curl_ = curl_easy_init();
    if (!curl_)
        throw Error("libcurl could not start");
}

HttpSession::~HttpSession() { curl_easy_cleanup(handle(curl_)); }

HttpResponse HttpSession::send(const std::string& method, const std::string& url,
                               const std::vector<std::string>& headers, const BodySink& sink,
                               const CancelToken* cancel)
{
    CURL* curl = handle(curl_);
    curl_easy_reset(curl);
    Transfer transfer{curl, &sink, cancel, {}, nullptr};
    std::unique_ptr<curl_slist, SlistDeleter> header_list;
    for (const auto& header : headers)
        header_list.reset(curl_slist_append(header_list.release(), header.c_str()));
    char detail[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOBODY, method == "HEAD" ? 1L : 0L);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list.get());
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "i3-studio");
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, kConnectSeconds);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, kStalledBytes);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, kStalledSeconds);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    const CURLcode code = curl_easy_perform(curl);
    if (transfer.failure)
        std::rethrow_exception(transfer.failure);
    if (code == CURLE_ABORTED_BY_CALLBACK)
        throw Cancelled();
    if (code != CURLE_OK)
        throw transfer_error(code, detail);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &transfer.response.status);
    char* redirect = nullptr;
    if (curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &redirect) == CURLE_OK && redirect)
        transfer.response.redirect_url = redirect;
    return transfer.response;
}

bool same_origin(const std::string& a, const std::string& b)
{
    std::unique_ptr<CURLU, UrlDeleter> first(curl_url()), second(curl_url());
    if (curl_url_set(first.get(), CURLUPART_URL, a.c_str(), 0) != CURLUE_OK ||
        curl_url_set(second.get(), CURLUPART_URL, b.c_str(), 0) != CURLUE_OK)
        return false;
    for (const CURLUPart part : {CURLUPART_SCHEME, CURLUPART_HOST, CURLUPART_PORT})
        if (url_part(first.get(), part) != url_part(second.get(), part))
            return false;
    return true;
}

std::string url_escape(const std::string& text, bool keep_slashes)
{
    static const char kHex[] = "0123456789ABCDEF";
    std::string escaped;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || (keep_slashes && c == '/')) {
            escaped += static_cast<char>(c);
        } else {
            escaped += '%';
            escaped += kHex[c >> 4];
            escaped += kHex[c & 15];
        }
    }
    return escaped;
}

} // namespace i3
