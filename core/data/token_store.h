// SPDX-License-Identifier: GPL-3.0-or-later
// The encoded corpus on disk: encoded once, reused by later runs and by resume.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace i3 {

// The share of the tokens a run may hold out for validation: below one half, so that the model
// trains on most of the corpus.
inline constexpr double kMaxValidationFraction = 0.5;
// How many of `total` tokens the split holds out.
int64_t held_out_count(int64_t total, double validation_fraction);

// Where the corpus is cut in two: the first returned count of `total` tokens train, the last
// `validation_fraction` of them are held out. Throws i3::Error unless the training part is longer
// than context + 1 and the validation part, when there is one, can be evaluated.
int64_t training_token_count(int64_t total, double validation_fraction, int64_t context);

// Raw little-endian token files with a small header ("I3TOKENS", version, count, vocab size).
void write_token_file(const std::filesystem::path& path, const std::vector<int32_t>& tokens, int64_t vocab_size);
std::vector<int32_t> read_token_file(const std::filesystem::path& path, int64_t vocab_size);

} // namespace i3
