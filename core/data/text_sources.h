// SPDX-License-Identifier: GPL-3.0-or-later
// Local training data: .txt, .jsonl, .json, .csv and .parquet files (and folders of .parquet files)
// read as a stream of texts (data/text_stream.h), or into a list of them.
//
// .txt    one text per paragraph; paragraphs are separated by one or more blank lines (lines
//         that are empty or hold only spaces and tabs); a paragraph's lines are joined with "\n".
// .jsonl  one JSON object per line; the text is its string field `text_field`; blank lines are
//         skipped.
// .json   a JSON array of objects, each with the string field `text_field`; a file that does not
//         start with '[' is read as .jsonl. An array is parsed whole, so it must fit in memory;
//         every other format is read a block (or a Parquet page) at a time.
// .csv    RFC 4180: comma-separated, fields in double quotes may hold commas, newlines and ""
//         for a quote; the first row names the columns and the text is column `text_field`.
//         A CRLF inside a quoted field becomes "\n".
// .parquet the string column `text_field`, read row group by row group (formats/
//         parquet_text_reader.h says what is supported); nulls are skipped. A folder stands for
//         the .parquet files directly inside it, read in the order of their names.
//
// In the text formats a trailing "\r" ends a line like "\n" does (Windows files), a UTF-8 byte
// order mark at the start is skipped, the file must be valid UTF-8 (each line is checked as it is
// read); every Parquet text must be valid UTF-8. In every format texts that hold only whitespace
// are dropped. Problems throw i3::Error naming the file and the line (or, in Parquet, the column
// and row group), when the stream reaches them.
#pragma once

#include "data/text_stream.h"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace i3 {

struct TextReadOptions {
    std::string text_field = "text"; // the JSON field, CSV column or Parquet column holding the text
    std::optional<size_t> max_texts; // stop after this many texts (at least 1)
};

// The texts of one file, its format chosen by its extension (.txt, .jsonl, .json, .csv,
// .parquet; any letter case), or of a folder of .parquet files. Reading throws i3::Error when the
// file cannot be read or is malformed, and at the end when it yielded no text; a limit of 0 texts
// throws at once.
std::unique_ptr<TextStream> open_texts(const std::filesystem::path& file, const TextReadOptions& options = {});

// The texts of the files in order; max_texts counts over all of them, and files after the limit
// is reached are not opened. Each file must yield a text. Throws at once for an empty list.
std::unique_ptr<TextStream> open_texts(
    const std::vector<std::filesystem::path>& files, const TextReadOptions& options = {});

// Every text of open_texts(), in memory.
std::vector<std::string> read_texts(const std::filesystem::path& file, const TextReadOptions& options = {});
std::vector<std::string> read_texts(
    const std::vector<std::filesystem::path>& files, const TextReadOptions& options = {});

// The columns of `file` that read_texts can take the text from, in the file's order, for a column
// picker: a .parquet file's string columns, the string fields of a .jsonl or .json file's first
// object, a .csv file's header; empty for .txt, whose texts are whole paragraphs. Reads only what
// it needs (the footer, the first line or record). Throws i3::Error when the file cannot be read,
// is of another type, or has no text column (naming the columns it has).
std::vector<std::string> text_columns(const std::filesystem::path& file);

// The files that reading `source` opens: the .parquet files in a folder (by name), else the file.
// Throws i3::Error for a folder without .parquet files.
std::vector<std::filesystem::path> source_files(const std::filesystem::path& source);

struct CorpusStats {
    size_t texts = 0;
    size_t characters = 0; // Unicode code points
    size_t bytes = 0;      // UTF-8 bytes
};

// Counts of valid UTF-8 texts (as read_texts and builtin_corpus_texts return them).
CorpusStats corpus_stats(const std::vector<std::string>& texts);

} // namespace i3
