// SPDX-License-Identifier: GPL-3.0-or-later
// A tensor's shape as error messages write it: "[2, 3, 4]", "[]" for a scalar.
#pragma once

#include <c10/util/ArrayRef.h>

#include <string>

namespace i3 {

std::string shape_text(c10::IntArrayRef shape);

} // namespace i3
