// SPDX-License-Identifier: GPL-3.0-or-later
// Saves that never leave a half-written file behind: write beside the target, sync it, rename it
// over the target and sync the folder, so that neither a crash nor a power cut right after the
// rename leaves an empty or half-written file (the rename alone orders nothing on ext4 or XFS).
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "base/error.h"

namespace i3 {

// Calls write(temporary_path), checks it produced a file, syncs it, then renames it over `target`.
// If write throws (or the disk is full), the temporary is removed and `target` is untouched.
void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path&)>& write);

// Writes `bytes` to `target` atomically.
void write_file_atomically(const std::filesystem::path& target, const std::string& bytes);

// "could not write FILE: No space left on device": for a stream that failed, while errno still says
// why (it may not, after C++ streams: then the likeliest reason is given as a question).
Error write_error(const std::filesystem::path& file);

// Flushes a file's or a folder's contents to the disk (fsync); throws i3::Error naming it.
void sync_to_disk(const std::filesystem::path& path);

// Removes a file or a whole folder; nothing happens when it does not exist. (Not
// std::filesystem::remove_all: PyTorch 2.11's libtorch.so exports its own copy of that function,
// which the dynamic linker may pick, and it crashes on a folder.)
void remove_tree(const std::filesystem::path& path);

// Throws i3::Error unless `path` is a regular file (or a link to one): a folder, a device such as
// /dev/zero or a pipe given where a file is expected is named as what it is.
void check_regular_file(const std::filesystem::path& path);

// Reads a whole file; throws i3::Error naming the file when it cannot, when it is no regular
// file, or when it is larger than the memory available to hold it.
std::string read_file(const std::filesystem::path& path);

} // namespace i3
