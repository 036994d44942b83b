// SPDX-License-Identifier: GPL-3.0-or-later
// The configuration: JSON as the reference writes it, presets, validation, parameter counts.
#include "base/error.h"
#include "model/i3_model.h"
#include "config/model_config.h"
#include "config/preset.h"
#include "config/train_config.h"
#include "telemetry/memory_estimate.h"
#include "telemetry/training_flops.h"
#include "test_support.h"

#include <QtTest>

#include <limits>

#include <torch/torch.h>

class TestModelConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parameterCountMatchesTheSpec()
    {
        auto config = i3::ModelConfig::preset("i3-80m");
        QCOMPARE(config.parameter_count(), int64_t(76861160));
        config.vocab_size = 41320; // the model card's figure
        QCOMPARE(config.parameter_count(), int64_t(82765160));
    }

    void modelParametersMatchTheCountAndTheNames()
    {
        auto config = i3::ModelConfig::preset("tiny");
        config.vocab_size = 50;
        i3::I3Model model(config);
        int64_t total = 0;
        std::map<std::string, std::vector<int64_t>> shapes;
        for (const auto& item : model->named_parameters()) {
            total += item.value().numel();
            shapes[item.key()] = item.value().sizes().vec();
        }
        QCOMPARE(total, config.parameter_count());
        const int64_t d = 64, ds = 8;
        const std::map<std::string, std::vector<int64_t>> expected = {
            {"embed.weight", {50, d}},           {"pos_embed.weight", {64, d}},
            {"layers.0.ln1.weight", {d}},        {"layers.0.ln1.bias", {d}},
            {"layers.0.ln2.weight", {d}},        {"layers.0.ln2.bias", {d}},
            {"layers.0.ffn.0.weight", {4 * d, d}}, {"layers.0.ffn.0.bias", {4 * d}},
            {"layers.0.ffn.2.weight", {d, 4 * d}}, {"layers.0.ffn.2.bias", {d}},
            {"layers.0.hybrid.w_mix", {d}},      {"layers.0.hybrid.A", {ds, ds}},
            {"layers.0.hybrid.B", {ds, d}},      {"layers.0.hybrid.C", {d, ds}},
            {"layers.0.hybrid.D", {d}},          {"layers.2.attn.qkv.weight", {3 * d, d}},
            {"layers.2.attn.qkv.bias", {3 * d}}, {"layers.2.attn.out_proj.weight", {d, d}},
            {"layers.2.attn.out_proj.bias", {d}}, {"ln_f.weight", {d}},
            {"ln_f.bias", {d}},                  {"head.weight", {50, d}},
            {"head.bias", {50}}};
        for (const auto& [name, shape] : expected) {
            QVERIFY2(shapes.count(name), name.c_str());
            QCOMPARE(shapes[name], shape);
        }
        // 2 hybrid blocks x 14 tensors + 1 attention block x 12 + embed, pos, ln_f x2, head x2.
        QCOMPARE(shapes.size(), size_t(2 * 13 + 12 + 6));
        QVERIFY(!shapes.count("layers.2.hybrid.A"));
    }

    // Attention first: layers.{i} is the i-th block of the pattern, with its kind's names; the
    // counts are the pattern's; the same blocks in another order have as many parameters.
    void aLayerPatternOrdersTheBlocksAndKeepsTheNames()
    {
        auto config = i3::ModelConfig::preset("tiny");
        config.vocab_size = 50;
        const int64_t reference_count = config.parameter_count();
        config.set_layer_order("AHH");
        QCOMPARE(config.layer_pattern, std::string("AHH"));
        QCOMPARE(config.hybrid_layers, int64_t(2));
        QCOMPARE(config.attn_layers, int64_t(1));
        QVERIFY(config.problems().empty());
        i3::I3Model model(config);
        std::map<std::string, std::vector<int64_t>> shapes;
        int64_t total = 0;
        for (const auto& item : model->named_parameters()) {
            total += item.value().numel();
            shapes[item.key()] = item.value().sizes().vec();
        }
        QCOMPARE(total, reference_count);
        QCOMPARE(config.parameter_count(), reference_count);
        const int64_t d = 64, ds = 8;
        const std::map<std::string, std::vector<int64_t>> expected = {
            {"layers.0.attn.qkv.weight", {3 * d, d}}, {"layers.0.ffn.0.weight", {4 * d, d}},
            {"layers.1.hybrid.A", {ds, ds}},          {"layers.2.hybrid.C", {d, ds}},
            {"layers.2.ln2.bias", {d}}};
        for (const auto& [name, shape] : expected) {
            QVERIFY2(shapes.count(name), name.c_str());
            QCOMPARE(shapes[name], shape);
        }
        for (const char* absent : {"layers.0.hybrid.A", "layers.2.attn.qkv.weight"})
            QVERIFY2(!shapes.count(absent), absent);
    }

    // Other counts, by hand (d 64, d_state 8, vocabulary 50, context 64): a block's norms and
    // feed-forward 256 + 16,640 + 16,448 = 33,344; a hybrid mixer 64 + 64 + 512 + 512 + 64 =
    // 1,216; an attention mixer 12,288 + 192 + 4,096 + 64 = 16,640; embeddings 3,200 + 4,096,
    // ln_f 128, head 3,200 + 50.
    void aPatternsCountsAreItsLetters()
    {
        auto config = i3::ModelConfig::preset("tiny");
        config.vocab_size = 50;
        config.set_layer_order("AAH");
        QCOMPARE(config.parameter_count(), int64_t(3200 + 4096 + (33344 + 1216) + 2 * (33344 + 16640) + 128 + 3250));
        i3::I3Model model(config);
        int64_t total = 0;
        for (const auto& parameter : model->parameters())
            total += parameter.numel();
        QCOMPARE(total, config.parameter_count());
    }

    // FLOPs and memory depend on how many blocks of each kind there are, not on their order: the
    // i3-80M shape with one hybrid and two attention blocks, by hand (per hybrid block 2,130,944
    // product weights, per attention block 3,145,728, the head 18,206,720; the attention's scores
    // 6 × 2 blocks × 256 × 512; activations for batch 2 as memory_estimate.h counts them).
    void flopsAndMemoryFollowThePattern()
    {
        auto config = i3::ModelConfig::preset("i3-80m");
        config.set_layer_order("AHA");
        QCOMPARE(i3::matrix_parameter_count(config), int64_t(2130944 + 2 * 3145728 + 18206720));
        QCOMPARE(i3::training_flops_per_token(config), 6.0 * 26629120 + 6.0 * 2 * 256 * 512);
        const double activations = 2.0 * 256 * 512 * (12 * 3 + 2) + 2.0 * 2 * 16 * 256 * 256 * 2 + 2.0 * 2 * 256 * 35560;
        QCOMPARE(i3::estimate_training_memory(config, 2).activation_bytes, 4 * activations);
        // Per block, wherever it stands: norms, mixer and feed-forward 2,101,760 + 34,816 (hybrid)
        // or + 1,050,624 (attention) parameters.
        QCOMPARE(config.block_parameter_count(i3::kHybridBlock), int64_t(2101760 + 34816));
        QCOMPARE(config.block_parameter_count(i3::kAttentionBlock), int64_t(2101760 + 1050624));
        QCOMPARE(i3::block_training_flops_per_token(config, i3::kHybridBlock), 6.0 * 2130944);
        QCOMPARE(i3::block_training_flops_per_token(config, i3::kAttentionBlock), 6.0 * 3145728 + 6.0 * 256 * 512);
        auto interleaved = config;
        interleaved.set_layer_order("HAA");
        QCOMPARE(i3::training_flops_per_token(interleaved), i3::training_flops_per_token(config));
        QCOMPARE(i3::estimate_training_memory(interleaved, 2).total_bytes(),
                 i3::estimate_training_memory(config, 2).total_bytes());
    }

    // The reference's order is no pattern: config.json stays exactly the reference's keys, as
    // main wrote it before layer patterns existed. Another order adds one key, read back as given.
    void onlyAnotherOrderWritesALayerPattern()
    {
        auto config = i3::ModelConfig::preset("i3-80m");
        config.dataset_sources = {"a/b"};
        config.set_layer_order("HHHHHHHHHHAAAAAA");
        QVERIFY(config.layer_pattern.empty());
        const std::string reference_file = R"({
  "architectures": [
    "i3Model"
  ],
  "attn_layers": 6,
  "conv_layers": 10,
  "d_model": 512,
  "d_state": 32,
  "dataset_sources": [
    "a/b"
  ],
  "max_seq_len": 256,
  "model_type": "i3",
  "n_heads": 16,
  "n_layers": 16,
  "tokenizer_type": "chunk",
  "torch_dtype": "float32",
  "vocab_size": 35560
})";
        QCOMPARE(config.to_json().dump(2), reference_file);
        config.layer_pattern = "HHHHHHHHHHAAAAAA"; // spelled out, still the reference's order
        QCOMPARE(config.to_json().dump(2), reference_file);
        QVERIFY(i3::ModelConfig::from_json(config.to_json()).layer_pattern.empty());

        config.set_layer_order("AHAHAHAHAHAHHHHH");
        const auto written = config.to_json();
        QCOMPARE(written.at("layer_pattern").get<std::string>(), std::string("AHAHAHAHAHAHHHHH"));
        QCOMPARE(written.at("conv_layers").get<int>(), 10);
        QCOMPARE(written.at("n_layers").get<int>(), 16);
        const auto read = i3::ModelConfig::from_json(written);
        QCOMPARE(read.layer_order(), std::string("AHAHAHAHAHAHHHHH"));
        QCOMPARE(read.to_json(), written);
        QVERIFY(read.unknown_keys.empty());
    }

    void badPatternsAreNamed()
    {
        auto config = i3::ModelConfig::preset("tiny");
        config.set_layer_order("HxA");
        auto problems = config.problems();
        QCOMPARE(problems.size(), size_t(1));
        QVERIFY2(problems[0].find("may hold only H (a hybrid block) and A (an attention block), not 'x'") !=
                     std::string::npos,
                 problems[0].c_str());
        config = i3::ModelConfig::preset("tiny"); // 2 hybrid, 1 attention
        config.layer_pattern = "AHAH";
        problems = config.problems();
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0], std::string("the layer pattern AHAH has 2 hybrid and 2 attention blocks, but conv_layers "
                                          "is 2 and attn_layers 1"));
        config.set_layer_order("");
        QVERIFY(!config.problems().empty()); // no layer at all
        const auto json = nlohmann::json::parse(R"({"conv_layers": 1, "attn_layers": 1, "layer_pattern": 7})");
        const std::string wrong_type = i3test::error_of([&] { i3::ModelConfig::from_json(json); });
        QVERIFY2(wrong_type.find("\"layer_pattern\"") != std::string::npos, wrong_type.c_str());
    }

    void shapeConflictsSpellTheOrderOut()
    {
        auto have = i3::ModelConfig::preset("tiny");
        auto wanted = have;
        wanted.set_layer_order("HAH");
        const auto conflicts = i3::shape_conflicts(wanted, have, "in the model");
        QCOMPARE(conflicts.size(), size_t(1));
        QCOMPARE(conflicts[0], std::string("layer_pattern is HAH here but HHA in the model"));
    }

    void initialisationFollowsTheReference()
    {
        torch::manual_seed(1);
        auto config = i3::ModelConfig::preset("tiny");
        config.vocab_size = 300;
        i3::I3Model model(config);
        const auto params = model->named_parameters();
        QCOMPARE(params["layers.0.hybrid.w_mix"].mean().item<double>(), 0.5);
        QCOMPARE(params["layers.0.hybrid.D"].mean().item<float>(), 0.1f);
        QVERIFY(std::abs(params["embed.weight"].std().item<double>() - 0.02) < 0.002);
        QVERIFY(std::abs(params["layers.1.ffn.0.weight"].std().item<double>() - 0.02) < 0.002);
        QCOMPARE(params["layers.1.ffn.0.bias"].abs().max().item<double>(), 0.0);
        QVERIFY(std::abs(params["layers.0.hybrid.B"].std().item<double>() - 0.01) < 0.002);
        QCOMPARE(params["ln_f.weight"].mean().item<double>(), 1.0);
    }

    void readsTheReferenceConfigAndKeepsUnknownKeys()
    {
        const auto json = nlohmann::json::parse(R"({"architectures": ["i3Model"], "model_type": "i3",
            "vocab_size": 35560, "d_model": 512, "n_layers": 16, "n_heads": 16, "max_seq_len": 256,
            "d_state": 64, "tokenizer_type": "chunk", "dataset_sources": ["a/b"], "torch_dtype": "float32",
            "rope_theta": 5})");
        const auto config = i3::ModelConfig::from_json(json);
        QCOMPARE(config.hybrid_layers, int64_t(10)); // missing conv_layers/attn_layers mean 10 and 6
        QCOMPARE(config.attn_layers, int64_t(6));
        QCOMPARE(config.d_state, int64_t(64));
        QCOMPARE(config.dataset_sources.size(), size_t(1));
        const auto written = config.to_json();
        QCOMPARE(written.at("rope_theta").get<int>(), 5);
        QCOMPARE(written.at("conv_layers").get<int>(), 10);
        QCOMPARE(written.at("n_layers").get<int>(), 16);
        QCOMPARE(i3::ModelConfig::from_json(written).to_json(), written);
    }

    void rejectsBadValuesWithReasons()
    {
        auto config = i3::ModelConfig::preset("small");
        config.n_heads = 5;
        config.max_seq_len = 0;
        const auto problems = config.problems();
        QCOMPARE(problems.size(), size_t(2));
        QVERIFY(QString::fromStdString(problems[0]).contains("divisible"));
        QVERIFY_EXCEPTION_THROWN(config.validate(), i3::Error);
        QVERIFY_EXCEPTION_THROWN(i3::ModelConfig::preset("i3-9000"), i3::Error);
        QVERIFY_EXCEPTION_THROWN(i3::ModelConfig::from_json(nlohmann::json::parse(R"({"d_model": "big"})")), i3::Error);
        for (const auto& name : i3::ModelConfig::preset_names())
            QVERIFY(i3::ModelConfig::preset(name).problems().empty());
    }

    // Every training setting survives run.json's JSON, each under its own key.
    void trainingSettingsRoundTrip()
    {
        i3::TrainConfig changed;
        for (const auto& setting : i3::TrainConfig::settings())
            if (setting.is_number())
                setting.set_number(changed, setting.number(changed) + (setting.is_integer() ? 3 : 0.125));
        changed.sample_prompts = {"a", "b c"};
        changed.device = "cuda:1";
        const nlohmann::json json = changed.to_json();
        QCOMPARE(json.size(), i3::TrainConfig::settings().size());
        const i3::TrainConfig read = i3::TrainConfig::from_json(json);
        for (const auto& setting : i3::TrainConfig::settings())
            QCOMPARE(setting.text(read), setting.text(changed));
        QCOMPARE(json.at("steps").get<int64_t>(), int64_t(5003));
        QCOMPARE(json.at("lr").get<double>(), 3e-4 + 0.125);

        // A key missing keeps the base's value; a value of the wrong type names its key.
        i3::TrainConfig base;
        base.steps = 77;
        QCOMPARE(i3::TrainConfig::from_json(nlohmann::json::object(), base).steps, int64_t(77));
        for (const char* bad : {R"({"lr": "fast"})", R"({"steps": 2.5})", R"({"seed": -1})", R"({"device": 3})"}) {
            try {
                i3::TrainConfig::from_json(nlohmann::json::parse(bad));
                QFAIL(bad);
            } catch (const i3::Error& error) {
                const std::string key = nlohmann::json::parse(bad).begin().key();
                QVERIFY2(std::string(error.what()).find("\"" + key + "\"") != std::string::npos, error.what());
            }
        }
    }

    void trainingChecksComeFromTheTable()
    {
        i3::TrainConfig config;
        QVERIFY(config.problems().empty());
        config.validation_fraction = 0.5;
        config.lr = std::numeric_limits<double>::infinity();
        config.keep_checkpoints = -1;
        config.device = "gpu";
        const auto problems = config.problems();
        QCOMPARE(problems.size(), size_t(4));
        const QString all = QString::fromStdString(problems[0] + problems[1] + problems[2] + problems[3]);
        QVERIFY2(all.contains("lr must be a finite number") && all.contains("[0, 0.5)") && all.contains("checkpoint") &&
                     all.contains("device"),
                 qPrintable(all));
    }

    // The presets are data files: each has a usable shape and recipe; the published ones train
    // as the reference's train.py does, the small ones in minutes.
    void presetsCarryAShapeAndARecipe()
    {
        QCOMPARE(i3::ModelConfig::preset_names(), (std::vector<std::string>{"i3-80m", "i3-22m", "small", "tiny"}));
        const i3::TrainConfig reference;
        for (const auto& name : i3::ModelConfig::preset_names()) {
            const i3::Preset preset = i3::load_preset(name);
            QVERIFY2(preset.model.problems().empty(), name.c_str());
            QVERIFY2(preset.training.problems().empty(), name.c_str());
            QVERIFY(!preset.description.empty());
            if (name.rfind("i3-", 0) == 0)
                for (const auto& setting : i3::TrainConfig::settings())
                    QCOMPARE(setting.text(preset.training), setting.text(reference));
        }
        QCOMPARE(i3::load_preset("i3-80m").model.parameter_count(), int64_t(76861160));
        QCOMPARE(i3::load_preset("i3-22m").model.hybrid_layers, int64_t(24));
        // The CPU's default: many small steps at a high learning rate (resources/presets/small.json).
        const i3::Preset small = i3::load_preset(i3::kCpuPreset);
        QCOMPARE(small.training.steps, int64_t(800));
        QCOMPARE(small.training.batch_size, int64_t(16));
        QCOMPARE(small.training.lr, 3e-3);
        QCOMPARE(small.training.eval_every, int64_t(200));
        QCOMPARE(small.model.d_model, int64_t(128));
        QCOMPARE(small.model.max_seq_len, int64_t(64));
        QCOMPARE(small.training.weight_decay, i3::TrainConfig().weight_decay); // what it leaves alone
        QVERIFY_EXCEPTION_THROWN(i3::load_preset("i3-9000"), i3::Error);
    }
};

QTEST_GUILESS_MAIN(TestModelConfig)
#include "test_model_config.moc"
