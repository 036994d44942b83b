// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/saved_checkpoints.h"

#include "training/trainer.h"

#include <algorithm>
#include <optional>

namespace fs = std::filesystem;

namespace i3 {

namespace {

std::optional<SavedCheckpoint> read_checkpoint(const fs::path& folder)
{
    try {
        return SavedCheckpoint{folder, checkpoint_step(folder), false, false};
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<fs::path> latest_of(const RunFolder& run)
{
    try {
        return run.latest_checkpoint();
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace

std::vector<SavedCheckpoint> saved_checkpoints(const RunFolder& run)
{
    std::vector<SavedCheckpoint> found;
    const auto steps = run.step_checkpoints();
    for (auto folder = steps.rbegin(); folder != steps.rend(); ++folder)
        if (auto checkpoint = read_checkpoint(*folder))
            found.push_back(*checkpoint);
    if (fs::is_directory(run.best_checkpoint_dir()))
        if (auto best = read_checkpoint(run.best_checkpoint_dir())) {
            best->best = true;
            found.insert(found.begin(), *best);
        }
    if (const auto latest = latest_of(run)) {
        const auto named = std::find_if(found.begin(), found.end(), [&](const SavedCheckpoint& checkpoint) {
            return checkpoint.folder.filename() == latest->filename();
        });
        if (named != found.end()) {
            named->latest = true;
            std::rotate(found.begin(), named, named + 1);
        }
    }
    return found;
}

} // namespace i3
