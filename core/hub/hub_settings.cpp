// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/hub_settings.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>

namespace fs = std::filesystem;

namespace i3 {

namespace {

std::string environment(const char* name)
{
    const char* value = std::getenv(name);
    return value ? value : "";
}

// Python's huggingface_hub counts these (in any case) as true.
bool is_true(std::string value)
{
    std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) { return std::toupper(c); });
    return value == "1" || value == "TRUE" || value == "YES" || value == "ON";
}

fs::path hf_home()
{
    if (const std::string home = environment("HF_HOME"); !home.empty())
        return home;
    if (const std::string cache = environment("XDG_CACHE_HOME"); !cache.empty())
        return fs::path(cache) / "huggingface";
    return fs::path(environment("HOME")) / ".cache" / "huggingface";
}

std::string saved_token()
{
    std::ifstream in(hf_home() / "token");
    std::string token;
    std::getline(in, token);
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back())))
        token.pop_back();
    return token;
}

} // namespace

HubSettings hub_settings_from_environment()
{
    HubSettings settings;
    if (std::string endpoint = environment("HF_ENDPOINT"); !endpoint.empty()) {
        while (!endpoint.empty() && endpoint.back() == '/')
            endpoint.pop_back();
        settings.endpoint = endpoint;
    }
    const std::string cache = environment("HF_HUB_CACHE");
    settings.cache_dir = cache.empty() ? hf_home() / "hub" : fs::path(cache);
    settings.offline = is_true(environment("HF_HUB_OFFLINE"));
    settings.token = environment("HF_TOKEN");
    if (settings.token.empty())
        settings.token = saved_token();
    return settings;
}

} // namespace i3
