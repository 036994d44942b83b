// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/run_snapshot.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "runs/run_folder.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <thread>

namespace fs = std::filesystem;

namespace i3 {

namespace {

// The trainer replaces checkpoints/best by renaming folders, and a resumed run may move
// checkpoints/latest on: a copy that loses its source is tried again this many times.
constexpr int kAttempts = 5;

// Copies `from` to `to` under a temporary name, so `to` is never half-written.
void copy_atomically(const fs::path& from, const fs::path& to)
{
    write_atomically(to, [&](const fs::path& temporary) {
        std::error_code error;
        fs::copy_file(from, temporary, fs::copy_options::overwrite_existing, error);
        if (error)
            throw fs::filesystem_error("cannot copy", from, temporary, error);
    });
}

// The folder of the chosen checkpoint as it is now; empty when the run has none yet. Throws
// i3::Error when checkpoints/latest names a folder that is not there (it may be being replaced).
std::optional<fs::path> checkpoint_folder(const RunFolder& run, RunCheckpoint which)
{
    if (which == RunCheckpoint::Latest)
        return run.latest_checkpoint();
    const fs::path best = run.best_checkpoint_dir();
    // While the trainer swaps in a new best, only best.partial or best.previous may be there.
    const bool being_replaced = fs::exists(best.string() + ".partial") || fs::exists(best.string() + ".previous");
    if (fs::is_directory(best) || being_replaced)
        return best;
    return std::nullopt;
}

std::string no_checkpoint_message(const fs::path& run_folder, RunCheckpoint which)
{
    if (which == RunCheckpoint::Best)
        return run_folder.string() + " has no best checkpoint yet (it is written at the first evaluation)";
    return run_folder.string() + " has no checkpoint yet (the first one is written after checkpoint_every steps)";
}

bool is_inside(const fs::path& inner, const fs::path& outer)
{
    const fs::path a = fs::weakly_canonical(inner), b = fs::weakly_canonical(outer);
    auto mismatch = std::mismatch(b.begin(), b.end(), a.begin(), a.end());
    return mismatch.first == b.end();
}

// Makes `folder` exist and hold nothing, refusing to wipe the run itself.
void prepare_empty_folder(const fs::path& folder, const fs::path& run_folder)
{
    if (is_inside(run_folder, folder))
        throw Error("the snapshot folder " + folder.string() + " would hold the run " + run_folder.string() +
                    "; choose another folder");
    fs::create_directories(folder);
    for (const auto& entry : fs::directory_iterator(folder))
        remove_tree(entry.path());
}

// Where the checkpoint to copy is now; empty when it is not there. May throw i3::Error for a
// state that can change (a latest pointer naming a folder being replaced): then it is asked again.
using CheckpointLocator = std::function<std::optional<fs::path>()>;

fs::path snapshot_with(const fs::path& run_folder, const fs::path& snapshot_folder, const CheckpointLocator& locate,
                       const std::string& missing)
{
    const RunFolder run(run_folder);
    try {
        prepare_empty_folder(snapshot_folder, run_folder);
        copy_atomically(run.model_config_file(), snapshot_folder / run_files::kModelConfig);
        copy_atomically(run.tokenizer_file(), snapshot_folder / run_files::kTokenizer);
    } catch (const fs::filesystem_error& error) {
        throw Error("cannot make a snapshot of " + run_folder.string() + " in " + snapshot_folder.string() + ": " +
                    error.code().message());
    }

    std::string last_problem;
    for (int attempt = 1; attempt <= kAttempts; ++attempt) {
        if (attempt > 1)
            std::this_thread::sleep_for(std::chrono::milliseconds(100 * attempt));
        std::optional<fs::path> folder;
        try {
            folder = locate();
        } catch (const Error& error) {
            last_problem = error.what();
            continue;
        }
        if (!folder)
            throw Error(missing);
        try {
            for (const char* file : {run_files::kCheckpointWeights, run_files::kCheckpointTrainerState})
                copy_atomically(*folder / file, snapshot_folder / file);
            return snapshot_folder;
        } catch (const fs::filesystem_error& error) {
            last_problem = error.path1().string() + ": " + error.code().message();
        }
    }
    throw Error("cannot copy the checkpoint of " + run_folder.string() + " (" + last_problem + ")");
}

void check_complete(const RunFolder& run)
{
    for (const fs::path& file : {run.run_file(), run.model_config_file(), run.tokenizer_file()})
        if (!fs::is_regular_file(file))
            throw Error(run.root().string() + " is not a complete training run (" + file.filename().string() +
                        " is missing)");
}

} // namespace

fs::path snapshot_run_checkpoint(const fs::path& run_folder, const fs::path& snapshot_folder, RunCheckpoint which)
{
    const RunFolder run(run_folder);
    check_complete(run);
    const bool has_checkpoint = which == RunCheckpoint::Latest ? fs::exists(run.checkpoints_dir() / run_files::kLatestPointer)
                                                               : checkpoint_folder(run, which).has_value();
    const std::string missing = no_checkpoint_message(run_folder, which);
    if (!has_checkpoint)
        throw Error(missing);
    return snapshot_with(run_folder, snapshot_folder, [&] { return checkpoint_folder(run, which); }, missing);
}

fs::path snapshot_run_checkpoint(const fs::path& run_folder, const fs::path& snapshot_folder, const fs::path& checkpoint)
{
    const RunFolder run(run_folder);
    check_complete(run);
    if (checkpoint.filename() == run.best_checkpoint_dir().filename())
        return snapshot_run_checkpoint(run_folder, snapshot_folder, RunCheckpoint::Best);
    const fs::path folder = run.checkpoints_dir() / checkpoint.filename();
    return snapshot_with(run_folder, snapshot_folder,
                         [&]() -> std::optional<fs::path> {
                             if (fs::is_directory(folder))
                                 return folder;
                             return std::nullopt;
                         },
                         folder.string() + " is not there (the trainer keeps only its newest checkpoints)");
}

} // namespace i3
