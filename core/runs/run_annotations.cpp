// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/run_annotations.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/json_file.h"
#include "runs/run_schema.h"

namespace fs = std::filesystem;

namespace i3 {

namespace {

fs::path annotations_file(const fs::path& run_folder) { return run_folder / run_files::kAnnotations; }

std::string text_at(const nlohmann::json& json, const char* key, const fs::path& file)
{
    const auto found = json.find(key);
    if (found == json.end())
        return {};
    if (!found->is_string())
        throw Error(file.string() + ": \"" + key + "\" must be a string, not " + found->type_name());
    return found->get<std::string>();
}

} // namespace

RunAnnotations read_run_annotations(const fs::path& run_folder)
{
    const fs::path file = annotations_file(run_folder);
    if (!fs::exists(file))
        return {};
    const nlohmann::json json = read_json_file(file);
    if (!json.is_object())
        throw Error(file.string() + ": not a JSON object");
    return {text_at(json, annotation_keys::kDisplayName, file), text_at(json, annotation_keys::kNotes, file)};
}

void write_run_annotations(const fs::path& run_folder, const RunAnnotations& annotations)
{
    if (!fs::is_regular_file(run_folder / run_files::kRunInfo))
        throw Error(run_folder.string() + " is not a training run (no run.json)");
    nlohmann::json json = nlohmann::json::object();
    if (!annotations.display_name.empty())
        json[annotation_keys::kDisplayName] = annotations.display_name;
    if (!annotations.notes.empty())
        json[annotation_keys::kNotes] = annotations.notes;
    write_file_atomically(annotations_file(run_folder), json.dump(2) + "\n");
}

std::string checked_display_name(const std::string& name)
{
    const char* const space = " \t";
    const size_t begin = name.find_first_not_of(space);
    if (begin == std::string::npos)
        return {};
    const std::string trimmed = name.substr(begin, name.find_last_not_of(space) - begin + 1);
    if (trimmed.find_first_of("\r\n") != std::string::npos)
        throw Error("a run's name must be one line");
    if (trimmed.size() > kMaxDisplayNameBytes)
        throw Error("a run's name may be at most " + std::to_string(kMaxDisplayNameBytes) + " bytes long, not " +
                    std::to_string(trimmed.size()));
    return trimmed;
}

void rename_run(const fs::path& run_folder, const std::string& name)
{
    RunAnnotations annotations = read_run_annotations(run_folder);
    annotations.display_name = checked_display_name(name);
    write_run_annotations(run_folder, annotations);
}

void set_run_notes(const fs::path& run_folder, const std::string& notes)
{
    RunAnnotations annotations = read_run_annotations(run_folder);
    annotations.notes = notes;
    write_run_annotations(run_folder, annotations);
}

} // namespace i3
