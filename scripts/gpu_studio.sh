#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# On the GPU machine (Ubuntu 24.04, PyTorch installed, no Qt, no network; run as root): builds the
# studio against PyTorch's CUDA LibTorch with the Qt 6 and QCustomPlot packages that
# scripts/gpu_deps.sh brought from Debian 12, then runs its screenshot tour offscreen on cuda:0
# (i3-80M trained from the Training panel, the context probe to the longest context that fits,
# the playground) while nvidia-smi samples the same GPU; then trains the same run from the command
# line and benchmarks the same shape, and compares: the studio's device samples with the driver's,
# its losses and tokens/s with the command line's.
# Usage: scripts/gpu_studio.sh [REPORT_DIR [all|tour|compare]]
#   tour: build and run the tour; compare: build (or reuse the build), train from the command line
#   and write REPORT_DIR/report.md from the tour's files. REPORT_DIR/tour/ holds the pictures.
set -euo pipefail
cd "$(dirname "$0")/.."
report=${1:-gpu-studio-report}
sections=${2:-all}
mkdir -p "$report/tour"
python=${PYTHON:-python3}
prefix=$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')

scripts/gpu_unpack_debs.sh .gpu-deps
scripts/gpu_unpack_debs.sh .gpu-deps/studio

cmake -S . -B build-gpu-studio -G Ninja -DCMAKE_BUILD_TYPE=Release -DI3_TESTS=OFF -DI3_GUI=ON \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CUDA_ARCHITECTURES=90 -DI3_ICONS_FROM="$PWD/.gpu-deps/studio/icons" > "$report/configure.log" 2>&1 ||
    { tail -n 30 "$report/configure.log"; exit 1; }
if ! cmake --build build-gpu-studio > "$report/build.log" 2>&1; then
    grep -E -A4 "error|FAILED" "$report/build.log" | head -n 60
    exit 1
fi
studio=build-gpu-studio/app/i3-studio
i3=build-gpu-studio/app/i3lm
echo "== built: $("$studio" --version), $("$i3" --version 2>/dev/null | head -n 1)"

# Kept between the sections' calls: the command-line run shares the tour's token cache.
work=$report/work
mkdir -p "$work"
export I3_TOKEN_CACHE="$work/tokens" XDG_CONFIG_HOME="$work/config" QT_QPA_PLATFORM=offscreen

# The GPU LibTorch calls cuda:0, by its PCI address: nvidia-smi numbers GPUs its own way and
# ignores CUDA_VISIBLE_DEVICES.
bus=$("$python" -c 'import torch; p = torch.cuda.get_device_properties(0); print(f"{p.pci_domain_id:08X}:{p.pci_bus_id:02X}:{p.pci_device_id:02X}.0")')
echo "== cuda:0 is $bus: $(nvidia-smi -i "$bus" --query-gpu=name,driver_version --format=csv,noheader)"

run_tour() {
    nvidia-smi -i "$bus" --query-gpu=timestamp,utilization.gpu,memory.used,power.draw,temperature.gpu \
        --format=csv,nounits -lms 500 > "$report/nvidia-smi.csv" &
    smi=$!
    trap 'kill $smi 2>/dev/null || true' EXIT

    echo "== the screenshot tour on cuda:0"
    start=$(date +%s)
    I3_WORKSPACE="$work/studio-runs" "$studio" --screenshot "$report/tour" > "$report/tour.log" 2>&1 ||
        { tail -n 20 "$report/tour.log"; exit 1; }
    echo "tour: $(( $(date +%s) - start )) s"
    kill $smi
    wait $smi 2>/dev/null || true
}

compare_with_the_command_line() {
    echo "== the same run from the command line (the tour's settings: widgets/screenshot_tour.cpp)"
    rm -rf "$work/cli-run"
    "$i3" train --preset i3-80m --steps 1000 --log-every 5 --eval-every 500 --checkpoint-every 500 \
        --sample-tokens 40 --device cuda:0 --out "$work/cli-run" > "$report/cli-train.log" 2>&1 ||
        { tail -n 20 "$report/cli-train.log"; exit 1; }
    tail -n 3 "$report/cli-train.log"
    cp "$work/cli-run/metrics.jsonl" "$report/cli-metrics.jsonl"

    {
        echo "# The studio on $(nvidia-smi -i "$bus" --query-gpu=name --format=csv,noheader), $(date -u +%Y-%m-%d)"
        echo
        echo "## Device samples: the studio's (NVML, every second) beside nvidia-smi's (every 500 ms)"
        echo
        "$python" scripts/gpu_studio_report.py telemetry "$report/nvidia-smi.csv" "$report/tour/device.csv"
        echo
        echo "## Training losses: the run started from the Training panel beside the same run of i3lm train"
        echo
        "$python" scripts/gpu_studio_report.py losses "$report/tour/metrics.csv" "$report/cli-metrics.jsonl"
        echo
        echo "## i3lm bench train, the same shape and batch (vocabulary 35,560 instead of the corpus's)"
        echo
        echo '```'
        "$i3" bench train --device cuda:0 --batch 4
        echo '```'
    } > "$report/report.md" 2>&1
    cat "$report/report.md"
}

case "$sections" in
    all) run_tour; compare_with_the_command_line ;;
    tour) run_tour ;;
    compare) compare_with_the_command_line ;;
    *) echo "unknown section $sections (all, tour, compare)"; exit 2 ;;
esac
