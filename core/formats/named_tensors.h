// SPDX-License-Identifier: GPL-3.0-or-later
// A state dict as files hold it: names in file order, each with its tensor.
#pragma once

#include <ATen/Tensor.h>

#include <string>
#include <utility>
#include <vector>

namespace i3 {

using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

} // namespace i3
