// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/text_sources.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/json_file.h"
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

bool is_blank(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

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

// Gathers the texts of one file: drops blank ones and says when the limit is reached, so the
// readers can stop early on a large file.
class TextCollector {
public:
    explicit TextCollector(std::optional<size_t> limit)
        : limit_(limit)
    {
    }

    bool full() const { return limit_ && texts_.size() >= *limit_; }

    void add(std::string text)
    {
        if (!is_blank(text))
            texts_.push_back(std::move(text));
    }

    std::vector<std::string> take() { return std::move(texts_); }

private:
    std::optional<size_t> limit_;
    std::vector<std::string> texts_;
};

// Hands out the lines of a text one by one, without their "\n" and trailing "\r", counting from 1.
class LineReader {
public:
    explicit LineReader(std::string_view text)
        : rest_(text)
    {
    }

    bool next(std::string_view& line)
    {
        if (finished_)
            return false;
        const size_t end = rest_.find('\n');
        line = rest_.substr(0, end);
        if (end == std::string_view::npos)
            finished_ = true;
        else
            rest_.remove_prefix(end + 1);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        ++number_;
        return true;
    }

    size_t number() const { return number_; }

private:
    std::string_view rest_;
    size_t number_ = 0;
    bool finished_ = false;
};

// ---- .txt ------------------------------------------------------------------------------------

void read_txt(std::string_view body, TextCollector& texts)
{
    LineReader lines(body);
    std::string paragraph;
    std::string_view line;
    while (!texts.full() && lines.next(line)) {
        if (is_blank(line)) {
            texts.add(std::move(paragraph));
            paragraph.clear();
            continue;
        }
        if (!paragraph.empty())
            paragraph += '\n';
        paragraph += line;
    }
    if (!texts.full())
        texts.add(std::move(paragraph));
}

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

void read_jsonl(std::string_view body, const fs::path& file, const std::string& field, TextCollector& texts)
{
    LineReader lines(body);
    std::string_view line;
    while (!texts.full() && lines.next(line)) {
        if (is_blank(line))
            continue;
        const nlohmann::json object = parse_json(std::string(line), where(file, lines.number()));
        if (!object.is_object())
            throw Error(
                where(file, lines.number()) + ": expected a JSON object, found JSON type " + object.type_name());
        const auto value = object.find(field);
        if (value == object.end())
            throw Error(where(file, lines.number()) + ": no field \"" + field + "\" (" + field_names(object) + ")");
        if (!value->is_string())
            throw Error(where(file, lines.number()) + ": field \"" + field + "\" is not a string (JSON type " +
                value->type_name() + ")");
        texts.add(value->get<std::string>());
    }
}

// ---- .json -----------------------------------------------------------------------------------

// A JSON array of objects, as a whole document; anything else is read as JSON Lines, which is how
// most .json files on the Hub are written.
void read_json(std::string_view body, const fs::path& file, const std::string& field, TextCollector& texts)
{
    const size_t first = body.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || body[first] != '[')
        return read_jsonl(body, file, field, texts);
    const nlohmann::json array = parse_json(std::string(body), file.string());
    for (size_t i = 0; i < array.size() && !texts.full(); ++i) {
        const std::string item = file.string() + ", item " + std::to_string(i + 1);
        const nlohmann::json& object = array[i];
        if (!object.is_object())
            throw Error(item + ": expected a JSON object, found JSON type " + object.type_name());
        const auto value = object.find(field);
        if (value == object.end())
            throw Error(item + ": no field \"" + field + "\" (" + field_names(object) + ")");
        if (!value->is_string())
            throw Error(item + ": field \"" + field + "\" is not a string (JSON type " + value->type_name() + ")");
        texts.add(value->get<std::string>());
    }
}

// ---- .csv ------------------------------------------------------------------------------------

// Reads RFC 4180 records one at a time, keeping count of lines for messages.
class CsvReader {
public:
    CsvReader(std::string_view body, const fs::path& file)
        : body_(body)
        , file_(file)
    {
    }

    // Fills `fields` with the next record and returns the line it starts on; 0 at the end.
    size_t next(std::vector<std::string>& fields)
    {
        if (position_ >= body_.size())
            return 0;
        const size_t first_line = line_;
        fields.clear();
        while (true) {
            fields.push_back(at('"') ? quoted_field() : plain_field());
            if (!at(','))
                break;
            ++position_;
        }
        skip_line_end();
        return first_line;
    }

private:
    bool at(char c) const { return position_ < body_.size() && body_[position_] == c; }

    bool at_line_end() const
    {
        return position_ >= body_.size() || at('\n') ||
            (at('\r') && (position_ + 1 == body_.size() || body_[position_ + 1] == '\n'));
    }

    void skip_line_end()
    {
        if (at('\r'))
            ++position_;
        if (at('\n')) {
            ++position_;
            ++line_;
        }
    }

    std::string plain_field()
    {
        std::string field;
        while (!at(',') && !at_line_end())
            field += body_[position_++];
        return field;
    }

    std::string quoted_field()
    {
        const size_t opening_line = line_;
        ++position_; // the opening quote
        std::string field;
        while (true) {
            if (position_ >= body_.size())
                throw Error(where(file_, opening_line) +
                    ": a quoted field starts here but never ends "
                    "(its closing quote is missing)");
            const char c = body_[position_];
            if (c == '"') {
                if (position_ + 1 < body_.size() && body_[position_ + 1] == '"') {
                    field += '"';
                    position_ += 2;
                    continue;
                }
                ++position_;
                break;
            }
            if (c == '\r' && position_ + 1 < body_.size() && body_[position_ + 1] == '\n') {
                ++position_; // a CRLF inside the field is kept as "\n"
                continue;
            }
            if (c == '\n')
                ++line_;
            field += c;
            ++position_;
        }
        if (!at(',') && !at_line_end())
            throw Error(where(file_, line_) +
                ": a character follows the closing quote of a field (a quote inside "
                "a quoted field is written as two quotes: \"\")");
        return field;
    }

    std::string_view body_;
    const fs::path& file_;
    size_t position_ = 0;
    size_t line_ = 1;
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

void read_csv(std::string_view body, const fs::path& file, const std::string& column, TextCollector& texts)
{
    CsvReader records(body, file);
    std::vector<std::string> header;
    do {
        if (records.next(header) == 0)
            return; // no header row: the file is empty
    } while (is_blank_record(header));
    const size_t index = column_index(header, column, file);

    std::vector<std::string> fields;
    while (!texts.full()) {
        const size_t line = records.next(fields);
        if (line == 0)
            break;
        if (is_blank_record(fields))
            continue;
        if (fields.size() != header.size())
            throw Error(where(file, line) + ": the row has " + count_of_fields(fields.size()) +
                " but the header row has " + count_of_fields(header.size()));
        texts.add(std::move(fields[index]));
    }
}

// ---- .parquet --------------------------------------------------------------------------------

void read_parquet(const fs::path& file, const std::string& column, TextCollector& texts)
{
    const ParquetFile parquet(file);
    ParquetTextReader reader(parquet, column);
    while (!texts.full()) {
        const std::optional<std::string_view> text = reader.next();
        if (!text)
            break;
        texts.add(std::string(*text));
    }
}

// ---- Dispatch --------------------------------------------------------------------------------

std::string lowercase_extension(const fs::path& file)
{
    std::string extension = file.extension().string();
    for (char& c : extension)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return extension;
}

void read_text_file(const fs::path& file, const std::string& extension, const std::string& field, TextCollector& texts)
{
    const std::string bytes = read_file(file);
    if (!is_valid_utf8(bytes))
        decode_utf8(bytes, file.string()); // throws, naming the byte offset and line of the first bad byte
    std::string_view body = bytes;
    if (body.substr(0, kByteOrderMark.size()) == kByteOrderMark)
        body.remove_prefix(kByteOrderMark.size());
    if (extension == ".txt")
        read_txt(body, texts);
    else if (extension == ".jsonl")
        read_jsonl(body, file, field, texts);
    else if (extension == ".json")
        read_json(body, file, field, texts);
    else
        read_csv(body, file, field, texts);
}

Error unsupported_type(const fs::path& file, const std::string& extension)
{
    return Error(file.string() + ": unsupported file type " +
        (extension.empty() ? "(no extension)" : "\"" + extension + "\"") +
        "; the supported types are .txt, .jsonl, .json, .csv and .parquet (or a folder of .parquet files)");
}

void read_one_file(const fs::path& file, const std::string& field, TextCollector& texts)
{
    const std::string extension = lowercase_extension(file);
    if (extension == ".parquet")
        read_parquet(file, field, texts);
    else if (extension == ".txt" || extension == ".jsonl" || extension == ".json" || extension == ".csv")
        read_text_file(file, extension, field, texts);
    else
        throw unsupported_type(file, extension);
}

// ---- Columns ---------------------------------------------------------------------------------

// A CSV header longer than this is not one.
constexpr size_t kHeaderProbeBytes = size_t{1} << 20;

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
    std::ifstream in = open_for_reading(file);
    std::string line;
    for (size_t number = 1; std::getline(in, line); ++number) {
        if (number == 1)
            line = without_byte_order_mark(std::move(line));
        if (!is_blank(line))
            return string_fields(parse_ordered_json(line, where(file, number)), where(file, number));
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
    std::ifstream in = open_for_reading(file);
    std::string probe(kHeaderProbeBytes, '\0');
    in.read(probe.data(), static_cast<std::streamsize>(probe.size()));
    probe.resize(static_cast<size_t>(in.gcount()));
    probe = without_byte_order_mark(std::move(probe));
    CsvReader records(probe, file);
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

std::vector<std::string> read_texts(const fs::path& file, const TextReadOptions& options)
{
    if (options.max_texts && *options.max_texts == 0)
        throw Error("the maximum number of texts must be at least 1");
    TextCollector texts(options.max_texts);
    for (const auto& part : source_files(file)) {
        if (texts.full())
            break;
        read_one_file(part, options.text_field, texts);
    }
    std::vector<std::string> result = texts.take();
    if (result.empty())
        throw Error(file.string() + ": no text found (the " + (fs::is_directory(file) ? "files are" : "file is") +
            " empty or every text in " + (fs::is_directory(file) ? "them" : "it") + " is blank)");
    return result;
}

std::vector<std::string> read_texts(const std::vector<fs::path>& files, const TextReadOptions& options)
{
    if (files.empty())
        throw Error("no data files given");
    std::vector<std::string> all;
    TextReadOptions remaining = options;
    for (const auto& file : files) {
        if (options.max_texts) {
            if (all.size() >= *options.max_texts)
                break;
            remaining.max_texts = *options.max_texts - all.size();
        }
        std::vector<std::string> texts = read_texts(file, remaining);
        all.insert(all.end(), std::make_move_iterator(texts.begin()), std::make_move_iterator(texts.end()));
    }
    return all;
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
