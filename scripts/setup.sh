#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what i3 Studio needs from Debian 12 and builds it into build/.
# Run from the repository root. Uses sudo (or su) when not run as root.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqcustomplot-dev
    libtorch-dev nlohmann-json3-dev libcurl4-openssl-dev libssl-dev
    # Gloo's headers, which LibTorch's CPU process groups include (data-parallel training on CPUs).
    libgloo-dev
    # Lowercasing exactly as Python's str.lower().
    libicu-dev
    # Parquet pages: SNAPPY, ZSTD and GZIP.
    libsnappy-dev libzstd-dev zlib1g-dev
    # Debian's LibTorch calls whichever BLAS the system provides; without OpenBLAS that is the
    # reference BLAS, several times slower for every matrix product on the CPU.
    libopenblas0-openmp
    python3 python3-torch fonts-dejavu-core
    # The Debian package: icons from the SVG, man pages from --help, and its checks (ctest -L package).
    librsvg2-bin help2man lintian desktop-file-utils appstream file zsh
)

# As root, directly; otherwise through sudo, or su where a minimal system has no sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    elif command -v su >/dev/null; then
        echo "setup.sh: installing packages as root through su (there is no sudo); enter root's password" >&2
        su root -c "$(printf '%q ' "$@")"
    else
        echo "setup.sh: run this as root, or install sudo: the packages need root to install" >&2
        exit 1
    fi
}
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build build
