// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/run_folder.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/json_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace i3 {

void check_new_run_folder(const fs::path& folder)
{
    if (folder.empty())
        throw Error("no run folder given");
    std::error_code error;
    if (!fs::exists(folder, error))
        return;
    if (!fs::is_directory(folder, error))
        throw Error(folder.string() + " is a file, not a folder; choose a folder for the run");
    if (fs::exists(folder / run_files::kRunInfo, error))
        throw Error(folder.string() + " is not empty: it already holds a run; resume it or choose another folder");
    // The lock file is the only thing a trainer creating the run may have put there itself.
    for (fs::directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error))
        if (entry->path().filename() != run_files::kLock)
            throw Error(folder.string() + " is not empty; choose a new folder for the run (nothing in it was changed)");
    if (error)
        throw Error("cannot read " + folder.string() + ": " + error.message());
}

fs::path RunFolder::token_file(size_t index) const
{
    char name[32];
    std::snprintf(name, sizeof name, "%03zu%s", index, run_files::kTokenFileExtension);
    return tokens_dir() / name;
}

std::vector<fs::path> RunFolder::token_files() const
{
    std::vector<fs::path> files;
    for (size_t index = 0;; ++index) {
        fs::path file = token_file(index);
        std::error_code error;
        if (!fs::exists(file, error))
            return files;
        files.push_back(std::move(file));
    }
}

fs::path RunFolder::checkpoint_dir(int64_t step) const
{
    char name[32];
    std::snprintf(name, sizeof name, "%s%07lld", run_files::kStepCheckpointPrefix, static_cast<long long>(step));
    return checkpoints_dir() / name;
}

std::optional<fs::path> RunFolder::latest_checkpoint() const
{
    const fs::path pointer = checkpoints_dir() / run_files::kLatestPointer;
    if (!fs::exists(pointer))
        return std::nullopt;
    std::string name = read_file(pointer);
    while (!name.empty() && (name.back() == '\n' || name.back() == '\r'))
        name.pop_back();
    const fs::path checkpoint = checkpoints_dir() / name;
    if (name.empty() || !fs::is_directory(checkpoint))
        throw Error(pointer.string() + " names a checkpoint that does not exist: \"" + name + "\"");
    return checkpoint;
}

void RunFolder::set_latest_checkpoint(const fs::path& checkpoint) const
{
    write_file_atomically(checkpoints_dir() / run_files::kLatestPointer, checkpoint.filename().string() + "\n");
}

std::vector<fs::path> RunFolder::step_checkpoints() const
{
    std::vector<fs::path> found;
    std::error_code error;
    const std::string prefix = run_files::kStepCheckpointPrefix;
    for (fs::directory_iterator entry(checkpoints_dir(), error), end; !error && entry != end; entry.increment(error)) {
        const std::string name = entry->path().filename().string();
        // "step-N.partial" and "step-N.previous" are a save in progress, not checkpoints.
        const bool digits = name.size() > prefix.size() &&
                            name.find_first_not_of("0123456789", prefix.size()) == std::string::npos;
        if (entry->is_directory() && name.rfind(prefix, 0) == 0 && digits && name.size() - prefix.size() <= 18)
            found.push_back(entry->path());
    }
    // By step, read from the name: zero-padding alone orders them only up to 7 digits.
    const auto step_of = [&](const fs::path& path) {
        return std::stoll(path.filename().string().substr(prefix.size()));
    };
    std::sort(found.begin(), found.end(), [&](const fs::path& a, const fs::path& b) { return step_of(a) < step_of(b); });
    return found;
}

void RunFolder::append_json_line(const fs::path& file, const nlohmann::json& line)
{
    const std::string text = line.dump() + '\n';
    const int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        throw Error("cannot open " + file.string() + ": " + std::strerror(errno));
    // One write of the whole line; a line the disk had no room for is taken back, so the next
    // append does not glue onto half of it.
    struct stat before {};
    const bool sized = ::fstat(fd, &before) == 0;
    const ssize_t written = ::write(fd, text.data(), text.size());
    const int write_errno = written < 0 ? errno : ENOSPC;
    if (written != static_cast<ssize_t>(text.size())) {
        // Should that fail too, the next resume drops the torn line (keep_lines_up_to).
        const bool taken_back = sized && ::ftruncate(fd, before.st_size) == 0;
        static_cast<void>(taken_back);
        ::close(fd);
        throw Error("could not append to " + file.string() + ": " + std::strerror(write_errno));
    }
    ::close(fd);
}

void RunFolder::keep_lines_up_to(const fs::path& file, int64_t step)
{
    if (!fs::exists(file))
        return;
    const std::string text = read_file(file);
    std::string kept;
    size_t start = 0;
    for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
        const std::string line = text.substr(start, end - start);
        nlohmann::json json;
        try {
            json = parse_json(line, file.string());
        } catch (const Error&) {
            continue; // not a line this program wrote
        }
        // metrics.jsonl, samples.jsonl and weights.jsonl all name the step "step" (metric_keys::kStep).
        const auto logged = json.is_object() ? json.find(metric_keys::kStep) : json.end();
        if (json.is_object() && logged != json.end() && logged->is_number_integer() && logged->get<int64_t>() <= step)
            kept += line + '\n';
    }
    if (kept.size() != text.size())
        write_file_atomically(file, kept);
}

} // namespace i3
