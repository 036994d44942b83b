#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# On a CUDA machine with PyTorch: builds an earlier version of the engine (its source unpacked in
# BASE_DIR, e.g. `git archive REV | tar -x -C BASE_DIR`) and this tree against PyTorch's CUDA
# LibTorch, compares their command-line outputs for fixed seeds on the CPU and on CUDA (training,
# resume, generation, eval), runs the kernel checks, and benchmarks both in the same run.
# Usage: scripts/compare_builds.sh BASE_DIR [REPORT_DIR]
set -uo pipefail
base=${1:?usage: scripts/compare_builds.sh BASE_DIR [REPORT_DIR]}
OUT=${2:-${OUT:-compare-report}}
mkdir -p "$OUT"
export NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1
prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
args=(-G Ninja -DCMAKE_BUILD_TYPE=Release -DI3_TESTS=OFF -DI3_GUI=OFF -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CUDA_ARCHITECTURES=90)
(cmake -S "$base" -B /tmp/old "${args[@]}" && cmake --build /tmp/old -j 8) > $OUT/build-old.log 2>&1 &
(cmake -S . -B /tmp/new "${args[@]}" && cmake --build /tmp/new -j 8) > $OUT/build-new.log 2>&1 &
wait
old=$(ls /tmp/old/app/i3lm /tmp/old/app/i3 2>/dev/null | head -1); new=/tmp/new/app/i3lm
ls -la $old $new || { tail -30 $OUT/build-new.log; tail -5 $OUT/build-old.log; exit 1; }
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
clean() { sed -E 's/ \| [0-9]+ tok\/s \| eta [0-9hms]+//; s/done in [0-9hms]+/done in T/'; }
same() { if cmp -s "$1" "$2"; then echo "IDENTICAL: $3"; else echo "DIFFERENT: $3"; diff "$1" "$2" | head -20; fi; }
w=/tmp/w; mkdir -p $w/old $w/new
for dev in cpu cuda; do
  for side in old new; do
    bin=$old; [ $side = new ] && bin=$new
    (cd $w/$side && $bin train --preset tiny --steps 30 --log-every 5 --eval-every 10 --checkpoint-every 10 --lr 3e-3 --warmup 5 --seed 3 --device $dev --out run-$dev | clean > train-$dev.txt
     $bin train --resume run-$dev --steps 40 | clean > resume-$dev.txt
     $bin generate --model_dir run-$dev/i3-model-artifacts --prompt "once upon a time" --seed 5 --length 40 --device $dev > gen-$dev.txt
     $bin generate --model_dir run-$dev/i3-model-artifacts --prompt "the cat" --top_k 1 --length 80 --device $dev > greedy-$dev.txt
     printf 'once upon a time there was a cat. the cat ran home.\n%.0s' {1..30} > eval.txt
     $bin eval --model_dir run-$dev/i3-model-artifacts --device $dev eval.txt > eval-$dev.txt 2>&1)
  done
  for f in train resume gen greedy eval; do same $w/old/$f-$dev.txt $w/new/$f-$dev.txt "$f on $dev"; done
done
cp $w/new/train-cuda.txt $OUT/ 2>/dev/null
echo "== kernel checks (new tree)"
/tmp/new/tests/cuda/cuda_step_check 2>&1 | tail -4
/tmp/new/tests/cuda/cuda_scan_check 2>&1 | tail -4
echo "== benchmarks, old then new, same run"
for bin in $old $new; do
  echo "-- $bin"
  $bin bench generate --device cuda 2>&1 | tail -2
  $bin bench generate --device cuda --batch 64 2>&1 | tail -2
  $bin bench train --device cuda --batch 4 2>&1 | tail -2
done
for bin in $old $new; do $bin bench generate --device cuda 2>&1 | tail -1; done
