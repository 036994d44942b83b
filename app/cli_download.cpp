// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_args.h"
#include "cli_commands.h"
#include "cli_hub.h"
#include "cli_interrupt.h"
#include "base/error.h"
#include "hub/hub_settings.h"

#include <iostream>

namespace i3::cli {

namespace {

const Command kDownload{
    "download",
    "REPO [--revision R] [--repo-type model|dataset] [--include GLOB...]",
    "Downloads a Hugging Face Hub repo's files into the Hugging Face cache, shared with Python's\n"
    "huggingface_hub, and prints the snapshot folder that holds them as the last line of stdout;\n"
    "progress goes to stderr. Files already in the cache are not downloaded again, and an\n"
    "interrupted download resumes where it stopped.",
    {
        {"revision", "R", "branch, tag or commit sha (default main)"},
        {"repo-type", "TYPE", "model or dataset (default model)"},
        {"include", "GLOB", "only the files matching one of these patterns ('*' crosses '/'; a trailing '/'\n"
                            "means a whole folder)", true},
    },
    "environment:\n"
    "  HF_ENDPOINT     the Hub (default https://huggingface.co)\n"
    "  HF_HUB_CACHE    the cache (default $HF_HOME/hub, or ~/.cache/huggingface/hub)\n"
    "  HF_TOKEN        a token for private or gated repos (default: the one huggingface-cli login saved)\n"
    "  HF_HUB_OFFLINE  1: answer from the cache only, with no request\n\n"
    "examples:\n  i3lm download FlameF0X/i3-80m\n"
    "  i3lm download roneneldan/TinyStories --repo-type dataset --include 'data/train-*'"};

} // namespace

int download(const Args& raw)
{
    const Arguments args = parse(kDownload, raw);
    if (args.help) {
        std::cout << help_text(kDownload);
        return 0;
    }
    if (args.positionals.size() != 1)
        throw UsageError(args.positionals.empty() ? "name the repo to download (owner/name)"
                                                  : "give one repo, not " + std::to_string(args.positionals.size()));
    HubRepo repo{RepoType::model, args.positionals.front()};
    try {
        repo.type = parse_repo_type(args.get("repo-type", "model"));
        check_repo_id(repo);
    } catch (const Error& error) {
        throw UsageError(error.what());
    }
    const std::string revision = args.get("revision", "main");
    if (revision.empty())
        throw UsageError("--revision cannot be empty");
    const InterruptScope interrupt;
    HubClient hub(hub_settings_from_environment());
    try {
        const auto snapshot = hub.download(repo, revision, args.all("include"), progress_on_stderr(interrupt.token()));
        std::cout << snapshot.string() << std::endl;
    } catch (const Cancelled&) {
        std::cerr << kProgram << " download: stopped; run the same command again to resume\n";
        return interrupt.exit_code();
    }
    return 0;
}

} // namespace i3::cli
