// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_bench.h"

#include "cli_rank_options.h"

namespace i3::cli {

namespace {

Command make_bench_command()
{
    Command command{
    "bench",
    "train|generate|tokenizer FILE [options]",
    "Measures the engine. 'train': tokens/s, TFLOP/s, model-FLOPs utilisation and peak GPU memory\n"
    "of full training steps (forward, backward, clipping, AdamW). 'generate': prompt prefill and\n"
    "new tokens/s with top-k sampling.\n"
    "Figures print beside the reference's own, measured on one H200 (and a 2-core CPU).\n"
    "'tokenizer FILE': MB/s (10^6 bytes of UTF-8 text per second) of building the chunk tokenizer\n"
    "from FILE's texts (.txt, .jsonl, .csv, .parquet) and of encoding them all with it, on one\n"
    "thread and on several, by the clock and by the process's CPU time (the figure that compares\n"
    "when other programs share the cores).",
    {
        {"preset", "NAME", "model shape (default i3-80m, vocabulary 35,560)"},
        {"vocab", "N", "vocabulary size (default: the preset's)"},
        {"context", "N", "context window (default: the preset's)"},
        {"device", "D", "cpu or cuda (default: cuda when available)"},
        {"batch", "N", "train: sequences per step (default 4); generate: prompts at once (default 1)"},
        {"steps", "N", "train: timed steps (default 10, after 3 warm-up steps)"},
        {"precision", "P", "train: fp32 (default) or bf16 (CUDA): bf16 products over float32 weights"},
        {"checkpoint-activations", "", "train: recompute each block's activations in the backward pass"},
        {"peak-tflops", "X", "train: the peak rate MFU is stated against (default: known for H100/H200)"},
        {"json", "", "train: one JSON object instead of the text lines"},
        {"trace", "FILE", "train: PyTorch's profiler over the timed steps, as a Chrome trace (LibTorch 2.4+)"},
        {"prompt-tokens", "N", "generate: prompt length (default 16)"},
        {"length", "N", "generate: new tokens per prompt (default 100)"},
        {"graph", "on|off", "CUDA: record each token's step (generate) or each training step (train) as a CUDA graph (default on)"},
        {"top-k", "K", "generate: top-k of the sampling (default 50, as the reference's figure)"},
        {"seed", "N", "random seed (default 0)"},
        {"text-field", "NAME", "tokenizer: JSON field / CSV or Parquet column of the text (default: text)"},
        {"repeat", "N", "tokenizer: timed runs of each part; the fastest and the median print (default 3)"},
        {"threads", "N", "tokenizer: threads of the second encoding (default: every CPU; at most one per MB of text)"},
    },
    "The reference (H200, PyTorch 2.11, float32, vocabulary 35,560, context 256): training 591\n"
    "tokens/s at batch 4 and 5,148 at batch 32; generation 14.9 tokens/s at batch 1; on a 2-core\n"
    "CPU about 8 and 0.65.\n\n"
    "train --nproc-per-node N: the same steps on one process, then data-parallel on N ranks of this\n"
    "machine (each at --batch, gradients averaged as training does, steps eager); prints both\n"
    "tokens/s and the scaling efficiency, N ranks' tokens/s over N times one process's."};
    for (Option& option : rank_options())
        if (option.name == "nproc-per-node" || option.name == "rank-timeout")
            command.options.push_back(std::move(option));
    return command;
}

} // namespace

const Command& bench_command()
{
    static const Command kBench = make_bench_command();
    return kBench;
}

} // namespace i3::cli
