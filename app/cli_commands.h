// SPDX-License-Identifier: GPL-3.0-or-later
// The `i3lm` subcommands. Each takes the arguments after its name and returns the exit code;
// errors are thrown (i3::Error, cli::UsageError) and reported by main.
#pragma once

#include <string>
#include <vector>

namespace i3::cli {

using Args = std::vector<std::string>;

int train(const Args& args);
int generate(const Args& args);
int eval(const Args& args);
int tokenizer(const Args& args);
int convert(const Args& args);
int info(const Args& args);
int bench(const Args& args);
int probe(const Args& args);
int download(const Args& args);
int export_tensorboard(const Args& args);

} // namespace i3::cli
