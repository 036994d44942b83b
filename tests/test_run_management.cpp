// SPDX-License-Identifier: GPL-3.0-or-later
// Managing runs: display names and notes kept in annotations.json, deletion that refuses runs in
// training, the configuration diff of several runs, the preset a run's shape matches, and forks
// from a checkpoint that carry the weights and AdamW's moments over with settings of their own.
#include <torch/torch.h>

#include "base/error.h"
#include "config/preset.h"
#include "formats/safetensors.h"
#include "runs/config_diff.h"
#include "runs/run_annotations.h"
#include "runs/run_catalog.h"
#include "runs/run_folder.h"
#include "runs/run_removal.h"
#include "test_support.h"
#include "training/run_fork.h"
#include "training/trainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace fs = std::filesystem;
using i3test::error_of;

namespace {

void write_text(const fs::path& file, const std::string& text)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

// A run folder with run.json only: enough for names, notes, deletion and diffs.
fs::path fake_run(const fs::path& workspace, const std::string& name, const std::string& status, double lr = 0.001,
                  int batch = 4)
{
    const fs::path folder = workspace / name;
    i3::RunInfo info;
    info.created = "2025-01-01T10:00:00Z";
    info.status = *i3::parse_status(status);
    info.model = i3::ModelConfig::preset("tiny");
    info.model.vocab_size = 300;
    info.training.lr = lr;
    info.training.batch_size = batch;
    fs::create_directories(folder);
    i3::write_run_info(folder / "run.json", info);
    return folder;
}

i3::ModelConfig tiny()
{
    auto config = i3::ModelConfig::preset("tiny");
    config.max_seq_len = 32;
    return config;
}

i3::TrainConfig quick(int64_t steps)
{
    i3::TrainConfig config;
    config.steps = steps;
    config.batch_size = 4;
    config.lr = 3e-3;
    config.warmup_steps = 2;
    config.log_every = 1;
    config.eval_every = 10;
    config.checkpoint_every = 10;
    config.keep_checkpoints = i3::kKeepAllCheckpoints;
    config.eval_windows = 2;
    config.sample_tokens = 0;
    config.validation_fraction = 0.1;
    config.seed = 5;
    return config;
}

i3::TrainingData rhymes(const i3::TrainConfig& config)
{
    std::vector<std::string> texts;
    const char* lines[] = {"the cat sat on the mat. ", "the dog ran to the park. ", "a bird sang in the tree. "};
    for (int i = 0; i < 150; ++i)
        texts.push_back(std::string(lines[i % 3]) + lines[(i / 3) % 3]);
    return i3::prepare_training_data(texts, i3::ChunkTokenizer::build(texts), {"rhymes"}, config, tiny().max_seq_len);
}

// A checkpoint's AdamW state, loaded into an optimizer of the run's model.
struct SavedOptimizer {
    std::unique_ptr<torch::optim::AdamW> optimizer;
    i3::I3Model model{nullptr};

    SavedOptimizer(const fs::path& run, const fs::path& checkpoint)
    {
        const i3::RunInfo info = i3::RunFolder(run).read_info();
        model = i3::I3Model(info.model);
        optimizer = i3::make_optimizer(model, info.training);
        torch::serialize::InputArchive archive;
        archive.load_from((checkpoint / "optimizer.pt").string());
        optimizer->load(archive);
    }
    int64_t adam_step() const
    {
        // Any parameter's: they all took the same steps.
        for (const auto& parameter : optimizer->param_groups().front().params()) {
            const auto found = optimizer->state().find(c10::guts::to_string(parameter.unsafeGetTensorImpl()));
            if (found != optimizer->state().end())
                return static_cast<const torch::optim::AdamWParamState&>(*found->second).step();
        }
        return -1;
    }
    const torch::optim::AdamWOptions& options() const
    {
        return static_cast<const torch::optim::AdamWOptions&>(optimizer->param_groups().front().options());
    }
};

} // namespace

class TestRunManagement : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aDisplayNameAndNotesLiveBesideRunJson()
    {
        QTemporaryDir dir;
        const fs::path run = fake_run(dir.path().toStdString(), "tiny-20250101-100000", "stopped");
        QCOMPARE(i3::summarize_run(run).shown_name(), std::string("tiny-20250101-100000"));

        i3::set_run_notes(run, "lr too high?\nsecond line");
        i3::rename_run(run, "  first try  ");
        const i3::RunAnnotations annotations = i3::read_run_annotations(run);
        QCOMPARE(annotations.display_name, std::string("first try")); // trimmed
        QCOMPARE(annotations.notes, std::string("lr too high?\nsecond line")); // kept by the rename
        const auto saved = nlohmann::json::parse(std::ifstream(run / "annotations.json"));
        QCOMPARE(saved.at("display_name").get<std::string>(), std::string("first try"));
        QVERIFY(fs::exists(run / "tiny-20250101-100000") == false); // the folder keeps its name
        const i3::RunSummary summary = i3::summarize_run(run);
        QCOMPARE(summary.shown_name(), std::string("first try"));
        QCOMPARE(summary.name, std::string("tiny-20250101-100000"));
        QCOMPARE(summary.annotations.notes, annotations.notes);

        i3::rename_run(run, "");
        QCOMPARE(i3::summarize_run(run).shown_name(), std::string("tiny-20250101-100000"));
        QVERIFY(error_of([&] { i3::rename_run(run, "two\nlines"); }).find("one line") != std::string::npos);
        QVERIFY(error_of([&] { i3::rename_run(run, std::string(201, 'x')); }).find("at most 200") != std::string::npos);
        QVERIFY(error_of([&] { i3::rename_run(dir.path().toStdString(), "x"); }).find("not a training run") !=
                std::string::npos);
    }

    void aBrokenAnnotationsFileIsNamed()
    {
        QTemporaryDir dir;
        const fs::path run = fake_run(dir.path().toStdString(), "a", "stopped");
        write_text(run / "annotations.json", R"({"display_name": 7})");
        QVERIFY(error_of([&] { i3::read_run_annotations(run); }).find("annotations.json: \"display_name\" must be a string") !=
                std::string::npos);
        const i3::RunSummary summary = i3::summarize_run(run); // still listed, by its folder's name
        QCOMPARE(summary.shown_name(), std::string("a"));
        QVERIFY(summary.problem.find("annotations.json") != std::string::npos);
        write_text(run / "annotations.json", "{not json");
        QVERIFY(error_of([&] { i3::read_run_annotations(run); }).find("annotations.json") != std::string::npos);
    }

    void onlyRunsThatNoTrainerWritesCanBeDeleted()
    {
        QTemporaryDir dir;
        const fs::path workspace = dir.path().toStdString();
        const fs::path stopped = fake_run(workspace, "stopped", "stopped");
        i3::remove_run(stopped);
        QVERIFY(!fs::exists(stopped));

        const fs::path locked = fake_run(workspace, "locked", "stopped");
        {
            const i3::RunLock trainer(locked); // as a trainer holds it
            QVERIFY(error_of([&] { i3::remove_run(locked); }).find("is being trained") != std::string::npos);
            QVERIFY(fs::exists(locked / "run.json"));
        }
        i3::remove_run(locked);
        QVERIFY(!fs::exists(locked));

        const fs::path remote = fake_run(workspace, "remote", "training"); // no lock: another machine's trainer
        QVERIFY(error_of([&] { i3::remove_run(remote); }).find("says it is training") != std::string::npos);
        QVERIFY(fs::exists(remote / "run.json"));

        const fs::path notRun = workspace / "someone's files";
        write_text(notRun / "thesis.txt", "keep me");
        QVERIFY(error_of([&] { i3::remove_run(notRun); }).find("not a training run") != std::string::npos);
        QVERIFY(fs::exists(notRun / "thesis.txt"));

        const fs::path broken = workspace / "broken";
        write_text(broken / "run.json", "{broken");
        i3::remove_run(broken); // unreadable, unlocked: no trainer is at work
        QVERIFY(!fs::exists(broken));
    }

    void flatteningJoinsKeysWithDots()
    {
        const auto flat = i3::flatten_json(nlohmann::json::parse(R"({"a": {"b": 1, "c": [1, 2], "e": {}}, "d": "x", "f": 0.5})"));
        const std::map<std::string, std::string> expected = {{"a.b", "1"}, {"a.c", "[1,2]"}, {"a.e", "{}"}, {"d", "x"}, {"f", "0.5"}};
        QCOMPARE(flat, expected);
    }

    void theDiffShowsOnlyWhatDiffers()
    {
        QTemporaryDir dir;
        const fs::path workspace = dir.path().toStdString();
        i3::RunInfo a = i3::RunFolder(fake_run(workspace, "a", "finished", 0.001, 4)).read_info();
        i3::RunInfo b = i3::RunFolder(fake_run(workspace, "b", "stopped", 0.002, 4)).read_info();
        i3::RunInfo c = i3::RunFolder(fake_run(workspace, "c", "training", 0.001, 8)).read_info();
        a.completed_steps = 10; // state, not configuration
        c.init_from = "/models/i3-22m";
        const auto differences = i3::config_differences({i3::run_configuration(a), i3::run_configuration(b), i3::run_configuration(c)});
        QCOMPARE(int(differences.size()), 3);
        QCOMPARE(differences[0].key, std::string("init_from"));
        QVERIFY(!differences[0].values[0] && !differences[0].values[1]);
        QCOMPARE(*differences[0].values[2], std::string("/models/i3-22m"));
        QCOMPARE(differences[1].key, std::string("training.batch_size"));
        QCOMPARE(*differences[1].values[0], std::string("4"));
        QCOMPARE(*differences[1].values[2], std::string("8"));
        QCOMPARE(differences[2].key, std::string("training.lr"));
        QCOMPARE(*differences[2].values[0], std::string("0.001"));
        QCOMPARE(*differences[2].values[1], std::string("0.002"));
        QVERIFY(i3::config_differences({i3::run_configuration(a)}).empty());
        QVERIFY(i3::config_differences({i3::run_configuration(a), i3::run_configuration(a)}).empty());
    }

    void aShapeNamesItsPreset()
    {
        i3::ModelConfig model = i3::ModelConfig::preset("tiny");
        model.vocab_size = 999; // the data's
        QCOMPARE(i3::preset_of(model), std::string("tiny"));
        QCOMPARE(i3::preset_of(i3::ModelConfig::preset("i3-80m")), std::string("i3-80m"));
        i3::ModelConfig reordered = model;
        reordered.set_layer_order("HAH");
        QCOMPARE(i3::preset_of(reordered), std::string()); // tiny's blocks, not in tiny's order
        model.d_model += 8;
        QCOMPARE(i3::preset_of(model), std::string());
        QTemporaryDir dir;
        QCOMPARE(i3::summarize_run(fake_run(dir.path().toStdString(), "a", "stopped")).preset, std::string("tiny"));
    }

    void aForkStartsFromTheCheckpointWithItsOwnSettings()
    {
        QTemporaryDir dir;
        const fs::path parent = fs::path(dir.path().toStdString()) / "parent";
        const i3::TrainConfig parentConfig = quick(20);
        i3::Trainer(parent, tiny(), parentConfig, rhymes(parentConfig)).run({});
        const fs::path checkpoint = i3::RunFolder(parent).checkpoint_dir(10);
        QCOMPARE(i3::checkpoint_step(checkpoint), int64_t(10));

        // A learning rate too small to move the weights in one step: the fork's step-1 checkpoint
        // then holds the parent's weights, and its optimizer shows whether the moments came along.
        i3::TrainConfig forkConfig = quick(1);
        forkConfig.lr = 1e-30;
        forkConfig.weight_decay = 0;
        forkConfig.beta1 = 0.8;
        forkConfig.checkpoint_every = 1;
        forkConfig.eval_every = 1;
        forkConfig.validation_fraction = 0.3; // the parent's split stays
        const fs::path fork = fs::path(dir.path().toStdString()) / "fork";
        i3::fork_run({parent, checkpoint, fork, tiny(), forkConfig})->run({});

        const i3::RunInfo info = i3::RunFolder(fork).read_info();
        QVERIFY(info.forked_from);
        QCOMPARE(info.forked_from->run, fs::weakly_canonical(parent));
        QCOMPARE(info.forked_from->checkpoint, fs::weakly_canonical(checkpoint));
        QCOMPARE(info.forked_from->step, int64_t(10));
        QCOMPARE(info.training.lr, 1e-30);
        QCOMPARE(info.training.validation_fraction, parentConfig.validation_fraction);
        const i3::RunInfo parentInfo = i3::RunFolder(parent).read_info();
        QCOMPARE(info.train_tokens, parentInfo.train_tokens);
        QCOMPARE(info.validation_tokens, parentInfo.validation_tokens);

        const auto before = i3::read_safetensors(checkpoint / "model.safetensors");
        const auto after = i3::read_safetensors(i3::RunFolder(fork).checkpoint_dir(1) / "model.safetensors");
        QCOMPARE(after.size(), before.size());
        for (size_t i = 0; i < before.size(); ++i) {
            QCOMPARE(after[i].first, before[i].first);
            QVERIFY2(torch::allclose(after[i].second, before[i].second, 0, 1e-6), before[i].first.c_str());
        }
        const SavedOptimizer parentOptimizer(parent, checkpoint);
        const SavedOptimizer forkOptimizer(fork, i3::RunFolder(fork).checkpoint_dir(1));
        QCOMPARE(parentOptimizer.adam_step(), int64_t(10));
        QCOMPARE(forkOptimizer.adam_step(), int64_t(11)); // the parent's moments, one step on
        QCOMPARE(std::get<0>(forkOptimizer.options().betas()), 0.8);
        QCOMPARE(forkOptimizer.options().weight_decay(), 0.0);
        QCOMPARE(parentOptimizer.options().weight_decay(), parentConfig.weight_decay);
        QCOMPARE(i3::summarize_run(fork).steps_done, int64_t(1));
    }

    void aForkMustKeepTheShapeAndUseItsParentsCheckpoint()
    {
        QTemporaryDir dir;
        const fs::path workspace = dir.path().toStdString();
        const fs::path parent = workspace / "parent";
        const i3::TrainConfig config = quick(10);
        i3::Trainer(parent, tiny(), config, rhymes(config)).run({});
        const fs::path checkpoint = i3::RunFolder(parent).checkpoint_dir(10);

        i3::ModelConfig wider = tiny();
        wider.d_model *= 2;
        const std::string shape = error_of([&] { i3::fork_run({parent, checkpoint, workspace / "wide", wider, config}); });
        QVERIFY2(shape.find("d_model is " + std::to_string(wider.d_model) + " here but") != std::string::npos, shape.c_str());
        QVERIFY(!fs::exists(workspace / "wide"));
        i3::ModelConfig reordered = tiny();
        reordered.set_layer_order("AHH");
        const std::string order =
            error_of([&] { i3::fork_run({parent, checkpoint, workspace / "reordered", reordered, config}); });
        QVERIFY2(order.find("layer_pattern is AHH here but HHA in that run") != std::string::npos, order.c_str());

        const fs::path other = workspace / "other";
        i3::Trainer(other, tiny(), config, rhymes(config)).run({});
        const std::string foreign = error_of(
            [&] { i3::fork_run({parent, i3::RunFolder(other).checkpoint_dir(10), workspace / "f", tiny(), config}); });
        QVERIFY2(foreign.find("is not a checkpoint of") != std::string::npos, foreign.c_str());
        QVERIFY(error_of([&] { i3::fork_run({parent, checkpoint, other, tiny(), config}); }).find("other") !=
                std::string::npos); // an existing run is never a fork's folder
    }
};

QTEST_GUILESS_MAIN(TestRunManagement)
#include "test_run_management.moc"
