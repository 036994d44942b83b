// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/text_stream.h"

namespace i3 {

bool is_blank_text(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

std::optional<std::string_view> VectorTextStream::next()
{
    while (next_ < texts_.size()) {
        const std::string& text = texts_[next_++];
        bytes_ += text.size();
        if (!is_blank_text(text))
            return std::string_view(text);
    }
    return std::nullopt;
}

std::optional<std::string_view> LimitedTextStream::next()
{
    if (left_ == 0)
        return std::nullopt;
    const std::optional<std::string_view> text = texts_->next();
    if (text)
        --left_;
    return text;
}

std::vector<std::string> collect_texts(TextStream& texts)
{
    std::vector<std::string> all;
    while (const std::optional<std::string_view> text = texts.next())
        all.emplace_back(*text);
    return all;
}

} // namespace i3
