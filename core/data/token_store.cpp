// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/token_store.h"

#include "base/atomic_file.h"
#include "base/error.h"

#include <cstring>

namespace i3 {

namespace {

constexpr char kMagic[8] = {'I', '3', 'T', 'O', 'K', 'E', 'N', 'S'};
constexpr uint32_t kVersion = 1;

struct TokenFileHeader {
    char magic[8];
    uint32_t version;
    uint32_t vocab_size;
    uint64_t count;
};

} // namespace

int64_t held_out_count(int64_t total, double validation_fraction)
{
    return static_cast<int64_t>(static_cast<double>(total) * validation_fraction);
}

int64_t training_token_count(int64_t total, double validation_fraction, int64_t context)
{
    if (total == 0)
        throw Error("the corpus is empty: no tokens to train on");
    if (!(validation_fraction >= 0 && validation_fraction < kMaxValidationFraction))
        throw Error("the validation fraction must be in [0, 0.5)");
    const int64_t held_out = held_out_count(total, validation_fraction);
    const int64_t kept = total - held_out;
    // A window needs context + 1 tokens (inputs and the targets one step later) and the reference
    // draws its start from [0, N - T - 1), so N must exceed T + 1.
    if (kept <= context + 1)
        throw Error("the corpus is too short: " + std::to_string(kept) + " training tokens, but a context of " +
                    std::to_string(context) + " needs more than " + std::to_string(context + 1));
    if (held_out > 0 && held_out < 2)
        throw Error("the validation split is too small to evaluate; use more data or a larger fraction");
    return kept;
}

void write_token_file(const std::filesystem::path& path, const std::vector<int32_t>& tokens, int64_t vocab_size)
{
    TokenFileHeader header{};
    std::memcpy(header.magic, kMagic, sizeof kMagic);
    header.version = kVersion;
    header.vocab_size = static_cast<uint32_t>(vocab_size);
    header.count = tokens.size();
    std::string bytes(reinterpret_cast<const char*>(&header), sizeof header);
    bytes.append(reinterpret_cast<const char*>(tokens.data()), tokens.size() * sizeof(int32_t));
    write_file_atomically(path, bytes);
}

std::vector<int32_t> read_token_file(const std::filesystem::path& path, int64_t vocab_size)
{
    const std::string bytes = read_file(path);
    TokenFileHeader header{};
    if (bytes.size() < sizeof header)
        throw Error(path.string() + ": too short to be a token file");
    std::memcpy(&header, bytes.data(), sizeof header);
    if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 || header.version != kVersion)
        throw Error(path.string() + ": not an i3 token file");
    if (bytes.size() != sizeof header + header.count * sizeof(int32_t))
        throw Error(path.string() + ": truncated or corrupt (size does not match its header)");
    if (static_cast<int64_t>(header.vocab_size) != vocab_size)
        throw Error(path.string() + ": made with a vocabulary of " + std::to_string(header.vocab_size) +
                    ", the tokenizer has " + std::to_string(vocab_size));
    std::vector<int32_t> tokens(header.count);
    std::memcpy(tokens.data(), bytes.data() + sizeof header, header.count * sizeof(int32_t));
    for (const int32_t id : tokens)
        if (id < 0 || id >= vocab_size)
            throw Error(path.string() + ": token id " + std::to_string(id) + " is outside the vocabulary");
    return tokens;
}

} // namespace i3
