// SPDX-License-Identifier: GPL-3.0-or-later
// The default training data: simple English children's stories and short user/assistant
// dialogues, made by a deterministic generator written for i3 Studio (word lists and templates
// of our own, no downloaded text). A tiny model trained on it writes readable sentences, and the
// reference's sample prompts ("hello", "user: tell me", "once upon a time") begin many texts.
#pragma once

#include <string>
#include <vector>

namespace i3 {

// About 3 MB of text, one story or dialogue per text; the same bytes on every machine and run.
// Dialogues are lines "user: ..." and "assistant: ..." joined by "\n"; a story's paragraphs are
// separated by a blank line.
std::vector<std::string> builtin_corpus_texts();

// One sentence for the user: what the corpus holds, with the number of texts.
std::string builtin_corpus_description();

} // namespace i3
