#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# On a CUDA machine with PyTorch installed: builds the engine and the `i3lm` command line against
# PyTorch's own CUDA LibTorch (no Qt needed), checks the CUDA scan kernels against
# double-precision loops, checks GPU results against the CPU and against Python's PyTorch, and
# runs the benchmarks beside the step-by-step Python model.
# Usage: scripts/gpu_check.sh [REPORT_DIR [all|generate|train|memory|profile|profile-train|distributed]]
#   generate: only the generation checks; train: only the training checks and benchmarks;
#   memory: only the training benchmarks' speed and peak memory at short and long contexts;
#   profile: where a generation step's time goes, kernel by kernel (Nsight Compute, eager steps,
#   batch 1 and 64), into REPORT_DIR/kernels-*.txt; profile-train: the same for a training step
#   (PyTorch's profiler, eager steps, bf16, batch 64 and 4), into REPORT_DIR/train-kernels-*.txt;
#   distributed: data-parallel training's NCCL path on one rank (the check, a run against one
#   process, the benchmark), into REPORT_DIR/gpu-distributed.txt
set -euo pipefail
cd "$(dirname "$0")/.."
report=${1:-gpu-report}
sections=${2:-all}
mkdir -p "$report"
python=${PYTHON:-python3}
prefix=$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')
# NCCL's header, which PyTorch's wheels keep in the nvidia-nccl package (found as <it>/include/nccl.h).
nccl=$("$python" -c 'import nvidia.nccl as n; print(list(n.__path__)[0])' 2>/dev/null || true)

# Debian 12's snappy and ICU packages, brought by scripts/gpu_deps.sh.
scripts/gpu_unpack_debs.sh .gpu-deps

cmake -S . -B build-gpu -G Ninja -DCMAKE_BUILD_TYPE=Release -DI3_TESTS=OFF -DI3_GUI=OFF \
    -DCMAKE_PREFIX_PATH="$prefix${nccl:+;$nccl}" -DCMAKE_CUDA_ARCHITECTURES=90 ${I3_CMAKE_ARGS:-} 2>&1 |
    grep -E "^-- i3: " || true
if ! cmake --build build-gpu > "$report/build.log" 2>&1; then
    grep -E -A4 "error|FAILED" "$report/build.log"
    exit 1
fi
i3=build-gpu/app/i3lm

generation_checks() {
    echo "== the generation kernels against double-precision loops"
    build-gpu/tests/cuda/cuda_step_check
    echo "== batched greedy generation: GPU (CUDA graph) against CPU and against one prompt at a time"
    printf 'once upon a time\nthe cat\nhello there my friend, how are you today? i am fine, thank you\n' > "$work/prompts.txt"
    "$i3" generate --model_dir "$work/ref" --device cuda --top_k 1 --length 40 --prompts "$work/prompts.txt" > "$work/gpu.txt"
    "$i3" generate --model_dir "$work/ref" --device cpu --top_k 1 --length 40 --prompts "$work/prompts.txt" > "$work/cpu.txt"
    while read -r prompt; do
        "$i3" generate --model_dir "$work/ref" --device cuda --top_k 1 --length 40 --prompt "$prompt" 2>/dev/null
    done < "$work/prompts.txt" > "$work/single.txt"
    cat "$work/gpu.txt"
    cmp "$work/gpu.txt" "$work/cpu.txt" && echo "batch on GPU = batch on CPU"
    cmp "$work/gpu.txt" "$work/single.txt" && echo "batch on GPU = one prompt at a time on GPU"
    echo "== sampled generation, batch of 3 (seed 5): GPU against CPU"
    "$i3" generate --model_dir "$work/ref" --device cuda --seed 5 --length 40 --prompts "$work/prompts.txt" > "$work/gpu-s.txt"
    "$i3" generate --model_dir "$work/ref" --device cpu --seed 5 --length 40 --prompts "$work/prompts.txt" > "$work/cpu-s.txt"
    cmp "$work/gpu-s.txt" "$work/cpu-s.txt" && echo "sampled batch on GPU = on CPU" || diff "$work/gpu-s.txt" "$work/cpu-s.txt" || true
    echo "== generation benchmarks (i3-80M shape, vocabulary 35,560, context 256)"
    "$i3" bench generate --device cuda
    "$i3" bench generate --device cuda --graph off
    "$i3" bench generate --device cuda --batch 64
    "$i3" bench generate --device cuda --batch 64 --graph off
    "$i3" bench generate --device cuda --batch 256
    "$python" tests/fixtures/reference_model_tool.py bench_generate cuda 100
}

long_context_benchmarks() {
    for context in 4096 8192; do
        "$i3" bench train --device cuda --batch 1 --context $context --steps 3 --json
        "$i3" bench train --device cuda --batch 1 --context $context --steps 3 --precision bf16 --checkpoint-activations --json
    done
    for context in 65536 131072; do
        "$i3" bench train --device cuda --batch 1 --context $context --steps 2 --precision bf16 --checkpoint-activations --json
    done
}

training_checks() {
    echo "== the training paths on the GPU against the plain ones"
    build-gpu/tests/cuda/cuda_training_check
    echo "== training benchmarks (i3-80M shape, vocabulary 35,560, context 256)"
    for batch in 4 32 64 128; do
        for precision in fp32 bf16; do
            "$i3" bench train --device cuda --batch $batch --precision $precision --json
        done
    done
    for batch in 4 64; do
        "$i3" bench train --device cuda --batch $batch --precision bf16 --graph off --json
    done
    "$i3" bench train --device cuda --batch 4 --precision fp32 --graph off --json
    "$i3" bench train --device cuda --batch 4
    "$python" tests/fixtures/reference_model_tool.py bench cuda 4 3
    "$python" tests/fixtures/reference_model_tool.py bench cuda 32 2
    echo "== memory of a batch-1 step at long contexts"
    long_context_benchmarks
    echo "== 2,000 steps of i3-80M on the built-in corpus, fp32 and bf16"
    for precision in fp32 bf16; do
        "$i3" train --preset i3-80m --steps 2000 --device cuda --precision $precision --out "$work/run-$precision" \
            --eval-every 500 --checkpoint-every 1000 --sample-tokens 20 | grep -E "^step (1|2|3|10|100|1000|2000)/|eval|done"
    done
}

# The losses of two runs' metrics.jsonl, step by step, and their largest relative difference.
compare_losses() {
    "$python" - "$1" "$2" <<'PY'
import json, sys
def losses(path):
    return {line["step"]: line["loss"] for line in map(json.loads, open(path)) if line["kind"] == "train"}
a, b = losses(sys.argv[1]), losses(sys.argv[2])
print("steps %d and %d, largest relative difference of the losses %.3g"
      % (len(a), len(b), max(abs(a[s] - b[s]) / abs(a[s]) for s in a)))
PY
}

distributed_checks() {
    echo "== one NCCL rank: the figures summed, the gradient averager, steps through it against plain steps"
    build-gpu/tests/cuda/nccl_rank_check
    echo "== 100 steps of the small preset on one NCCL rank (i3lm train --nproc-per-node 1) against one process"
    "$i3" train --preset small --steps 100 --device cuda --log-every 10 --eval-every 100 --checkpoint-every 100 \
        --sample-tokens 0 --out "$work/dp-alone" | grep -E "^step (10|100)/"
    "$i3" train --preset small --steps 100 --device cuda --log-every 10 --eval-every 100 --checkpoint-every 100 \
        --sample-tokens 0 --out "$work/dp-one-rank" --nproc-per-node 1 | grep -E "^training:|^step (10|100)/"
    compare_losses "$work/dp-alone/metrics.jsonl" "$work/dp-one-rank/metrics.jsonl"
    "$python" -c 'import json, sys; d = json.load(open(sys.argv[1])); print("run.json: world_size", d["world_size"], "backend", d["backend"])' \
        "$work/dp-one-rank/run.json"
    echo "== the same run resumed as one process for 50 more steps"
    "$i3" train --resume "$work/dp-one-rank" --steps 150 | grep -E "^training:|^step 150/"
    echo "== bench train on one NCCL rank against one process (i3-80M shape, context 256)"
    for batch in 4 32; do
        "$i3" bench train --device cuda --batch $batch --nproc-per-node 1
        "$i3" bench train --device cuda --batch $batch --nproc-per-node 1 --json
    done
}

profile_generation() {
    for batch in 1 64; do
        ncu --clock-control none --csv --metrics gpu__time_duration.sum \
            "$i3" bench generate --device cuda --graph off --batch $batch --length 8 > "$report/ncu-$batch.csv"
        "$python" scripts/kernel_times.py "$report/ncu-$batch.csv" | tee "$report/kernels-$batch.txt"
    done
}

work=$(mktemp -d)
if [ "$sections" = profile ]; then
    profile_generation
    exit 0
fi
if [ "$sections" = profile-train ]; then
    for batch in 64 4; do
        "$i3" bench train --device cuda --batch $batch --precision bf16 --graph off --steps 5 --trace "$report/train-$batch.json"
        "$python" scripts/kernel_times.py "$report/train-$batch.json" | tee "$report/train-kernels-$batch.txt" | head -n 40
    done
    exit 0
fi
if [ "$sections" = distributed ]; then
    {
        echo "== machine"
        nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
        "$python" -c 'import torch; print("PyTorch", torch.__version__, "NCCL", torch.cuda.nccl.version())' || true
        distributed_checks
    } 2>&1 | tee "$report/gpu-distributed.txt"
    exit 0
fi
if [ "$sections" = memory ]; then
    long_context_benchmarks
    for batch in 4 64; do "$i3" bench train --device cuda --batch $batch --precision bf16 --json; done
    "$i3" bench train --device cuda --batch 4 --json
    exit 0
fi
if [ "$sections" = train ]; then
    {
        echo "== machine"
        nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
        training_checks
    } 2>&1 | tee "$report/gpu-train.txt"
    exit 0
fi
if [ "$sections" = generate ]; then
    {
        echo "== machine"
        nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
        "$python" tests/fixtures/reference_model_tool.py make "$work/ref"
        generation_checks
    } 2>&1 | tee "$report/gpu-generate.txt"
    exit 0
fi

{
    echo "== machine"
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
    "$i3" info
    echo "== CUDA scan kernels against double-precision loops"
    build-gpu/tests/cuda/cuda_scan_check
    echo "== a model made by Python's PyTorch: eval on GPU, on CPU, and in Python"
    "$python" tests/fixtures/reference_model_tool.py make "$work/ref"
    printf 'Once upon a time, the cat and the dog were friends. They ate and ran. The end.\n%.0s' {1..8} > "$work/eval.txt"
    "$i3" eval --model_dir "$work/ref" --device cuda "$work/eval.txt"
    "$i3" eval --model_dir "$work/ref" --device cpu "$work/eval.txt"
    ids=$("$i3" tokenizer encode --tokenizer "$work/ref/tokenizer.json" "$work/eval.txt")
    "$python" tests/fixtures/reference_model_tool.py eval "$work/ref" $ids
    echo "== greedy generation, GPU against CPU (past the window of 16)"
    "$i3" generate --model_dir "$work/ref" --device cuda --top_k 1 --length 40 --prompt "once upon a time"
    "$i3" generate --model_dir "$work/ref" --device cpu --top_k 1 --length 40 --prompt "once upon a time"
    echo "== a short training run on the GPU (built-in corpus)"
    "$i3" train --preset small --steps 200 --device cuda --out "$work/run" --eval-every 100 --checkpoint-every 100 | grep -E "^step (10|100|200)/|eval|done"
    echo "== benchmarks (i3-80M shape, vocabulary 35,560, context 256)"
    "$i3" bench train --device cuda --batch 4
    "$i3" bench train --device cuda --batch 32
    "$python" tests/fixtures/reference_model_tool.py bench cuda 4 3
    "$python" tests/fixtures/reference_model_tool.py bench cuda 32 2
    generation_checks
    for context in 1024 4096; do "$i3" bench train --device cuda --batch 1 --context $context --steps 3; done
} 2>&1 | tee "$report/gpu-check.txt"
