#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the three files of about 9 MB that docs/performance.md times the chunk tokenizer on:

  builtin3   the built-in corpus three times over (nearly all ASCII);
  zipf9      pseudo-English: letter strings drawn with Zipf frequencies, capitals, digits and
             punctuation; a fifth of the texts hold one curly quote, dash or accented letter, as
             TinyStories does;
  mixed9     nearly every text mixes English with accented Latin, Greek (capitals whose sigmas
             lower to final and non-final forms), Cyrillic, CJK and emoji: the worst case for the
             tokenizer, where no text is ASCII.

usage: make_tokenizer_texts.py OUT_DIR [--builtin-corpus PROGRAM]

Each NAME gets NAME.jsonl ({"text": ...} a line, non-ASCII written as \\uXXXX escapes, as Python's
json.dumps does by default), NAME.json (a JSON list of the same texts, what
tests/fixtures/reference_tokenizer.py reads) and NAME.txt (the texts joined by blank lines, for
`i3lm tokenizer encode`, which reads a file as one text). PROGRAM writes the built-in corpus as JSON
Lines (default: build/app/i3-builtin-corpus). Fixed seeds: the same bytes on every machine."""
import itertools
import json
import os
import random
import subprocess
import sys

TARGET_BYTES = 9_000_000  # of UTF-8 text in each generated file
LETTERS = "etaoinshrdlcumwfgypbvkjxqz"
LETTER_WEIGHTS = [12.7, 9.1, 8.2, 7.5, 7.0, 6.7, 6.3, 6.1, 6.0, 4.3, 4.0, 2.8, 2.8, 2.4, 2.4, 2.2, 2.0, 2.0, 1.9,
                  1.5, 1.0, 0.8, 0.2, 0.2, 0.1, 0.1]
COMMON_WORDS = ["the", "and", "was", "you", "for", "not", "but", "all", "one", "out", "with", "that", "this", "have"]

# What TinyStories-like text holds beside ASCII, one of them in a fifth of the texts.
TYPOGRAPHY = ["\u2019", "\u201c", "\u201d", "\u2014", "\u2013", "caf\u00e9", "na\u00efve", "\u00e9t\u00e9"]

# Words of each script for the mixed texts, capitals included, so that lowering matters.
ACCENTED_LATIN = ["caf\u00e9", "\u00c9cole", "\u00e9t\u00e9", "na\u00efve", "Stra\u00dfe", "M\u00fcller",
                  "\u00fcber", "GR\u00d6SSE", "ni\u00f1o", "Se\u00f1or", "ma\u00f1ana", "\u0141\u00f3d\u017a",
                  "\u017c\u00f3\u0142w", "\u0160koda", "\u010ce\u0161ka", "\u00c5ngstr\u00f6m", "d\u00e9j\u00e0",
                  "fa\u00e7ade", "\u00c7A", "Dvo\u0159\u00e1k", "\u0130stanbul", "\u00d8resund", "S\u00c3O"]
GREEK = ["\u039f\u0394\u039f\u03a3", "\u039a\u038c\u03a3\u039c\u039f\u03a3", "\u03bb\u03cc\u03b3\u03bf\u03c2",
         "\u0391\u0398\u0397\u039d\u0391", "\u03a3\u0391\u03a3", "\u039f\u03a3\u039f\u0399",
         "\u0398\u03ac\u03bb\u03b1\u03c3\u03c3\u03b1", "\u03a3\u03bf\u03c6\u03af\u03b1",
         "\u0399\u03a3\u03a4\u039f\u03a1\u0399\u0391", "\u03b5\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac",
         "\u0391\u03a3'", "\u03a0\u0391\u039d\u03a3.", "\u039d\u0397\u03a3\u039f\u03a3", "\u03a6\u03a9\u03a3"]
CYRILLIC = ["\u041f\u0440\u0438\u0432\u0435\u0442", "\u041c\u0418\u0420", "\u043a\u043d\u0438\u0433\u0430",
            "\u041c\u043e\u0441\u043a\u0432\u0430", "\u0425\u041b\u0415\u0411", "\u0432\u043e\u0434\u0430",
            "\u0421\u043f\u0430\u0441\u0438\u0431\u043e", "\u0414\u0420\u0423\u0413", "\u0451\u0436\u0438\u043a",
            "\u0423\u043a\u0440\u0430\u0457\u043d\u0430", "\u0404\u0432\u0440\u043e\u043f\u0430"]
CJK = ["\u4e2d\u6587", "\u65e5\u672c\u8a9e", "\u6771\u4eac", "\u5317\u4eac", "\u6f22\u5b57", "\u3053\u3093\u306b\u3061\u306f",
       "\u30ab\u30bf\u30ab\u30ca", "\ud55c\uad6d\uc5b4", "\u5b66\u751f", "\u7535\u8111", "\u4f60\u597d"]
EMOJI = ["\U0001f600", "\U0001f389", "\U0001f44d\U0001f3fd", "\u2764\ufe0f", "\U0001f680", "\U0001f431",
         "\U0001f30d", "\u2728", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f355"]
SCRIPTS = [ACCENTED_LATIN, GREEK, CYRILLIC, CJK, EMOJI]


def zipf_words(rng, count):
    words = list(COMMON_WORDS)
    while len(words) < count:
        words.append("".join(rng.choices(LETTERS, LETTER_WEIGHTS, k=rng.randint(1, 9))))
    return words, list(itertools.accumulate(1.0 / (rank + 1) for rank in range(count)))


def zipf_sentence(rng, words, zipf, length):
    chosen = rng.choices(words, cum_weights=zipf, k=length)
    chosen[0] = chosen[0].capitalize()
    for k in range(1, len(chosen)):
        if rng.random() < 0.03:
            chosen[k] = str(rng.randint(0, 2026))
        elif rng.random() < 0.04:
            chosen[k] = chosen[k].capitalize()
    return " ".join(chosen) + rng.choice(".,.!?.;:")


def until_full(make_text):
    texts, size = [], 0
    while size < TARGET_BYTES:
        text = make_text()
        texts.append(text)
        size += len(text.encode("utf-8"))
    return texts


def zipf_english(rng):
    words, zipf = zipf_words(rng, 30000)

    def text():
        sentences = [zipf_sentence(rng, words, zipf, rng.randint(4, 22)) for _ in range(rng.randint(4, 28))]
        if rng.random() < 0.2:
            k = rng.randrange(len(sentences))
            sentences[k] += " " + rng.choice(TYPOGRAPHY)
        return " ".join(sentences)

    return until_full(text)


def mixed_scripts(rng):
    words, zipf = zipf_words(rng, 300)

    def phrase(script):
        return " ".join(rng.choice(script) for _ in range(rng.randint(1, 4)))

    def text():
        # Every script at least once, then more phrases of any of them, between English sentences.
        scripts = SCRIPTS + [rng.choice(SCRIPTS) for _ in range(rng.randint(2, 10))]
        rng.shuffle(scripts)
        return " ".join(zipf_sentence(rng, words, zipf, rng.randint(2, 9)) + " " + phrase(script) for script in scripts)

    return until_full(text)


def builtin_three_times(program):
    lines = subprocess.run([program], check=True, capture_output=True, text=True, encoding="utf-8").stdout
    texts = [json.loads(line)["text"] for line in lines.splitlines()]
    return texts * 3


def write(out_dir, name, texts):
    base = os.path.join(out_dir, name)
    with open(base + ".jsonl", "w", encoding="utf-8", newline="\n") as f:
        f.writelines(json.dumps({"text": text}) + "\n" for text in texts)
    with open(base + ".json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(texts, f)
    with open(base + ".txt", "w", encoding="utf-8", newline="\n") as f:
        f.write("\n\n".join(texts) + "\n")
    size = sum(len(text.encode("utf-8")) for text in texts)
    points = sum(len(text) for text in texts)
    print(f"{base}.jsonl, .json, .txt: {len(texts)} texts, {size / 1e6:.2f} MB, {points / 1e6:.2f} million code points")


def main():
    args = sys.argv[1:]
    program = "build/app/i3-builtin-corpus"
    if len(args) == 3 and args[1] == "--builtin-corpus":
        program = args[2]
    elif len(args) != 1:
        sys.exit(__doc__)
    out_dir = args[0]
    os.makedirs(out_dir, exist_ok=True)
    write(out_dir, "builtin3", builtin_three_times(program))
    write(out_dir, "zipf9", zipf_english(random.Random(2026)))
    write(out_dir, "mixed9", mixed_scripts(random.Random(2027)))


if __name__ == "__main__":
    main()
