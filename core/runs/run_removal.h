// SPDX-License-Identifier: GPL-3.0-or-later
// Deleting a run safely: never one a trainer is writing (its lock is held, in this process or
// another), nor one whose run.json says it is training (a trainer on another machine syncing the
// folder holds no lock here), nor a folder that is not a run.
#pragma once

#include "runs/run_lock.h"

#include <filesystem>
#include <memory>

namespace i3 {

// Takes the run's lock, so that no trainer can start in it while it goes, after checking that it
// may go; throws i3::Error saying why not. Keep the lock while the folder is removed (or moved
// to the trash).
std::unique_ptr<RunLock> claim_run_for_removal(const std::filesystem::path& run_folder);

// Claims the run (as above) and removes its folder for good.
void remove_run(const std::filesystem::path& run_folder);

} // namespace i3
