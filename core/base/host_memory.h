// SPDX-License-Identifier: GPL-3.0-or-later
// The computer's memory as Linux reports it, so that a size a file or a flag asks for can be
// checked before anything is allocated (an allocation Linux over-commits fails only when the
// pages are touched, by which time the machine is swapping or the process is killed).
#pragma once

#include <cstdint>
#include <string>

namespace i3 {

// A "Key:   123 kB" line of /proc/meminfo or /proc/self/status, in bytes; -1 when absent.
int64_t proc_kilobytes(const char* file, const std::string& key);

// What can still be allocated without swapping (MemAvailable); -1 when the system does not say.
int64_t available_host_memory();

// Throws i3::Error when `bytes` exceed the memory available: "<what> needs about 3.1 GiB, but only
// 1.2 GiB of memory is available; <advice>". Does nothing where the system does not say.
void check_host_memory(double bytes, const std::string& what, const std::string& advice = "");

// "1.5 GiB", "320 MiB": a size for a message.
std::string bytes_text(double bytes);

} // namespace i3
