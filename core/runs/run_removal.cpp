// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/run_removal.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "runs/run_info.h"
#include "runs/run_schema.h"

namespace fs = std::filesystem;

namespace i3 {

std::unique_ptr<RunLock> claim_run_for_removal(const fs::path& run_folder)
{
    const fs::path run_file = run_folder / run_files::kRunInfo;
    if (!fs::is_regular_file(run_file))
        throw Error(run_folder.string() + " is not a training run (no run.json); it was not deleted");
    auto lock = std::make_unique<RunLock>(run_folder);
    // An unreadable run.json is no sign of a trainer: such a run may go.
    std::optional<RunStatus> status;
    try {
        status = read_run_info(run_file).status;
    } catch (const Error&) {
    }
    if (status == RunStatus::Training)
        throw Error(run_folder.string() + " says it is training (perhaps on another machine that syncs the folder); "
                                          "stop it first; if no trainer works on it any more, resume it here and stop it (nothing was "
                                          "deleted)");
    return lock;
}

void remove_run(const fs::path& run_folder)
{
    const auto lock = claim_run_for_removal(run_folder);
    remove_tree(run_folder);
}

} // namespace i3
