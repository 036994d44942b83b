// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/run_schema.h"

namespace i3 {

namespace {

constexpr RunStatus kStatuses[] = {RunStatus::Created, RunStatus::Training, RunStatus::Stopped, RunStatus::Finished,
                                   RunStatus::Failed};

} // namespace

const char* status_name(RunStatus status)
{
    switch (status) {
    case RunStatus::Created:
        return "created";
    case RunStatus::Training:
        return "training";
    case RunStatus::Stopped:
        return "stopped";
    case RunStatus::Finished:
        return "finished";
    case RunStatus::Failed:
        return "failed";
    }
    return "";
}

std::optional<RunStatus> parse_status(const std::string& name)
{
    for (const RunStatus status : kStatuses)
        if (name == status_name(status))
            return status;
    return std::nullopt;
}

bool is_live(RunStatus status) { return status == RunStatus::Created || status == RunStatus::Training; }

} // namespace i3
