// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/chunk_tokenizer.h"
#include "cli_args.h"
#include "cli_commands.h"
#include "cli_input.h"
#include "data/text_sources.h"

#include <cstdint>
#include <iostream>
#include <memory>
#include <sstream>

namespace i3::cli {

namespace {

const Command kBuild{
    "tokenizer build",
    "--data FILE... --out tokenizer.json [--max-samples N] [--text-field NAME]",
    "Builds the reference's chunk tokenizer from text files (.txt paragraphs, .jsonl, .csv, .parquet\n"
    "or folders of .parquet files): every text is lowercased and cut into 2- and 3-character\n"
    "chunks, and chunks get ids by frequency.",
    {
        {"data", "FILE", "text files or folders of .parquet files (their extensions say their formats)", true},
        {"out", "FILE", "where to write tokenizer.json"},
        {"max-samples", "N", "use only the first N texts"},
        {"text-field", "NAME", "JSON field / CSV or Parquet column holding the text (default: text)"},
    },
    ""};

const Command kEncode{
    "tokenizer encode",
    "--tokenizer FILE TEXTFILE",
    "Encodes TEXTFILE (the whole file as one text; - for the standard input) and prints the ids,\n"
    "space-separated, on one line.",
    {{"tokenizer", "FILE", "tokenizer.json or vocab.json"}},
    ""};

const CommandList kTokenizer{
    "i3lm tokenizer",
    "Builds the reference's chunk tokenizer, or encodes a text with one.",
    {{"build", "build a chunk tokenizer from text files"}, {"encode", "encode a text file and print its ids"}},
    ""};

int build(const Args& raw)
{
    const Arguments args = parse(kBuild, raw);
    if (args.help) {
        std::cout << help_text(kBuild);
        return 0;
    }
    if (!args.has("data") || !args.has("out"))
        throw UsageError("--data and --out are required");
    TextReadOptions options;
    options.text_field = args.get("text-field", "text");
    const std::vector<std::string> names = args.all("data");
    for (const auto& name : names)
        refuse_standard_input(name, "--data");
    const std::vector<std::filesystem::path> files(names.begin(), names.end());
    size_t limit = SIZE_MAX;
    if (const auto n = args.count("max-samples"))
        limit = static_cast<size_t>(*n);
    // One pass over the texts, never all of them in memory; files past the limit stay unread.
    const std::unique_ptr<TextStream> texts = open_texts(files, options);
    ChunkTokenizer::Counter counter;
    size_t counted = 0;
    for (; counted < limit; ++counted) {
        const std::optional<std::string_view> text = texts->next();
        if (!text)
            break;
        counter.add(*text, "text " + std::to_string(counted + 1));
    }
    const ChunkTokenizer tokenizer = counter.finish();
    tokenizer.save(*args.get("out"));
    std::cout << "tokenizer: " << tokenizer.vocab_size() << " chunks from " << counted << " texts, written to "
              << *args.get("out") << '\n';
    return 0;
}

int encode(const Args& raw)
{
    const Arguments args = parse(kEncode, raw);
    if (args.help) {
        std::cout << help_text(kEncode);
        return 0;
    }
    if (!args.has("tokenizer"))
        throw UsageError("--tokenizer is required");
    if (args.positionals.size() != 1)
        throw UsageError("give exactly one text file");
    const ChunkTokenizer tokenizer = ChunkTokenizer::load(*args.get("tokenizer"));
    const std::string& file = args.positionals.front();
    const std::string text = read_input(file); // its errors name the file already
    std::vector<int64_t> ids;
    try {
        ids = tokenizer.encode(text);
    } catch (const Error& error) {
        throw Error(input_name(file) + ": " + error.what());
    }
    std::ostringstream line;
    for (size_t i = 0; i < ids.size(); ++i)
        line << (i ? " " : "") << ids[i];
    std::cout << line.str() << '\n';
    return 0;
}

} // namespace

int tokenizer(const Args& args)
{
    if (args.empty()) {
        std::cerr << help_text(kTokenizer);
        return 2;
    }
    if (args.front() == "--help" || args.front() == "-h") {
        std::cout << help_text(kTokenizer);
        return 0;
    }
    const Args rest(args.begin() + 1, args.end());
    if (args.front() == "build")
        return build(rest);
    if (args.front() == "encode")
        return encode(rest);
    throw UsageError("unknown tokenizer command \"" + args.front() + "\" (build or encode)");
}

} // namespace i3::cli
