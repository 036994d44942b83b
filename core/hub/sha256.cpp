// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/sha256.h"

#include "base/error.h"

#include <openssl/evp.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

namespace i3 {

Sha256::Sha256() : context_(EVP_MD_CTX_new())
{
    if (!context_ || EVP_DigestInit_ex(context_, EVP_sha256(), nullptr) != 1)
        throw Error("OpenSSL could not start a SHA-256");
}

Sha256::~Sha256() { EVP_MD_CTX_free(context_); }

void Sha256::update(const char* data, size_t size)
{
    if (EVP_DigestUpdate(context_, data, size) != 1)
        throw Error("OpenSSL could not compute a SHA-256");
}

void Sha256::update_from_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("cannot open " + path.string() + ": " + std::strerror(errno));
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        update(buffer.data(), static_cast<size_t>(in.gcount()));
    }
    if (in.bad())
        throw Error("could not read " + path.string());
}

std::string Sha256::hex_digest()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(context_, digest, &length) != 1)
        throw Error("OpenSSL could not finish a SHA-256");
    static const char kHex[] = "0123456789abcdef";
    std::string text;
    for (unsigned int i = 0; i < length; ++i) {
        text += kHex[digest[i] >> 4];
        text += kHex[digest[i] & 15];
    }
    return text;
}

} // namespace i3
