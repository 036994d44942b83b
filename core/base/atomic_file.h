// SPDX-License-Identifier: GPL-3.0-or-later
// Saves that never leave a half-written file behind: write beside the target, then rename.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace i3 {

// Calls write(temporary_path), checks it produced a file, then renames it over `target`.
// If write throws (or the disk is full), the temporary is removed and `target` is untouched.
void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path&)>& write);

// Writes `bytes` to `target` atomically.
void write_file_atomically(const std::filesystem::path& target, const std::string& bytes);

// Removes a file or a whole folder; nothing happens when it does not exist. (Not
// std::filesystem::remove_all: PyTorch 2.11's libtorch.so exports its own copy of that function,
// which the dynamic linker may pick, and it crashes on a folder.)
void remove_tree(const std::filesystem::path& path);

// Reads a whole file; throws i3::Error naming the file when it cannot.
std::string read_file(const std::filesystem::path& path);

} // namespace i3
