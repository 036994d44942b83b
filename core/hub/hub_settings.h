// SPDX-License-Identifier: GPL-3.0-or-later
// Where the Hub is, where its cache lies, whether to go online and with which token: read from the
// same environment variables as Python's huggingface_hub, so both tools share one cache.
#pragma once

#include <filesystem>
#include <string>

namespace i3 {

struct HubSettings {
    std::string endpoint = "https://huggingface.co"; // no trailing '/'
    std::filesystem::path cache_dir;                   // holds models--owner--name/ and datasets--owner--name/
    bool offline = false;                              // answer from the cache only, making no request
    // Sent as "Authorization: Bearer" to the endpoint's own host and nowhere else; never printed,
    // logged or written anywhere.
    std::string token;
};

// HF_ENDPOINT; HF_HUB_CACHE, else $HF_HOME/hub, else $XDG_CACHE_HOME/huggingface/hub, else
// ~/.cache/huggingface/hub; HF_HUB_OFFLINE (1, true, yes or on); HF_TOKEN, else the token that
// `huggingface-cli login` saved in $HF_HOME/token.
HubSettings hub_settings_from_environment();

} // namespace i3
