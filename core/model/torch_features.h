// SPDX-License-Identifier: GPL-3.0-or-later
// What the LibTorch this is built against offers beyond Debian's 1.13, and where it moved
// things: per-device autocast, the fused AdamW kernel and foreach operations that take a tensor
// as their scalar (all of them in LibTorch 2.4 and later); c10d's process groups, whose
// collectives live in a c10d::Backend from 2.0 on. Code that needs them asks these macros.
#pragma once

#include <torch/version.h>

#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define I3_TORCH_HAS_FUSED_TRAINING 1
#else
#define I3_TORCH_HAS_FUSED_TRAINING 0
#endif

#if TORCH_VERSION_MAJOR >= 2
#define I3_TORCH_C10D_BACKEND 1
#else
#define I3_TORCH_C10D_BACKEND 0
#endif
