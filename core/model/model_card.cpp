// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/model_card.h"

#include <cstdio>
#include <sstream>

namespace i3 {

namespace {

std::string loss_text(double loss)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", loss);
    return text;
}

// A YAML string in double quotes: safe whatever a repo id or path holds.
std::string yaml_string(const std::string& text)
{
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    return quoted + "\"";
}

void front_matter(std::ostringstream& out, const ModelCard& card)
{
    out << "---\nlibrary_name: pytorch\npipeline_tag: text-generation\ntags:\n- i3\n- rwkv-mamba-hybrid\n- i3-studio\n";
    if (!card.hub_datasets.empty()) {
        out << "datasets:\n";
        for (const auto& dataset : card.hub_datasets)
            out << "- " << yaml_string(dataset) << "\n";
    }
    if (!card.base_model.empty())
        out << "base_model: " << yaml_string(card.base_model) << "\n";
    out << "---\n\n";
}

void architecture(std::ostringstream& out, const ModelConfig& config)
{
    out << "## Architecture\n\n";
    if (config.layer_pattern.empty())
        out << "An i3 hybrid language model: " << config.hybrid_layers << " RWKV-Mamba hybrid blocks followed by "
            << config.attn_layers << " full-attention blocks.\n\n";
    else
        out << "An i3 hybrid language model: " << config.hybrid_layers << " RWKV-Mamba hybrid blocks and "
            << config.attn_layers << " full-attention blocks in the order `" << config.layer_pattern << "` (" << kHybridBlock
            << " hybrid, " << kAttentionBlock << " attention; config.json's `layer_pattern`).\n\n";
    out
        << "| setting | value |\n|---|---|\n"
        << "| parameters | " << config.parameter_count() << " |\n"
        << "| vocabulary (chunk tokenizer) | " << config.vocab_size << " |\n"
        << "| d_model | " << config.d_model << " |\n"
        << "| attention heads | " << config.n_heads << " |\n"
        << "| d_state | " << config.d_state << " |\n"
        << "| context (max_seq_len) | " << config.max_seq_len << " |\n\n";
}

void training(std::ostringstream& out, const ModelConfig& config, const ModelCard& card)
{
    out << "## Training\n\n";
    if (!card.init_from.empty())
        out << "Fine-tuned from `" << (card.base_model.empty() ? card.init_from : card.base_model) << "`.\n\n";
    out << "Data sources:\n\n";
    if (config.dataset_sources.empty())
        out << "- (not recorded)\n";
    for (const auto& source : config.dataset_sources)
        out << "- `" << source << "`\n";
    out << "\n| result | value |\n|---|---|\n| optimizer steps | " << card.steps << " |\n";
    out << "| final training loss (mean of the last " << card.loss_window << " steps) | "
        << (card.train_loss ? loss_text(*card.train_loss) : "none") << " |\n";
    out << "| final validation loss | " << (card.validation_loss ? loss_text(*card.validation_loss) : "no validation split")
        << " |\n\n";
}

} // namespace

std::string model_card_text(const ModelConfig& config, const ModelCard& card)
{
    std::ostringstream out;
    front_matter(out, card);
    out << "# i3 model\n\nTrained with i3 Studio. The folder holds config.json, model.safetensors, pytorch_model.bin "
           "and tokenizer.json, which the i3 reference scripts (inference.py --model_dir) and i3 Studio load.\n\n";
    architecture(out, config);
    training(out, config, card);
    return out.str();
}

} // namespace i3
