// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/text_sources.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/json_file.h"
#include "data/file_lines.h"
#include "data/json_text_field.h"
#include "formats/parquet_text_reader.h"
#include "text/unicode_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string_view>
#include <utility>

namespace i3 {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string where(const fs::path& file, size_t line)
{
    return file.string() + ", line " + std::to_string(line);
}

// "\"a\", \"b\"": names quoted and listed.
std::string quoted_list(const std::vector<std::string>& names)
{
    std::string list;
    for (const auto& name : names)
        list += (list.empty() ? "\"" : ", \"") + name + "\"";
    return list;
}

// The texts of one file of a text format: the formats below find each text, this skips the blank
// ones.
class FormatStream : public TextStream {
public:
    std::optional<std::string_view> next() override
    {
        while (const std::optional<std::string_view> text = next_text())
            if (!is_blank_text(*text))
                return text;
        return std::nullopt;
    }

protected:
    // The next text, blank or not; nullopt at the end.
    virtual std::optional<std::string_view> next_text() = 0;
};

// ---- .txt ------------------------------------------------------------------------------------

class TxtStream : public FormatStream {
public:
    explicit TxtStream(const fs::path& file) : lines_(file) {}
    uint64_t bytes_read() const override { return lines_.bytes_read(); }

private:
    // Paragraphs end at a blank line and at the end of the file.
    std::optional<std::string_view> next_text() override
    {
        paragraph_.clear();
        std::string_view line;
        while (lines_.next(line)) {
            if (is_blank_text(line))
                return std::string_view(paragraph_);
            if (!paragraph_.empty())
                paragraph_ += '\n';
            paragraph_ += line;
        }
        if (paragraph_.empty())
            return std::nullopt;
        return std::string_view(paragraph_);
    }

    FileLines lines_;
    std::string paragraph_;
};

// ---- .jsonl ----------------------------------------------------------------------------------

std::string field_names(const nlohmann::json& object)
{
    if (object.empty())
        return "the object has no fields";
    std::vector<std::string> names;
    for (const auto& item : object.items())
        names.push_back(item.key());
    return "the fields are " + quoted_list(names);
}

// The string field `field` of a JSON object that `place` names in messages.
std::string text_field_of(const nlohmann::json& object, const std::string& field, const std::string& place)
{
    if (!object.is_object())
        throw Error(place + ": expected a JSON object, found JSON type " + object.type_name());
    const auto value = object.find(field);
    if (value == object.end())
        throw Error(place + ": no field \"" + field + "\" (" + field_names(object) + ")");
    if (!value->is_string())
        throw Error(place + ": field \"" + field + "\" is not a string (JSON type " + value->type_name() + ")");
    return value->get<std::string>();
}

class JsonlStream : public FormatStream {
public:
    JsonlStream(const fs::path& file, std::string field) : lines_(file), field_(std::move(field)) {}
    uint64_t bytes_read() const override { return lines_.bytes_read(); }
    FileLines& lines() { return lines_; }

    // Reads `line`, already taken from lines(), as the next object's: by the scanner, else as a
    // whole JSON document, whose errors name the line.
    std::string_view take(std::string_view line)
    {
        if (json_text_field(line, field_, text_))
            return text_;
        const std::string place = where(lines_.path(), lines_.number());
        text_ = text_field_of(parse_json(std::string(line), place), field_, place);
        return text_;
    }

private:
    std::optional<std::string_view> next_text() override
    {
        std::string_view line;
        while (lines_.next(line))
            if (!is_blank_text(line))
                return take(line);
        return std::nullopt;
    }

    FileLines lines_;
    std::string field_;
    std::string text_;
};

// ---- .json -----------------------------------------------------------------------------------

// A whole JSON array of objects, parsed at once.
class JsonArrayStream : public FormatStream {
public:
    JsonArrayStream(const fs::path& file, std::string field) : file_(file), field_(std::move(field))
    {
        const std::string bytes = read_file(file);
        check_utf8(bytes, file.string());
        std::string_view body = bytes;
        if (body.substr(0, kByteOrderMark.size()) == kByteOrderMark)
            body.remove_prefix(kByteOrderMark.size());
        array_ = parse_json(std::string(body), file.string());
        size_ = bytes.size();
    }
    uint64_t bytes_read() const override { return array_.empty() ? size_ : size_ * next_ / array_.size(); }

private:
    std::optional<std::string_view> next_text() override
    {
        if (next_ >= array_.size())
            return std::nullopt;
        const std::string item = file_.string() + ", item " + std::to_string(next_ + 1);
        text_ = text_field_of(array_[next_++], field_, item);
        return std::string_view(text_);
    }

    fs::path file_;
    std::string field_;
    nlohmann::json array_;
    uint64_t size_ = 0;
    size_t next_ = 0;
    std::string text_;
};

// A JSON array when the first character that is not whitespace is '['; anything else is read as
// JSON Lines, which is how most .json files on the Hub are written.
class JsonStream : public TextStream {
public:
    JsonStream(const fs::path& file, const std::string& field)
    {
        auto lines = std::make_unique<JsonlStream>(file, field);
        std::string_view line;
        while (lines->lines().next(line)) {
            const size_t first = line.find_first_not_of(" \t\r\n");
            if (first == std::string_view::npos)
                continue;
            if (line[first] == '[') {
                texts_ = std::make_unique<JsonArrayStream>(file, field);
                return;
            }
            if (!is_blank_text(line))
                first_ = lines->take(line);
            break;
        }
        texts_ = std::move(lines);
    }

    std::optional<std::string_view> next() override
    {
        if (first_) {
            const std::optional<std::string> text = std::move(first_);
            first_.reset();
            current_ = *text;
            if (!is_blank_text(current_))
                return std::string_view(current_);
        }
        return texts_->next();
    }
    uint64_t bytes_read() const override { return texts_->bytes_read(); }

private:
    std::unique_ptr<TextStream> texts_;
    std::optional<std::string> first_; // the JSON Lines text read while looking for '['
    std::string current_;
};

// ---- .csv ------------------------------------------------------------------------------------

// Reads RFC 4180 records one at a time from a file's lines; a quoted field may span lines.
class CsvRecords {
public:
    explicit CsvRecords(const fs::path& file) : lines_(file) {}

    // Fills `fields` with the next record and returns the line it starts on; 0 at the end.
    size_t next(std::vector<std::string>& fields)
    {
        if (!lines_.next(line_))
            return 0;
        position_ = 0;
        const size_t first_line = lines_.number();
        fields.clear();
        while (true) {
            fields.push_back(at('"') ? quoted_field() : plain_field());
            if (!at(','))
                break;
            ++position_;
        }
        return first_line;
    }

    uint64_t bytes_read() const { return lines_.bytes_read(); }
    const fs::path& path() const { return lines_.path(); }

private:
    bool at(char c) const { return position_ < line_.size() && line_[position_] == c; }
    bool at_line_end() const { return position_ >= line_.size(); }

    std::string plain_field()
    {
        std::string field;
        while (!at(',') && !at_line_end())
            field += line_[position_++];
        return field;
    }

    std::string quoted_field()
    {
        const size_t opening_line = lines_.number();
        ++position_; // the opening quote
        std::string field;
        while (true) {
            if (at_line_end()) {
                // The field goes on on the next line; a CRLF inside it is kept as "\n".
                if (!lines_.next(line_))
                    throw Error(where(lines_.path(), opening_line) +
                                ": a quoted field starts here but never ends "
                                "(its closing quote is missing)");
                position_ = 0;
                field += '\n';
                continue;
            }
            const char c = line_[position_];
            if (c == '"') {
                if (position_ + 1 < line_.size() && line_[position_ + 1] == '"') {
                    field += '"';
                    position_ += 2;
                    continue;
                }
                ++position_;
                break;
            }
            field += c;
            ++position_;
        }
        if (!at(',') && !at_line_end())
            throw Error(where(lines_.path(), lines_.number()) +
                        ": a character follows the closing quote of a field (a quote inside "
                        "a quoted field is written as two quotes: \"\")");
        return field;
    }

    FileLines lines_;
    std::string_view line_;
    size_t position_ = 0;
};

std::string count_of_fields(size_t count)
{
    return std::to_string(count) + (count == 1 ? " field" : " fields");
}

// A blank line reads as a record of one empty field; it is not a row.
bool is_blank_record(const std::vector<std::string>& fields)
{
    return fields.size() == 1 && fields[0].empty();
}

size_t column_index(const std::vector<std::string>& header, const std::string& column, const fs::path& file)
{
    const auto found = std::find(header.begin(), header.end(), column);
    if (found != header.end())
        return static_cast<size_t>(found - header.begin());
    throw Error(file.string() + ": no column \"" + column + "\" in the header row (the columns are " +
                quoted_list(header) + ")");
}

class CsvStream : public FormatStream {
public:
    CsvStream(const fs::path& file, std::string column) : records_(file), column_(std::move(column)) {}
    uint64_t bytes_read() const override { return records_.bytes_read(); }

private:
    std::optional<std::string_view> next_text() override
    {
        if (!header_read_ && !read_header())
            return std::nullopt; // no header row: the file is empty
        while (const size_t line = records_.next(fields_)) {
            if (is_blank_record(fields_))
                continue;
            if (fields_.size() != header_.size())
                throw Error(where(records_.path(), line) + ": the row has " + count_of_fields(fields_.size()) +
                            " but the header row has " + count_of_fields(header_.size()));
            text_ = std::move(fields_[index_]);
            return std::string_view(text_);
        }
        return std::nullopt;
    }

    bool read_header()
    {
        header_read_ = true;
        do {
            if (records_.next(header_) == 0)
                return false;
        } while (is_blank_record(header_));
        index_ = column_index(header_, column_, records_.path());
        return true;
    }

    CsvRecords records_;
    std::string column_;
    bool header_read_ = false;
    std::vector<std::string> header_;
    size_t index_ = 0;
    std::vector<std::string> fields_;
    std::string text_;
};

// ---- .parquet --------------------------------------------------------------------------------

class ParquetStream : public TextStream {
public:
    ParquetStream(const fs::path& file, const std::string& column) : file_(file), reader_(file_, column) {}

    std::optional<std::string_view> next() override
    {
        while (const std::optional<std::string_view> text = reader_.next())
            if (!is_blank_text(*text))
                return text;
        return std::nullopt;
    }
    uint64_t bytes_read() const override { return reader_.position(); }

private:
    ParquetFile file_;
    ParquetTextReader reader_;
};

// ---- Dispatch --------------------------------------------------------------------------------

std::string lowercase_extension(const fs::path& file)
{
    std::string extension = file.extension().string();
    for (char& c : extension)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return extension;
}

// ---- Columns ---------------------------------------------------------------------------------

std::ifstream open_for_reading(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error("cannot open " + file.string() + ": " + std::strerror(errno));
    return in;
}

std::string without_byte_order_mark(std::string text)
{
    if (std::string_view(text).substr(0, kByteOrderMark.size()) == kByteOrderMark)
        text.erase(0, kByteOrderMark.size());
    return text;
}

// The fields of `object` that hold strings, in the file's order.
std::vector<std::string> string_fields(const nlohmann::ordered_json& object, const std::string& where)
{
    if (!object.is_object())
        throw Error(where + ": expected a JSON object, found JSON type " + object.type_name());
    std::vector<std::string> names, all;
    for (const auto& item : object.items()) {
        if (item.value().is_string())
            names.push_back(item.key());
        all.push_back(item.key());
    }
    if (names.empty())
        throw Error(where + ": no text column: no field holds a string (" +
            (all.empty() ? "the object has no fields" : "the fields are " + quoted_list(all)) + ")");
    return names;
}

// The first non-blank line of a .jsonl file (or of a .json file that is not an array).
std::vector<std::string> jsonl_columns(const fs::path& file)
{
    FileLines lines(file);
    std::string_view line;
    while (lines.next(line)) {
        const std::string place = where(file, lines.number());
        if (!is_blank_text(line))
            return string_fields(parse_ordered_json(std::string(line), place), place);
    }
    throw Error(file.string() + ": no text found (the file is empty or every line is blank)");
}

// An array's first object, or, as read_json() decides, the first line of JSON Lines.
std::vector<std::string> json_columns(const fs::path& file)
{
    std::ifstream in = open_for_reading(file);
    std::string mark(kByteOrderMark.size(), '\0');
    in.read(mark.data(), static_cast<std::streamsize>(mark.size()));
    if (mark != kByteOrderMark) {
        in.clear();
        in.seekg(0);
    }
    char first = 0;
    while (in.get(first) && (first == ' ' || first == '\t' || first == '\r' || first == '\n')) {
    }
    if (!in || first != '[')
        return jsonl_columns(file);
    const nlohmann::ordered_json array = parse_ordered_json(without_byte_order_mark(read_file(file)), file.string());
    if (array.empty())
        throw Error(file.string() + ": no text found (the array is empty)");
    return string_fields(array[0], file.string() + ", item 1");
}

std::vector<std::string> csv_columns(const fs::path& file)
{
    CsvRecords records(file);
    std::vector<std::string> header;
    do {
        if (records.next(header) == 0)
            throw Error(file.string() + ": no text found (the file is empty)");
    } while (is_blank_record(header));
    return header;
}

std::vector<std::string> parquet_columns(const fs::path& file)
{
    const ParquetFile parquet(file);
    std::vector<std::string> names, described;
    for (const auto& column : parquet.columns()) {
        if (column.text)
            names.push_back(column.name);
        described.push_back("\"" + column.name + "\" (" + column.type + ")");
    }
    if (names.empty()) {
        std::string list;
        for (const auto& column : described)
            list += (list.empty() ? "" : ", ") + column;
        throw Error(file.string() + ": no text column (the columns are " + (list.empty() ? "none" : list) + ")");
    }
    return names;
}

Error unsupported_type(const fs::path& file, const std::string& extension)
{
    return Error(file.string() + ": unsupported file type " +
        (extension.empty() ? "(no extension)" : "\"" + extension + "\"") +
        "; the supported types are .txt, .jsonl, .json, .csv and .parquet (or a folder of .parquet files)");
}

std::unique_ptr<TextStream> open_one_file(const fs::path& file, const std::string& field)
{
    const std::string extension = lowercase_extension(file);
    if (extension == ".parquet")
        return std::make_unique<ParquetStream>(file, field);
    if (extension == ".txt")
        return std::make_unique<TxtStream>(file);
    if (extension == ".jsonl")
        return std::make_unique<JsonlStream>(file, field);
    if (extension == ".json")
        return std::make_unique<JsonStream>(file, field);
    if (extension == ".csv")
        return std::make_unique<CsvStream>(file, field);
    throw unsupported_type(file, extension);
}

uint64_t size_or_zero(const fs::path& file)
{
    std::error_code error;
    const auto size = fs::file_size(file, error);
    return error ? 0 : size;
}

// One file or folder: its files one after the other, up to the limit; at the end, an error
// when it gave no text at all.
class SourceStream : public TextStream {
public:
    SourceStream(fs::path source, const TextReadOptions& options)
        : source_(std::move(source)), files_(source_files(source_)), field_(options.text_field), limit_(options.max_texts)
    {
    }

    std::optional<std::string_view> next() override
    {
        while (!limit_ || given_ < *limit_) {
            if (!current_) {
                if (next_file_ == files_.size())
                    break;
                current_ = open_one_file(files_[next_file_++], field_);
            }
            if (const std::optional<std::string_view> text = current_->next()) {
                ++given_;
                return text;
            }
            done_bytes_ += size_or_zero(files_[next_file_ - 1]);
            current_.reset();
        }
        if (given_ == 0)
            throw_no_text();
        return std::nullopt;
    }

    uint64_t bytes_read() const override { return done_bytes_ + (current_ ? current_->bytes_read() : 0); }

private:
    [[noreturn]] void throw_no_text() const
    {
        const bool folder = fs::is_directory(source_);
        throw Error(source_.string() + ": no text found (the " + (folder ? "files are" : "file is") +
                    " empty or every text in " + (folder ? "them" : "it") + " is blank)");
    }

    fs::path source_;
    std::vector<fs::path> files_;
    std::string field_;
    std::optional<size_t> limit_;
    size_t next_file_ = 0;
    std::unique_ptr<TextStream> current_;
    size_t given_ = 0;
    uint64_t done_bytes_ = 0;
};

// Several sources in order, sharing one limit.
class SourceListStream : public TextStream {
public:
    SourceListStream(std::vector<fs::path> sources, const TextReadOptions& options)
        : sources_(std::move(sources)), options_(options)
    {
    }

    std::optional<std::string_view> next() override
    {
        while (!options_.max_texts || given_ < *options_.max_texts) {
            if (!current_) {
                if (next_source_ == sources_.size())
                    break;
                TextReadOptions remaining = options_;
                if (options_.max_texts)
                    remaining.max_texts = *options_.max_texts - given_;
                current_ = std::make_unique<SourceStream>(sources_[next_source_++], remaining);
            }
            if (const std::optional<std::string_view> text = current_->next()) {
                ++given_;
                return text;
            }
            done_bytes_ += current_->bytes_read();
            current_.reset();
        }
        return std::nullopt;
    }

    uint64_t bytes_read() const override { return done_bytes_ + (current_ ? current_->bytes_read() : 0); }

private:
    std::vector<fs::path> sources_;
    TextReadOptions options_;
    size_t next_source_ = 0;
    std::unique_ptr<SourceStream> current_;
    size_t given_ = 0;
    uint64_t done_bytes_ = 0;
};

void check_limit(const TextReadOptions& options)
{
    if (options.max_texts && *options.max_texts == 0)
        throw Error("the maximum number of texts must be at least 1");
}

} // namespace

std::vector<fs::path> source_files(const fs::path& source)
{
    std::error_code error;
    if (!fs::is_directory(source, error))
        return {source};
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(source, error))
        if (entry.is_regular_file(error) && lowercase_extension(entry.path()) == ".parquet")
            files.push_back(entry.path());
    if (error)
        throw Error(source.string() + ": the folder cannot be read (" + error.message() + ")");
    if (files.empty())
        throw Error(source.string() + ": a folder of training data must hold .parquet files, and this one holds none");
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> text_columns(const fs::path& file)
{
    const std::string extension = lowercase_extension(file);
    if (extension == ".parquet")
        return parquet_columns(file);
    if (extension == ".jsonl")
        return jsonl_columns(file);
    if (extension == ".json")
        return json_columns(file);
    if (extension == ".csv")
        return csv_columns(file);
    if (extension == ".txt")
        return {};
    throw unsupported_type(file, extension);
}

std::unique_ptr<TextStream> open_texts(const fs::path& file, const TextReadOptions& options)
{
    check_limit(options);
    return std::make_unique<SourceStream>(file, options);
}

std::unique_ptr<TextStream> open_texts(const std::vector<fs::path>& files, const TextReadOptions& options)
{
    check_limit(options);
    if (files.empty())
        throw Error("no data files given");
    return std::make_unique<SourceListStream>(files, options);
}

std::vector<std::string> read_texts(const fs::path& file, const TextReadOptions& options)
{
    return collect_texts(*open_texts(file, options));
}

std::vector<std::string> read_texts(const std::vector<fs::path>& files, const TextReadOptions& options)
{
    return collect_texts(*open_texts(files, options));
}

CorpusStats corpus_stats(const std::vector<std::string>& texts)
{
    CorpusStats stats;
    stats.texts = texts.size();
    for (const auto& text : texts) {
        stats.bytes += text.size();
        // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
        stats.characters += static_cast<size_t>(std::count_if(
            text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    }
    return stats;
}

} // namespace i3
