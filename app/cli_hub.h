// SPDX-License-Identifier: GPL-3.0-or-later
// The Hugging Face Hub from the command line: download progress on stderr, Ctrl-C as a clean
// stop, and --model naming either a model folder or a Hub repo.
#pragma once

#include "cli_args.h"
#include "hub/hub_client.h"

#include <filesystem>

namespace i3::cli {

// Progress and notices on stderr (one updating line on a terminal, a line per file otherwise);
// the download stops once `cancel` is set.
DownloadCallbacks progress_on_stderr(const CancelToken& cancel);

// The model folder `named` is: a folder that exists, or else a Hub model repo id ("owner/name"),
// downloaded into the Hugging Face cache unless it is there already (HF_HUB_OFFLINE=1: only the
// cache is looked at). The download stops once `cancel` is set.
std::filesystem::path model_folder_or_repo(const std::string& named, const CancelToken& cancel);
// The model folder that --model (or its other name, --model-dir) names, as above; Ctrl-C stops it.
std::filesystem::path model_folder(const Arguments& args);

// The two options model_folder reads, for a command's option list.
Option model_option();
Option model_dir_option();

} // namespace i3::cli
