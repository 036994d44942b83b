// SPDX-License-Identifier: GPL-3.0-or-later
// i3-builtin-corpus: writes the built-in corpus to standard output as JSON Lines, one {"text": ...}
// object a line, for scripts/make_tokenizer_texts.py, which makes the tokenizer's measurement
// files from it. Built beside i3lm, never installed.
#include "data/builtin_corpus.h"

#include <nlohmann/json.hpp>

#include <iostream>

int main()
{
    for (const std::string& text : i3::builtin_corpus_texts()) {
        nlohmann::json line = nlohmann::json::object();
        line["text"] = text;
        std::cout << line.dump() << '\n';
    }
    return std::cout.good() ? 0 : 1;
}
