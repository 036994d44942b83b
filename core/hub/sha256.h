// SPDX-License-Identifier: GPL-3.0-or-later
// SHA-256 over bytes that arrive in pieces (OpenSSL's libcrypto does the work): how a Hub LFS
// file's bytes are checked against its ETag.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

typedef struct evp_md_ctx_st EVP_MD_CTX;

namespace i3 {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(const char* data, size_t size);
    // Adds the whole of a file (a partial download being resumed).
    void update_from_file(const std::filesystem::path& path);
    // 64 lower-case hexadecimal digits; the object is spent afterwards.
    std::string hex_digest();

private:
    EVP_MD_CTX* context_;
};

} // namespace i3
