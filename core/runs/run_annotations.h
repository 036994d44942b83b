// SPDX-License-Identifier: GPL-3.0-or-later
// What a person adds to a run: a display name (the folder keeps its name, so paths, the CLI and
// other tools are not disturbed) and free-text notes. They live in the run folder's
// annotations.json (run_schema.h), apart from run.json, which the trainer rewrites as it goes.
#pragma once

#include <filesystem>
#include <string>

namespace i3 {

struct RunAnnotations {
    std::string display_name; // empty: the run is shown by its folder's name
    std::string notes;
};

// The longest display name accepted, in bytes.
inline constexpr size_t kMaxDisplayNameBytes = 200;

// The run's annotations; empty when it has none. Throws i3::Error naming annotations.json when
// that file is broken.
RunAnnotations read_run_annotations(const std::filesystem::path& run_folder);
// Replaces annotations.json atomically (synced). Throws i3::Error when `run_folder` is not a run
// folder or the file cannot be written.
void write_run_annotations(const std::filesystem::path& run_folder, const RunAnnotations& annotations);

// `name` as a display name: surrounding white space dropped; throws i3::Error when it holds a line
// break or is longer than kMaxDisplayNameBytes. An empty result means "the folder's name".
std::string checked_display_name(const std::string& name);
// Sets the display name (checked_display_name), keeping the notes.
void rename_run(const std::filesystem::path& run_folder, const std::string& name);
// Sets the notes, keeping the display name.
void set_run_notes(const std::filesystem::path& run_folder, const std::string& notes);

} // namespace i3
