// SPDX-License-Identifier: GPL-3.0-or-later
// Texts handed out one at a time, so that a corpus far larger than memory can be read, counted
// and encoded in one pass: what every source of training data is read through.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace i3 {

class TextStream {
public:
    virtual ~TextStream() = default;

    // The next text that is not blank (not only whitespace), nullopt after the last. The view
    // stays valid until the next call. Throws i3::Error for malformed input.
    virtual std::optional<std::string_view> next() = 0;
    // How far it has read, in bytes of its files: for progress against their sizes.
    virtual uint64_t bytes_read() const = 0;
};

// Whether a text holds nothing but whitespace; such texts are never training texts.
bool is_blank_text(std::string_view text);

// The texts of a list held in memory (the built-in corpus), blank ones skipped.
class VectorTextStream : public TextStream {
public:
    explicit VectorTextStream(std::vector<std::string> texts) : texts_(std::move(texts)) {}
    std::optional<std::string_view> next() override;
    uint64_t bytes_read() const override { return bytes_; }

private:
    std::vector<std::string> texts_;
    size_t next_ = 0;
    uint64_t bytes_ = 0;
};

// At most `limit` texts of another stream.
class LimitedTextStream : public TextStream {
public:
    LimitedTextStream(std::unique_ptr<TextStream> texts, size_t limit) : texts_(std::move(texts)), left_(limit) {}
    std::optional<std::string_view> next() override;
    uint64_t bytes_read() const override { return texts_->bytes_read(); }

private:
    std::unique_ptr<TextStream> texts_;
    size_t left_;
};

// Every text of a stream, in memory: for small corpora and for tests.
std::vector<std::string> collect_texts(TextStream& texts);

} // namespace i3
