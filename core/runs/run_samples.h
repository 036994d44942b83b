// SPDX-License-Identifier: GPL-3.0-or-later
// samples.jsonl's lines as values: the texts a run sampled at each evaluation.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace i3 {

struct RunSample {
    int64_t step = 0;
    std::string prompt;
    std::string text; // the prompt and its continuation, decoded, as the reference prints it
    std::optional<std::string> continuation; // the new tokens decoded; unknown in older runs

    // The prompt as it was given followed by the continuation, so that a letter the vocabulary
    // lacks is not shown as <UNK>; `text` when the continuation is unknown.
    std::string as_typed() const { return continuation ? prompt + *continuation : text; }

    // One samples.jsonl object; empty when it is not one (a line of another program).
    static std::optional<RunSample> from_line(const nlohmann::json& line);
};

} // namespace i3
