// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/token_cache.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/json_file.h"
#include "hub/sha256.h"

#include <cstdlib>

namespace i3 {

namespace {

namespace fs = std::filesystem;

// Changes when reading or encoding changes what an entry would hold, so old entries are not used.
constexpr int kCacheFormat = 1;
// Hexadecimal digits of a hash in a file name: enough that two names never meet.
constexpr size_t kNameDigits = 24;

std::string sha256_of(const std::string& text)
{
    Sha256 sha;
    sha.update(text.data(), text.size());
    return sha.hex_digest();
}

const char* environment(const char* name)
{
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}

// Runs `write`, turning the file system's own exceptions into a message that says what to do.
template <typename Write>
auto writing_to(const fs::path& folder, Write&& write)
{
    try {
        return write();
    } catch (const fs::filesystem_error& error) {
        throw Error("cannot write the token cache " + folder.string() + ": " + error.code().message() +
                    " (set I3_TOKEN_CACHE to a folder that can be written)");
    }
}

} // namespace

fs::path default_token_cache()
{
    if (const char* folder = environment("I3_TOKEN_CACHE"))
        return folder;
    if (const char* cache = environment("XDG_CACHE_HOME"))
        return fs::path(cache) / "i3-studio" / "tokens";
    if (const char* home = environment("HOME"))
        return fs::path(home) / ".cache" / "i3-studio" / "tokens";
    return fs::temp_directory_path() / "i3-studio-tokens";
}

std::string tokenizer_hash(const ChunkTokenizer& tokenizer) { return sha256_of(tokenizer.to_json().dump()); }

TokenCache::Entry TokenCache::entry(const nlohmann::json& name, const std::string& variant, const nlohmann::json& state,
                                    const char* extension) const
{
    Entry entry;
    entry.family = sha256_of(nlohmann::json{{"format", kCacheFormat}, {"name", name}}.dump()).substr(0, kNameDigits);
    std::string file = entry.family;
    if (!variant.empty())
        file += "-" + variant.substr(0, kNameDigits);
    entry.path = folder_ / (file + extension);
    entry.key = sha256_of(
        nlohmann::json{{"format", kCacheFormat}, {"name", name}, {"variant", variant}, {"state", state}}.dump());
    return entry;
}

std::shared_ptr<const TokenFile> TokenCache::find_tokens(const Entry& entry, int64_t vocab_size,
                                                         std::vector<std::string>& notes) const
{
    std::error_code error;
    if (!fs::exists(entry.path, error))
        return nullptr;
    try {
        std::shared_ptr<const TokenFile> file = TokenFile::open(entry.path, vocab_size);
        return file->key() == entry.key ? file : nullptr;
    } catch (const Error& damage) {
        notes.push_back(std::string(damage.what()) + "; encoding it again");
        return nullptr;
    }
}

std::shared_ptr<const TokenFile> TokenCache::store_tokens(const Entry& entry, int64_t vocab_size,
                                                          const std::function<void(const fs::path&)>& write) const
{
    writing_to(folder_, [&] {
        fs::create_directories(folder_);
        write_atomically(entry.path, write);
    });
    remove_other_variants(entry);
    return TokenFile::open(entry.path, vocab_size);
}

void TokenCache::remove_other_variants(const Entry& entry) const
{
    std::error_code error;
    const std::string prefix = entry.family + "-";
    for (const auto& item : fs::directory_iterator(folder_, error)) {
        const std::string name = item.path().filename().string();
        if (name.compare(0, prefix.size(), prefix) == 0 && item.path() != entry.path &&
            item.path().extension() == entry.path.extension())
            fs::remove(item.path(), error); // another process may have removed it first
    }
}

std::optional<ChunkTokenizer> TokenCache::find_tokenizer(const Entry& entry, std::vector<std::string>& notes) const
{
    std::error_code error;
    if (!fs::exists(entry.path, error))
        return std::nullopt;
    try {
        const nlohmann::json saved = read_json_file(entry.path);
        if (!saved.is_object() || saved.value("key", std::string()) != entry.key)
            return std::nullopt;
        return ChunkTokenizer::from_json(saved.at("tokenizer"), entry.path.string());
    } catch (const std::exception& damage) {
        notes.push_back(std::string(damage.what()) + "; building the vocabulary again");
        return std::nullopt;
    }
}

void TokenCache::store_tokenizer(const Entry& entry, const ChunkTokenizer& tokenizer) const
{
    const nlohmann::ordered_json saved = {{"key", entry.key}, {"tokenizer", tokenizer.to_json()}};
    writing_to(folder_, [&] {
        fs::create_directories(folder_);
        write_file_atomically(entry.path, saved.dump());
    });
}

} // namespace i3
