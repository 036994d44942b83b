#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a large .txt corpus of pseudo-English paragraphs (one text per paragraph, blank lines
between), for measuring the token store on gigabytes: `make_text_corpus.py OUT.txt SIZE_MB`.

Words are letter strings drawn with Zipf frequencies, so the vocabulary of chunks is a few
thousand, as in English; a fixed seed makes the same bytes on every machine. Sentences are made
once and paragraphs drawn from them, which writes hundreds of MB a second."""
import itertools
import random
import sys

SEED = 2026
WORDS = 20000
SENTENCES = 200000


def make_words(rng):
    letters = "etaoinshrdlcumwfgypbvkjxqz"
    weights = [12.7, 9.1, 8.2, 7.5, 7.0, 6.7, 6.3, 6.1, 6.0, 4.3, 4.0, 2.8, 2.8, 2.4, 2.4, 2.2, 2.0, 2.0, 1.9,
               1.5, 1.0, 0.8, 0.2, 0.2, 0.1, 0.1]
    words = ["the", "and", "was", "you", "for", "not", "but", "all", "one", "out", "with", "that", "this", "have"]
    while len(words) < WORDS:
        words.append("".join(rng.choices(letters, weights, k=rng.randint(1, 9))))
    return words


def make_sentences(rng, words):
    zipf = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(words))))
    sentences = []
    for _ in range(SENTENCES):
        chosen = rng.choices(words, cum_weights=zipf, k=rng.randint(4, 18))
        chosen[0] = chosen[0].capitalize()
        sentences.append(" ".join(chosen) + rng.choice(".,.!?."))
    return sentences


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_text_corpus.py OUT.txt SIZE_MB")
    out, size = sys.argv[1], int(float(sys.argv[2]) * 1_000_000)
    rng = random.Random(SEED)
    sentences = make_sentences(rng, make_words(rng))
    written = 0
    with open(out, "w", encoding="utf-8", newline="\n") as file:
        while written < size:
            block = "\n\n".join(" ".join(rng.choices(sentences, k=rng.randint(1, 8))) for _ in range(10000)) + "\n\n"
            file.write(block)
            written += len(block)
    print(f"{out}: {written} bytes")


if __name__ == "__main__":
    main()
