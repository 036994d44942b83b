// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_hub.h"

#include "base/host_memory.h"
#include "cli_interrupt.h"
#include "hub/hub_settings.h"

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace i3::cli {

namespace {

std::string progress_line(const DownloadProgress& progress)
{
    std::string line = "[" + std::to_string(progress.file_number) + "/" + std::to_string(progress.file_count) + "] " +
                       progress.file + "  ";
    if (progress.from_cache)
        return line + bytes_text(static_cast<double>(progress.bytes_done)) + ", in the cache";
    line += bytes_text(static_cast<double>(progress.bytes_done));
    if (progress.bytes_total > 0)
        line += " of " + bytes_text(static_cast<double>(progress.bytes_total));
    if (progress.bytes_total > 0 && progress.bytes_done >= progress.bytes_total)
        return line + ", done";
    if (progress.bytes_per_second > 0)
        line += "  " + bytes_text(progress.bytes_per_second) + "/s";
    if (progress.seconds_left >= 0)
        line += "  " + std::to_string(static_cast<long long>(progress.seconds_left + 0.5)) + " s left";
    return line;
}

// On a terminal the line is redrawn in place; elsewhere only a file's last line is written.
void print_progress(const DownloadProgress& progress)
{
    static const bool terminal = ::isatty(STDERR_FILENO) != 0;
    const bool finished = progress.from_cache || (progress.bytes_total > 0 && progress.bytes_done >= progress.bytes_total);
    if (terminal)
        std::cerr << '\r' << progress_line(progress) << "\033[K" << (finished ? "\n" : "") << std::flush;
    else if (finished)
        std::cerr << progress_line(progress) << std::endl;
}

} // namespace

DownloadCallbacks progress_on_stderr(const CancelToken& cancel)
{
    DownloadCallbacks callbacks;
    callbacks.progress = print_progress;
    callbacks.notice = [](const std::string& notice) { std::cerr << "note: " << notice << std::endl; };
    callbacks.cancel = &cancel;
    return callbacks;
}

Option model_option()
{
    return {"model", "DIR|REPO",
            "model folder (config.json, model.safetensors or pytorch_model.bin, tokenizer.json), or a Hub\n"
            "model repo id (owner/name) fetched through the Hugging Face cache\n"
            "(HF_HUB_CACHE, HF_ENDPOINT, HF_TOKEN and HF_HUB_OFFLINE as for Python's huggingface_hub)"};
}

Option model_dir_option() { return {"model-dir", "DIR|REPO", "the same as --model (the reference's name for it)"}; }

fs::path model_folder(const Arguments& args)
{
    if (args.has("model") && args.has("model-dir"))
        throw UsageError("give --model or --model-dir, not both");
    const auto named = args.has("model") ? args.get("model") : args.get("model-dir");
    if (!named)
        throw UsageError("--model is required (a model folder or a Hub repo id)");
    const InterruptScope interrupt;
    return model_folder_or_repo(*named, interrupt.token());
}

fs::path model_folder_or_repo(const std::string& named, const CancelToken& cancel)
{
    std::error_code error;
    if (fs::exists(named, error) || !is_repo_id(named) || named.find('/') == std::string::npos)
        return named; // a folder, or a name only a folder could have: loading says what is wrong
    HubClient hub(hub_settings_from_environment());
    std::cerr << named << " is not a folder here: looking for the Hub model in " << hub.cache().root().string()
              << std::endl;
    return hub.download({RepoType::model, named}, "main", {}, progress_on_stderr(cancel));
}

} // namespace i3::cli
