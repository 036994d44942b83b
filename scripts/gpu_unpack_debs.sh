#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# On the GPU machine (Ubuntu 24.04, no network, run as root): unpacks the Debian 12 packages that
# scripts/gpu_deps.sh brought into DIR, each one only where it adds files and never over a file the
# system already has (a library the system has in another build stays the system's). Debian 12
# still puts some libraries under /lib, which Ubuntu links to /usr/lib: the link must stay a link.
# Usage: scripts/gpu_unpack_debs.sh DIR
set -euo pipefail
for deb in "$1"/*.deb; do
    [ -e "$deb" ] || continue
    if dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {sub(/^\./, "", $6); print $6}' | while read -r file; do if [ -e "$file" ] || [ -L "$file" ]; then exit 1; fi; done; then
        dpkg-deb --fsys-tarfile "$deb" | tar -x --keep-directory-symlink --no-same-owner -C /
    else
        echo "not unpacking $(basename "$deb"): the system has its own"
    fi
done
ldconfig
