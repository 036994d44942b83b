// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/host_memory.h"

#include "base/error.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace i3 {

int64_t proc_kilobytes(const char* file, const std::string& key)
{
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        if (line.compare(0, key.size() + 1, key + ":") != 0)
            continue;
        std::istringstream fields(line.substr(key.size() + 1));
        int64_t kilobytes = -1;
        fields >> kilobytes;
        return kilobytes >= 0 ? kilobytes * 1024 : -1;
    }
    return -1;
}

int64_t available_host_memory() { return proc_kilobytes("/proc/meminfo", "MemAvailable"); }

void check_host_memory(double bytes, const std::string& what, const std::string& advice)
{
    const int64_t available = available_host_memory();
    if (available >= 0 && bytes > static_cast<double>(available))
        throw Error(what + " needs about " + bytes_text(bytes) + ", but only " +
                    bytes_text(static_cast<double>(available)) + " of memory is available" + (advice.empty() ? "" : "; " + advice));
}

std::string bytes_text(double bytes)
{
    const char* const units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int unit = 0;
    while (bytes >= 1024 && unit < 6) {
        bytes /= 1024;
        ++unit;
    }
    char text[48];
    std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", bytes, units[unit]);
    return text;
}

} // namespace i3
