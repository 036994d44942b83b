// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/autocast.h"

#include "base/error.h"
#include "model/torch_features.h"

#include <ATen/autocast_mode.h>

namespace i3 {

#if I3_TORCH_HAS_FUSED_TRAINING

std::optional<c10::ScalarType> autocast_dtype(c10::DeviceType device)
{
    if (!at::autocast::is_autocast_enabled(device))
        return std::nullopt;
    return at::autocast::get_autocast_dtype(device);
}

AutocastScope::AutocastScope(c10::DeviceType device, std::optional<c10::ScalarType> dtype)
    : device_(device), before_(autocast_dtype(device))
{
    if (before_ == dtype)
        return;
    changed_ = true;
    at::autocast::set_autocast_enabled(device, dtype.has_value());
    if (dtype)
        at::autocast::set_autocast_dtype(device, *dtype);
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope()
{
    if (!changed_)
        return;
    // Leaving the outermost scope drops the casts of the weights autocast kept for reuse, as
    // Python's torch.autocast does, so a changed weight is never used in its stale cast.
    if (at::autocast::decrement_nesting() == 0)
        at::autocast::clear_cache();
    at::autocast::set_autocast_enabled(device_, before_.has_value());
    if (before_)
        at::autocast::set_autocast_dtype(device_, *before_);
}

AutocastCacheOff::AutocastCacheOff() : before_(at::autocast::is_autocast_cache_enabled())
{
    at::autocast::set_autocast_cache_enabled(false);
}

AutocastCacheOff::~AutocastCacheOff() { at::autocast::set_autocast_cache_enabled(before_); }

#else

// Debian's LibTorch 1.13: nothing here turns autocast on, so it is always off.
std::optional<c10::ScalarType> autocast_dtype(c10::DeviceType) { return std::nullopt; }

AutocastScope::AutocastScope(c10::DeviceType device, std::optional<c10::ScalarType> dtype) : device_(device)
{
    if (dtype)
        throw Error("bf16 training needs LibTorch 2.4 or later; this build has LibTorch " TORCH_VERSION);
}

AutocastScope::~AutocastScope() = default;

// Nothing turns autocast on here, so it caches nothing.
AutocastCacheOff::AutocastCacheOff() = default;
AutocastCacheOff::~AutocastCacheOff() = default;

#endif

} // namespace i3
