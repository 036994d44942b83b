// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/chunk_tokenizer.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/json_file.h"
#include "text/unicode_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

namespace i3 {

namespace {

const std::string kDefaultUnkToken = "<UNK>";

// The 28 trigrams that always make a 3-code-point chunk.
constexpr std::string_view kTrigrams[] = {"the", "and", "ing", "ion", "tio", "for", "tha", "ter", "hat", "his",
                                          "ere", "ent", "her", "was", "you", "are", "not", "but", "can", "all",
                                          "whi", "one", "our", "out", "whe", "hav", "thi", "wit"};

// All of them are three letters a-z: one bit for each of the 26^3 such words answers "is this a
// trigram" with one load.
constexpr size_t kLetterWords = 26 * 26 * 26;

template <typename Char>
constexpr size_t letter_word_index(const Char* word)
{
    return (size_t(word[0] - 'a') * 26 + size_t(word[1] - 'a')) * 26 + size_t(word[2] - 'a');
}

struct TrigramBits {
    uint64_t words[(kLetterWords + 63) / 64] = {};
    constexpr TrigramBits()
    {
        for (const std::string_view trigram : kTrigrams) {
            const size_t index = letter_word_index(trigram.data());
            words[index / 64] |= uint64_t(1) << (index % 64);
        }
    }
};
constexpr TrigramBits kTrigramBits;

// Whether the three code points at `chunk` are one of the trigrams, without a branch: the
// segmentation's outcome is different from one chunk to the next, so branches on it are
// mispredicted half the time. An index computed from what is not three letters is replaced by
// that of "aaa", which is no trigram.
template <typename Char>
bool is_trigram(const Char* chunk)
{
    const uint32_t a = static_cast<uint32_t>(chunk[0]) - 'a';
    const uint32_t b = static_cast<uint32_t>(chunk[1]) - 'a';
    const uint32_t c = static_cast<uint32_t>(chunk[2]) - 'a';
    const bool letters = (a < 26) & (b < 26) & (c < 26);
    const size_t index = letters ? (size_t(a) * 26 + b) * 26 + c : 0;
    return (kTrigramBits.words[index / 64] >> (index % 64)) & 1;
}

// Whether the chunk at position p of a lowered text of n code points takes 3 code points
// (reference §5), for p + 3 <= n; Char is char for ASCII text, char32_t otherwise. The
// neighbours are read at a position clamped into the text and the test masked, not branched on.
template <typename Char>
bool takes_three(const Char* text, size_t n, size_t p)
{
    const bool space_before = (p > 0) & (text[p - (p > 0)] == Char(' '));
    const bool space_after = (p + 3 < n) & (text[p + 3 - (p + 3 == n)] == Char(' '));
    return space_before | space_after | is_trigram(text + p);
}

uint64_t code_point_of(char c) { return static_cast<unsigned char>(c); }
uint64_t code_point_of(char32_t c) { return c; }

// A chunk of 1 to 3 code points as one integer: 21 bits per code point (stored + 1 so that
// "absent" is 0), first code point highest. Comparing keys thus compares code points in order,
// a chunk sorting before its extensions, just as Python compares strings.
template <typename Char>
uint64_t pack_chunk(const Char* chunk, size_t length)
{
    uint64_t key = 0;
    for (size_t k = 0; k < 3; ++k)
        key = (key << 21) | (k < length ? code_point_of(chunk[k]) + 1 : 0);
    return key;
}

// The key of a chunk's first `length` code points, from the key of the whole chunk.
constexpr uint64_t kPrefixMask[] = {0, ~((uint64_t(1) << 42) - 1), ~((uint64_t(1) << 21) - 1), ~uint64_t(0)};

std::u32string unpack_chunk(uint64_t key)
{
    std::u32string chunk;
    for (int shift = 42; shift >= 0; shift -= 21) {
        const uint64_t field = (key >> shift) & 0x1FFFFF;
        if (field != 0)
            chunk.push_back(static_cast<char32_t>(field - 1));
    }
    return chunk;
}

// Calls visit(text, n) with the lowered text as bytes (ASCII) or as code points.
template <typename Visit>
void visit_lowered(const LoweredText& lowered, Visit&& visit)
{
    if (lowered.is_ascii())
        visit(lowered.ascii().data(), lowered.ascii().size());
    else
        visit(lowered.code_points().data(), lowered.code_points().size());
}

// The chunk at position p: returns its length and sets `key`. Where three code points are left,
// the key of all three is made and cut to the chunk's length by a mask.
template <typename Char>
size_t chunk_at(const Char* text, size_t n, size_t p, uint64_t& key)
{
    if (p + 3 <= n) {
        const size_t length = 2 + size_t(takes_three(text, n, p));
        key = pack_chunk(text + p, 3) & kPrefixMask[length];
        return length;
    }
    const size_t length = n - p; // 1 or 2
    key = pack_chunk(text + p, length);
    return length;
}

template <typename Char>
void count_chunks(const Char* text, size_t n, ChunkTable& counts)
{
    uint64_t key = 0;
    for (size_t p = 0; p < n;) {
        p += chunk_at(text, n, p, key);
        ++counts[key];
    }
}

// Encoding (reference §5): the whole chunk first, then ever shorter prefixes of it, else the
// unknown token for one code point.
template <typename Char, typename Id>
void append_ids(const Char* text, size_t n, const ChunkTable& vocabulary, int64_t unk_idx, std::vector<Id>& ids)
{
    uint64_t key = 0;
    for (size_t p = 0; p < n;) {
        size_t length = chunk_at(text, n, p, key);
        const int64_t* id = vocabulary.find(key);
        while (id == nullptr && length > 1) {
            --length;
            id = vocabulary.find(key & kPrefixMask[length]);
        }
        if (id != nullptr) {
            ids.push_back(static_cast<Id>(*id));
            p += length;
        } else {
            ids.push_back(static_cast<Id>(unk_idx));
            p += 1;
        }
    }
}

// ---- reading the JSON schema --------------------------------------------------------------------

std::string quoted(const std::string& text) { return json_excerpt(nlohmann::json(text)); }

// A JSON integer as an id; nullopt for anything else (floats and booleans included).
std::optional<int64_t> integer_of(const nlohmann::json& value)
{
    if (value.is_number_unsigned()) {
        const auto id = value.get<uint64_t>();
        return static_cast<int64_t>(std::min<uint64_t>(id, uint64_t(std::numeric_limits<int64_t>::max())));
    }
    if (value.is_number_integer())
        return value.get<int64_t>();
    return std::nullopt;
}

// An idx_to_chunk key: decimal digits only.
std::optional<int64_t> id_from_key(const std::string& key)
{
    if (key.empty() || key.size() > 18 || !std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return std::stoll(key);
}

const nlohmann::json& required_object(const nlohmann::json& json, const char* key, const std::string& source)
{
    const auto found = json.find(key);
    if (found == json.end())
        throw Error(source + ": missing \"" + key + "\"");
    if (!found->is_object())
        throw Error(source + ": \"" + key + "\" must be a JSON object, not " + found->type_name());
    return *found;
}

// idx_to_chunk as a vector indexed by id, checking that the ids are exactly 0..V-1.
std::vector<std::string> chunks_by_id(const nlohmann::json& idx_to_chunk, const std::string& source)
{
    const auto size = static_cast<int64_t>(idx_to_chunk.size());
    std::vector<std::string> chunks(idx_to_chunk.size());
    std::vector<bool> seen(idx_to_chunk.size(), false);
    for (const auto& [key, value] : idx_to_chunk.items()) {
        const auto id = id_from_key(key);
        if (!id)
            throw Error(source + ": idx_to_chunk key " + quoted(key) + " is not a non-negative integer id");
        if (*id >= size)
            throw Error(source + ": idx_to_chunk has id " + key + ", but with " + std::to_string(size) +
                        " entries the ids must run from 0 to " + std::to_string(size - 1) + " without holes");
        if (seen[*id])
            throw Error(source + ": idx_to_chunk has id " + std::to_string(*id) + " twice");
        if (!value.is_string())
            throw Error(source + ": idx_to_chunk[" + quoted(key) + "] must be a string, not " + value.type_name());
        seen[*id] = true;
        chunks[*id] = value.get<std::string>();
    }
    return chunks;
}

// chunk_to_idx must be the exact inverse of idx_to_chunk.
void check_inverse(const nlohmann::json& chunk_to_idx, const std::vector<std::string>& chunks, const std::string& source)
{
    if (chunk_to_idx.size() != chunks.size())
        throw Error(source + ": chunk_to_idx has " + std::to_string(chunk_to_idx.size()) + " entries but idx_to_chunk has " +
                    std::to_string(chunks.size()));
    std::vector<bool> seen(chunks.size(), false);
    for (const auto& [chunk, value] : chunk_to_idx.items()) {
        const auto id = integer_of(value);
        if (!id)
            throw Error(source + ": chunk_to_idx[" + quoted(chunk) + "] must be an integer id, not " + json_excerpt(value));
        if (*id < 0 || *id >= static_cast<int64_t>(chunks.size()))
            throw Error(source + ": chunk_to_idx[" + quoted(chunk) + "] = " + std::to_string(*id) +
                        " is outside the ids 0.." + std::to_string(chunks.size() - 1));
        if (seen[*id])
            throw Error(source + ": chunk_to_idx gives id " + std::to_string(*id) + " to two chunks");
        seen[*id] = true;
        if (chunks[*id] != chunk)
            throw Error(source + ": chunk_to_idx and idx_to_chunk disagree: chunk_to_idx[" + quoted(chunk) + "] = " +
                        std::to_string(*id) + " but idx_to_chunk[\"" + std::to_string(*id) + "\"] = " + quoted(chunks[*id]));
    }
}

} // namespace

ChunkTokenizer::ChunkTokenizer() : ChunkTokenizer({kDefaultUnkToken}, kDefaultUnkToken, 0) {}

ChunkTokenizer::ChunkTokenizer(std::vector<std::string> chunks, std::string unk_token, int64_t unk_idx)
    : chunks_(std::move(chunks)), unk_token_(std::move(unk_token)), unk_idx_(unk_idx)
{
    ids_.reserve(chunks_.size());
    short_ids_ = ChunkTable(chunks_.size());
    for (size_t id = 0; id < chunks_.size(); ++id) {
        ids_.emplace(chunks_[id], static_cast<int64_t>(id));
        const std::u32string text = decode_utf8(chunks_[id], "chunk " + std::to_string(id));
        // Encoding only ever looks up 1 to 3 code points; longer entries (like "<UNK>") never match.
        if (!text.empty() && text.size() <= 3)
            short_ids_[pack_chunk(text.data(), text.size())] = static_cast<int64_t>(id);
    }
}

std::vector<std::u32string> ChunkTokenizer::segment(std::u32string_view lowered)
{
    std::vector<std::u32string> chunks;
    uint64_t key = 0;
    for (size_t p = 0; p < lowered.size();) {
        const size_t length = chunk_at(lowered.data(), lowered.size(), p, key);
        chunks.emplace_back(lowered.substr(p, length));
        p += length;
    }
    return chunks;
}

// The table starts small and doubles as chunks come: a vocabulary of thousands of chunks then fits
// the processor's second-level cache, where one sized for the largest vocabularies would not.
ChunkTokenizer::Counter::Counter() = default;

void ChunkTokenizer::Counter::add(std::string_view utf8_text, const std::string& what)
{
    lowered_.assign(utf8_text, what);
    visit_lowered(lowered_, [&](const auto* text, size_t n) { count_chunks(text, n, counts_); });
}

ChunkTokenizer ChunkTokenizer::Counter::finish() const
{
    std::vector<std::pair<uint64_t, int64_t>> ranked = counts_.entries();
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    std::vector<std::string> chunks{kDefaultUnkToken};
    chunks.reserve(ranked.size() + 1);
    for (const auto& entry : ranked)
        chunks.push_back(encode_utf8(unpack_chunk(entry.first)));
    return ChunkTokenizer(std::move(chunks), kDefaultUnkToken, 0);
}

ChunkTokenizer ChunkTokenizer::build(const std::vector<std::string>& texts, std::optional<size_t> max_texts,
                                     const std::function<void(size_t, size_t)>& progress)
{
    const size_t total = std::min(texts.size(), max_texts.value_or(texts.size()));
    Counter counter;
    for (size_t i = 0; i < total; ++i) {
        counter.add(texts[i], "text " + std::to_string(i + 1));
        if (progress && ((i + 1) % 4096 == 0 || i + 1 == total))
            progress(i + 1, total);
    }
    return counter.finish();
}

void ChunkTokenizer::encode_append(std::string_view utf8_text, std::vector<int32_t>& ids, LoweredText& lowered) const
{
    lowered.assign(utf8_text, "text");
    visit_lowered(lowered, [&](const auto* text, size_t n) { append_ids(text, n, short_ids_, unk_idx_, ids); });
}

std::vector<int64_t> ChunkTokenizer::encode(std::string_view utf8_text) const
{
    LoweredText lowered;
    lowered.assign(utf8_text, "text");
    std::vector<int64_t> ids;
    visit_lowered(lowered, [&](const auto* text, size_t n) {
        ids.reserve(n / 2 + 1);
        append_ids(text, n, short_ids_, unk_idx_, ids);
    });
    return ids;
}

std::string ChunkTokenizer::token_text(int64_t id) const
{
    if (id < 0 || id >= vocab_size())
        return unk_token_;
    return chunks_[static_cast<size_t>(id)];
}

std::string ChunkTokenizer::decode(const std::vector<int64_t>& ids) const
{
    std::string text;
    for (const int64_t id : ids)
        text += token_text(id);
    return text;
}

std::optional<int64_t> ChunkTokenizer::id_of(const std::string& chunk) const
{
    const auto found = ids_.find(chunk);
    if (found == ids_.end())
        return std::nullopt;
    return found->second;
}

nlohmann::ordered_json ChunkTokenizer::to_json() const
{
    nlohmann::ordered_json chunk_to_idx = nlohmann::ordered_json::object();
    nlohmann::ordered_json idx_to_chunk = nlohmann::ordered_json::object();
    for (size_t id = 0; id < chunks_.size(); ++id) {
        chunk_to_idx[chunks_[id]] = id;
        idx_to_chunk[std::to_string(id)] = chunks_[id];
    }
    nlohmann::ordered_json json;
    json["chunk_to_idx"] = std::move(chunk_to_idx);
    json["idx_to_chunk"] = std::move(idx_to_chunk);
    json["vocab_size"] = vocab_size();
    json["unk_token"] = unk_token_;
    json["unk_idx"] = unk_idx_;
    return json;
}

ChunkTokenizer ChunkTokenizer::from_json(const nlohmann::json& json, const std::string& source)
{
    if (!json.is_object())
        throw Error(source + ": the top level must be a JSON object, not " + std::string(json.type_name()));
    const nlohmann::json& chunk_to_idx = required_object(json, "chunk_to_idx", source);
    std::vector<std::string> chunks = chunks_by_id(required_object(json, "idx_to_chunk", source), source);
    check_inverse(chunk_to_idx, chunks, source);
    if (chunks.empty())
        throw Error(source + ": the vocabulary is empty (not even the unknown token)");

    if (const auto found = json.find("vocab_size"); found != json.end()) {
        const auto size = integer_of(*found);
        if (!size)
            throw Error(source + ": vocab_size must be an integer, not " + json_excerpt(*found));
        if (*size != static_cast<int64_t>(chunks.size()))
            throw Error(source + ": vocab_size is " + std::to_string(*size) + " but the vocabulary has " +
                        std::to_string(chunks.size()) + " entries");
    }
    std::string unk_token = kDefaultUnkToken;
    if (const auto found = json.find("unk_token"); found != json.end()) {
        if (!found->is_string())
            throw Error(source + ": unk_token must be a string, not " + json_excerpt(*found));
        unk_token = found->get<std::string>();
    }
    int64_t unk_idx = 0;
    if (const auto found = json.find("unk_idx"); found != json.end()) {
        const auto id = integer_of(*found);
        if (!id)
            throw Error(source + ": unk_idx must be an integer, not " + json_excerpt(*found));
        unk_idx = *id;
    }
    if (unk_idx < 0 || unk_idx >= static_cast<int64_t>(chunks.size()))
        throw Error(source + ": unk_idx " + std::to_string(unk_idx) + " is outside the ids 0.." +
                    std::to_string(chunks.size() - 1));
    return ChunkTokenizer(std::move(chunks), std::move(unk_token), unk_idx);
}

ChunkTokenizer ChunkTokenizer::load(const std::filesystem::path& path)
{
    return from_json(read_json_file(path), path.string());
}

void ChunkTokenizer::save(const std::filesystem::path& path) const
{
    write_file_atomically(path, to_json().dump(-1, ' ', true));
}

} // namespace i3
