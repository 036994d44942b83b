#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Run here, on Debian 12: downloads the packages the GPU machine (Ubuntu 24.04, no network) lacks
# into .gpu-deps/, which the device tool carries and scripts/gpu_unpack_debs.sh unpacks there:
# for a build of the engine (snappy for Parquet pages, ICU's headers for lowercasing), and in
# .gpu-deps/studio/ for a build of the studio (scripts/gpu_studio.sh): Qt 6 and QCustomPlot with
# their headers and CMake files, the libraries they load that a bare Ubuntu may lack, the GL
# headers Qt's CMake files ask for, a font for the offscreen windows' text, and the icons of this
# machine's build (build/resources/icons: the GPU machine has no rsvg-convert to make them).
set -euo pipefail
cd "$(dirname "$0")/.."
engine=(libsnappy-dev libsnappy1v5 libicu-dev libicu72)
studio=(
    libqt6core6 libqt6gui6 libqt6widgets6 libqt6printsupport6 libqt6test6 libqt6dbus6 libqcustomplot2.1-qt6
    qt6-base-dev qt6-base-dev-tools qmake6 qmake6-bin qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqcustomplot-dev
    libb2-1 libdouble-conversion3 libmd4c0 libpcre2-16-0 libxkbcommon0 libharfbuzz0b libgraphite2-3
    libfreetype6 libfontconfig1 fontconfig-config fonts-dejavu-core libpng16-16 libbrotli1 libglib2.0-0
    libdbus-1-3 libjpeg62-turbo libx11-6 libx11-data libxcb1 libxau6 libxdmcp6 libbsd0 libmd0
    libegl1 libglvnd0 libglx0 libopengl0 libgl1 libgl-dev libglx-dev libopengl-dev libegl-dev
)
mkdir -p .gpu-deps/studio
(cd .gpu-deps && apt-get download "${engine[@]}")
(cd .gpu-deps/studio && apt-get download "${studio[@]}")
rm -rf .gpu-deps/studio/icons
cp -r build/resources/icons .gpu-deps/studio/icons
du -sh .gpu-deps .gpu-deps/studio
