// SPDX-License-Identifier: GPL-3.0-or-later
// The options of data-parallel ranks, declared once for `train` and `bench train` (cli_ranks.h
// does what they say). Without LibTorch: the front parses `bench` too.
#pragma once

#include "cli_args.h"

#include <vector>

namespace i3::cli {

std::vector<Option> rank_options();

} // namespace i3::cli
