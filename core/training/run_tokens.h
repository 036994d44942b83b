// SPDX-License-Identifier: GPL-3.0-or-later
// A run folder's own copy of the corpus it trains on (runs/run_schema.h): written when the run is
// made, read when it resumes, so a resumed run trains on exactly the same tokens even when the
// token cache has been emptied or its sources have changed since.
#pragma once

#include "data/token_corpus.h"
#include "runs/run_folder.h"

namespace i3 {

// Writes tokens/000.tokens, ... : a hard link to each token file the corpus holds whole (a copy
// where links cannot be made), a new file for anything else. Throws i3::Error.
void write_run_tokens(const RunFolder& folder, const TokenCorpus& tokens);

// The corpus a run folder holds, checked against run.json's counts; a run made before the token
// store is read from its two files. Throws i3::Error naming the damaged or missing file.
TokenCorpus read_run_tokens(const RunFolder& folder, int64_t vocab_size, const RunInfo& info);

} // namespace i3
