#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sums GPU kernel durations by kernel name: launches, total and mean time, largest total first.
Reads Nsight Compute's CSV (ncu --csv --metrics gpu__time_duration.sum) or a Chrome trace of
PyTorch's profiler (a .json file, as `i3lm bench train --trace` writes)."""
import csv
import json
import sys
from collections import defaultdict


def trace_kernels(path, totals, counts):
    with open(path) as file:
        events = json.load(file)["traceEvents"]
    for event in events:
        if event.get("cat") == "kernel" and "dur" in event:
            name = event["name"].split("(")[0].split("<")[0][:90]
            totals[name] += float(event["dur"])
            counts[name] += 1


def ncu_kernels(path, totals, counts):
    with open(path, newline="") as file:
        lines = [line for line in file if line.startswith('"')]  # skip the program's own output
    for row in csv.DictReader(lines):
        if row.get("Metric Name") != "gpu__time_duration.sum":
            continue
        value = float(row["Metric Value"].replace(",", ""))
        scale = {"nsecond": 1e-3, "usecond": 1.0, "msecond": 1e3}.get(row["Metric Unit"], 1.0)
        name = row["Kernel Name"].split("(")[0][:90]
        totals[name] += value * scale
        counts[name] += 1


def main(path):
    totals = defaultdict(float)
    counts = defaultdict(int)
    (trace_kernels if path.endswith(".json") else ncu_kernels)(path, totals, counts)
    grand = sum(totals.values())
    print(f"{'launches':>8} {'total us':>10} {'mean us':>8}  kernel")
    for name in sorted(totals, key=totals.get, reverse=True):
        print(f"{counts[name]:8d} {totals[name]:10.1f} {totals[name] / counts[name]:8.2f}  {name}")
    print(f"{sum(counts.values()):8d} {grand:10.1f}           all kernels")


if __name__ == "__main__":
    main(sys.argv[1])
