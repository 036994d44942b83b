// SPDX-License-Identifier: GPL-3.0-or-later
// Autocast (LibTorch's mixed precision): while a scope is active on a device, matrix products
// and attention on it run in the scope's dtype and everything else keeps float32.
#pragma once

#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <optional>

namespace i3 {

// The dtype autocast gives matrix products on devices of this type now; nothing when it is off.
std::optional<c10::ScalarType> autocast_dtype(c10::DeviceType device);

// Sets autocast on `device` to `dtype` (nothing: off) for the scope's life, then restores what
// was there. Throws i3::Error when `dtype` is given and this LibTorch has no autocast for it.
class AutocastScope {
public:
    AutocastScope(c10::DeviceType device, std::optional<c10::ScalarType> dtype);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    c10::DeviceType device_;
    std::optional<c10::ScalarType> before_;
    bool changed_ = false;
};

// Autocast's cache of cast weights off for the scope's life: a CUDA graph being recorded must
// cast the weights inside it, every replay, instead of reusing casts made before it.
class AutocastCacheOff {
public:
    AutocastCacheOff();
    ~AutocastCacheOff();
    AutocastCacheOff(const AutocastCacheOff&) = delete;
    AutocastCacheOff& operator=(const AutocastCacheOff&) = delete;

private:
    bool before_ = false;
};

} // namespace i3
