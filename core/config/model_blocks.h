// SPDX-License-Identifier: GPL-3.0-or-later
// The model as a sequence of blocks, in the order a token goes through them: the embedding
// (embed, pos_embed), the hybrid and attention blocks in the layer order, the head (ln_f, head). Each block
// knows its parameters, the part of them used in matrix products (what the FLOPs count,
// telemetry/training_flops.h) and the prefixes of its tensors' names in the state dict
// (reference §3), so that statistics recorded per tensor can be gathered per block.
// ModelConfig::parameter_count() is the sum over these blocks.
#pragma once

#include "config/model_config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace i3 {

enum class BlockKind { Embedding, Hybrid, Attention, Head };

struct ModelBlock {
    BlockKind kind = BlockKind::Embedding;
    int64_t layer = -1;              // the index in layers.{i} (hybrid and attention blocks); -1 otherwise
    int64_t parameters = 0;
    int64_t matrix_parameters = 0;   // weights of the matrix products (embedding lookups are none)
    std::vector<std::string> prefixes; // "layers.3.", or "embed." and "pos_embed.", ...

    // Whether the tensor of this state-dict name is one of this block's.
    bool owns(const std::string& tensor_name) const;
};

std::vector<ModelBlock> model_blocks(const ModelConfig& config);
// The block of `kind` (kHybridBlock or kAttentionBlock) at layers.{layer}: the same parameters
// wherever it stands.
ModelBlock layer_block(const ModelConfig& config, char kind, int64_t layer);

// The index in `blocks` of the block that owns the tensor; -1 when none does.
int block_of_tensor(const std::vector<ModelBlock>& blocks, const std::string& tensor_name);

} // namespace i3
