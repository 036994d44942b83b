// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/model_blocks.h"

namespace i3 {

namespace {

// The blocks' shapes (reference §2 and §3); every Linear has a bias, every LayerNorm weight and bias.
struct Shapes {
    int64_t d, n, v, t;
    int64_t layer_norm() const { return 2 * d; }
    int64_t feed_forward_matrices() const { return 2 * d * 4 * d; }
    int64_t feed_forward() const { return feed_forward_matrices() + 4 * d + d; }
    int64_t hybrid_matrices() const { return n * n + n * d + d * n; } // A, B, C
    int64_t hybrid() const { return hybrid_matrices() + d + d; }      // w_mix, D
    int64_t attention_matrices() const { return 3 * d * d + d * d; }  // qkv, out_proj
    int64_t attention() const { return attention_matrices() + 3 * d + d; }
};

} // namespace

ModelBlock layer_block(const ModelConfig& c, char kind, int64_t layer)
{
    const Shapes s{c.d_model, c.d_state, c.vocab_size, c.max_seq_len};
    const bool hybrid = kind == kHybridBlock;
    return {hybrid ? BlockKind::Hybrid : BlockKind::Attention,
            layer,
            2 * s.layer_norm() + s.feed_forward() + (hybrid ? s.hybrid() : s.attention()),
            s.feed_forward_matrices() + (hybrid ? s.hybrid_matrices() : s.attention_matrices()),
            {"layers." + std::to_string(layer) + "."}};
}

bool ModelBlock::owns(const std::string& tensor_name) const
{
    for (const auto& prefix : prefixes)
        if (tensor_name.compare(0, prefix.size(), prefix) == 0)
            return true;
    return false;
}

std::vector<ModelBlock> model_blocks(const ModelConfig& c)
{
    const Shapes s{c.d_model, c.d_state, c.vocab_size, c.max_seq_len};
    std::vector<ModelBlock> blocks;
    blocks.push_back({BlockKind::Embedding, -1, s.v * s.d + s.t * s.d, 0, {"embed.", "pos_embed."}});
    const std::string order = c.layer_order();
    for (size_t i = 0; i < order.size(); ++i)
        blocks.push_back(layer_block(c, order[i], static_cast<int64_t>(i)));
    blocks.push_back({BlockKind::Head, -1, s.layer_norm() + s.v * s.d + s.v, s.v * s.d, {"ln_f.", "head."}});
    return blocks;
}

int block_of_tensor(const std::vector<ModelBlock>& blocks, const std::string& tensor_name)
{
    for (size_t i = 0; i < blocks.size(); ++i)
        if (blocks[i].owns(tensor_name))
            return static_cast<int>(i);
    return -1;
}

} // namespace i3
