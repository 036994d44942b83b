#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compares what the studio showed during its GPU screenshot tour with independent readings.

  telemetry NVIDIA_SMI_CSV DEVICE_CSV   the studio's device samples (TrainingPanel::exportDeviceCsv)
                                        beside nvidia-smi's, each studio sample matched with the
                                        driver's reading nearest in time
  losses METRICS_CSV METRICS_JSONL      the studio run's training losses (exportMetricsCsv) beside
                                        a command-line run's metrics.jsonl, step by step

nvidia-smi's file is what `nvidia-smi --query-gpu=timestamp,utilization.gpu,memory.used,
power.draw,temperature.gpu --format=csv,nounits -lms 500` writes.
"""
import csv
import datetime
import json
import statistics
import sys

# How far apart in time a studio sample and the driver's reading may be to be compared.
MATCH_SECONDS = 0.3

# (studio column, nvidia-smi column, what, unit)
QUANTITIES = [
    ("gpu_util", "utilization.gpu", "GPU use", "%"),
    ("used", "memory.used", "memory used on the card", "MiB"),
    ("gpu_power", "power.draw", "power", "W"),
    ("gpu_temp", "temperature.gpu", "temperature", "°C"),
]


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f, skipinitialspace=True))
    if not rows:
        sys.exit(f"{path}: empty")
    header = [name.split(" [")[0].strip() for name in rows[0]]
    return [dict(zip(header, row)) for row in rows[1:] if row]


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def driver_readings(path):
    readings = []
    for row in read_csv(path):
        # nvidia-smi prints the machine's local time, which is what timestamp() assumes.
        stamp = datetime.datetime.strptime(row["timestamp"], "%Y/%m/%d %H:%M:%S.%f").timestamp()
        readings.append((stamp, {key: number(row.get(key)) for _, key, _, _ in QUANTITIES}))
    if not readings:
        sys.exit(f"{path}: no readings")
    return readings


def nearest(readings, t):
    best = min(readings, key=lambda reading: abs(reading[0] - t))
    return best if abs(best[0] - t) <= MATCH_SECONDS else None


def telemetry(smi_path, device_path):
    readings = driver_readings(smi_path)
    pairs = {column: [] for column, _, _, _ in QUANTITIES}
    matched = 0
    print("| studio time (s) | GPU use % studio / smi | used MiB studio / smi | power W studio / smi | "
          "temperature °C studio / smi | allocator reserved MiB |")
    print("|---|---|---|---|---|---|")
    rows = read_csv(device_path)
    start = number(rows[0]["unix_time_s"]) if rows else 0
    for row in rows:
        t = number(row["unix_time_s"])
        reading = nearest(readings, t)
        if reading is None or number(row.get("gpu_util")) is None:
            continue
        matched += 1
        cells = []
        for column, key, _, _ in QUANTITIES:
            ours, theirs = number(row.get(column)), reading[1][key]
            if ours is not None and theirs is not None:
                pairs[column].append((ours, theirs))
            cells.append(f"{ours:g} / {theirs:g}" if ours is not None and theirs is not None else "—")
        if matched % 5 == 1:
            print(f"| {t - start:.1f} | " + " | ".join(cells) + f" | {row.get('reserved') or '—'} |")
    print(f"\n{matched} of {len(rows)} studio samples had a driver reading within {MATCH_SECONDS} s "
          f"({len(readings)} driver readings).\n")
    print("| quantity | pairs | median abs. difference | largest abs. difference |")
    print("|---|---|---|---|")
    for column, _, what, unit in QUANTITIES:
        differences = [abs(ours - theirs) for ours, theirs in pairs[column]]
        if differences:
            print(f"| {what} ({unit}) | {len(differences)} | {statistics.median(differences):.3g} | "
                  f"{max(differences):.3g} |")
        else:
            print(f"| {what} ({unit}) | 0 | — | — |")


def studio_losses(path):
    losses = {}
    speeds = []
    for row in read_csv(path):
        step, loss = number(row.get("step")), number(row.get("loss"))
        if step is not None and loss is not None:
            losses[int(step)] = loss
        speed = number(row.get("tokens_per_s"))
        if speed is not None:
            speeds.append(speed)
    return losses, speeds


def command_line_losses(path):
    losses = {}
    speeds = []
    with open(path) as f:
        for line in f:
            record = json.loads(line)
            if record.get("kind") == "train":
                losses[int(record["step"])] = float(record["loss"])
                if "tokens_per_s" in record:
                    speeds.append(float(record["tokens_per_s"]))
    return losses, speeds


def losses(metrics_csv, metrics_jsonl):
    ours, our_speeds = studio_losses(metrics_csv)
    theirs, their_speeds = command_line_losses(metrics_jsonl)
    steps = sorted(set(ours) & set(theirs))
    if not steps:
        sys.exit("no step is in both runs")
    print("| step | studio loss | command-line loss | difference |")
    print("|---|---|---|---|")
    shown = {steps[0], steps[-1]} | {s for s in steps if s % (max(1, steps[-1] // 6)) == 0}
    for step in steps:
        if step in shown:
            print(f"| {step} | {ours[step]:.4f} | {theirs[step]:.4f} | {ours[step] - theirs[step]:+.4f} |")
    relative = [abs(ours[s] - theirs[s]) / abs(theirs[s]) for s in steps]
    print(f"\n{len(steps)} steps in both; relative difference median {statistics.median(relative):.2e}, "
          f"largest {max(relative):.2e} (step {steps[relative.index(max(relative))]}).")
    for name, speeds in (("studio", our_speeds), ("command line", their_speeds)):
        if speeds:
            print(f"{name}: median {statistics.median(speeds):,.0f} tokens/s over {len(speeds)} logged intervals")


def main():
    commands = {"telemetry": telemetry, "losses": losses}
    if len(sys.argv) != 4 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](sys.argv[2], sys.argv[3])


if __name__ == "__main__":
    main()
