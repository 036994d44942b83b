#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Run here, on Debian 12: downloads the packages the GPU machine (Ubuntu 24.04, no network) lacks
# for a build of the engine (snappy for Parquet pages, ICU's headers for lowercasing) into
# .gpu-deps/, which the device tool carries and scripts/gpu_check.sh unpacks there.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .gpu-deps
cd .gpu-deps
apt-get download libsnappy-dev libsnappy1v5 libicu-dev libicu72
ls -l
