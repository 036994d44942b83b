// SPDX-License-Identifier: GPL-3.0-or-later
// Reading run folders from outside the trainer: the workspace's list of runs (order, status, last
// and best losses, broken run.json), following a metrics log that grows, is half-written or is
// rewritten, and snapshots of a run's checkpoints that load like any model folder.
#include <torch/torch.h>

#include "base/error.h"
#include "model/model_artifacts.h"
#include "runs/run_catalog.h"
#include "runs/run_snapshot.h"
#include "training/saved_checkpoints.h"
#include "training/trainer.h"

#include <QtTest>

#include <chrono>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;

namespace {

void write_text(const fs::path& file, const std::string& text, std::ios::openmode mode = std::ios::trunc)
{
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | mode);
    out << text;
}

std::string train_line(int step, double loss)
{
    nlohmann::json line = {{"kind", "train"}, {"step", step},     {"loss", loss},        {"ppl", std::exp(loss)},
                           {"lr", 1e-3},      {"grad_norm", 0.5}, {"tokens_per_s", 900}, {"elapsed_s", step * 0.25}};
    return line.dump() + "\n";
}

std::string eval_line(int step, double train_loss_mean, double val_loss)
{
    nlohmann::json line = {{"kind", "eval"}, {"step", step}, {"train_loss_mean", train_loss_mean},
                           {"best", false},  {"elapsed_s", step * 0.25}};
    line["val_loss"] = val_loss;
    line["val_ppl"] = std::exp(val_loss);
    return line.dump() + "\n";
}

// run.json as the trainer writes it (the model part in config.json's words).
std::string run_json(const std::string& status, int total_steps, int completed_steps)
{
    return R"({"format": "i3-run-1", "created": "2025-01-01T10:00:00Z", "status": ")" + status + R"(",
  "model": {"vocab_size": 300, "d_model": 64, "n_heads": 4, "max_seq_len": 48, "conv_layers": 2,
            "attn_layers": 1, "d_state": 8, "tokenizer_type": "chunk"},
  "training": {"steps": )" + std::to_string(total_steps) + R"(, "batch_size": 4, "lr": 0.001},
  "parameters": 123456, "train_tokens": 5000, "validation_tokens": 500,
  "completed_steps": )" + std::to_string(completed_steps) + "}\n";
}

void set_age(const fs::path& folder, std::chrono::seconds age)
{
    const auto when = fs::file_time_type::clock::now() - age;
    for (const char* name : {"run.json", "metrics.jsonl"})
        if (fs::exists(folder / name))
            fs::last_write_time(folder / name, when);
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
    config.warmup_steps = 5;
    config.log_every = 1;
    config.eval_every = 10;
    config.checkpoint_every = 10;
    config.eval_windows = 4;
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

torch::Tensor logits_of(i3::I3Model& model)
{
    torch::NoGradGuard no_grad;
    model->eval();
    const auto ids = torch::arange(0, 24, torch::kLong).remainder(model->config().vocab_size).unsqueeze(0);
    return model->forward(ids);
}

} // namespace

class TestRunCatalog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listsRunsNewestFirstWithTheirNumbers()
    {
        QTemporaryDir dir;
        const fs::path workspace = dir.path().toStdString();
        // A finished run, an hour old: losses 4.0, 3.0, 2.0; validation 3.5, 2.25, 2.5.
        const fs::path finished = workspace / "finished-run";
        write_text(finished / "run.json", run_json("finished", 30, 30));
        write_text(finished / "metrics.jsonl", train_line(10, 4.0) + eval_line(10, 4.2, 3.5) + train_line(20, 3.0) +
                                                   eval_line(20, 3.1, 2.25) + train_line(30, 2.0) +
                                                   eval_line(30, 2.1, 2.5));
        set_age(finished, std::chrono::hours(1));
        // A run still training: run.json was written at its start, metrics.jsonl just now.
        const fs::path training = workspace / "training-run";
        write_text(training / "run.json", run_json("training", 1000, 0));
        write_text(training / "metrics.jsonl", train_line(1, 5.5) + train_line(2, 5.25));
        set_age(training, std::chrono::seconds(0));
        // A broken run.json, ten minutes old.
        const fs::path broken = workspace / "broken-run";
        write_text(broken / "run.json", "{\"status\": \"training\", \"model\": ");
        set_age(broken, std::chrono::minutes(10));
        // Not runs: a folder without run.json, and a file.
        fs::create_directories(workspace / "not-a-run");
        write_text(workspace / "notes.txt", "hello");

        const auto runs = i3::list_runs(workspace);
        QCOMPARE(runs.size(), size_t(3));
        QCOMPARE(runs[0].name, std::string("training-run"));
        QCOMPARE(runs[1].name, std::string("broken-run"));
        QCOMPARE(runs[2].name, std::string("finished-run"));

        const auto& live = runs[0];
        QVERIFY(live.status == i3::RunStatus::Training);
        QVERIFY(live.problem.empty());
        QCOMPARE(live.steps_done, int64_t(2));
        QCOMPARE(live.total_steps, int64_t(1000));
        QCOMPARE(*live.last_loss, 5.25);
        QVERIFY(!live.best_validation_loss);
        QVERIFY(live.seconds_since_update < 60);

        const auto& unreadable = runs[1];
        QVERIFY(!unreadable.status); // unreadable
        QVERIFY2(QString::fromStdString(unreadable.problem).contains("run.json"), unreadable.problem.c_str());
        QCOMPARE(unreadable.folder, broken);

        const auto& done = runs[2];
        QVERIFY(done.status == i3::RunStatus::Finished);
        QCOMPARE(done.steps_done, int64_t(30));
        QCOMPARE(done.total_steps, int64_t(30));
        QCOMPARE(*done.last_loss, 2.0);
        QCOMPARE(*done.best_validation_loss, 2.25);
        QCOMPARE(done.parameters, int64_t(123456));
        QCOMPARE(done.description, std::string("d_model 64, 2+1 layers, context 48"));
        QVERIFY2(std::abs(done.seconds_since_update - 3600) < 60,
                 qPrintable(QString::number(done.seconds_since_update)));
        QCOMPARE(done.folder, finished);
    }

    void missingWorkspacesAndFoldersThatAreNotRuns()
    {
        QTemporaryDir dir;
        QVERIFY(i3::list_runs(fs::path(dir.path().toStdString()) / "nowhere").empty());
        QVERIFY(i3::list_runs(dir.path().toStdString()).empty());
        QVERIFY_EXCEPTION_THROWN(i3::summarize_run(dir.path().toStdString()), i3::Error);

        // run.json that is JSON but not a run's: listed as unreadable, not thrown.
        const fs::path odd = fs::path(dir.path().toStdString()) / "odd";
        write_text(odd / "run.json", "[1, 2, 3]");
        const auto summary = i3::summarize_run(odd);
        QVERIFY(!summary.status); // unreadable
        QVERIFY(!summary.problem.empty());
    }

    void metricsLinesBecomeCurves()
    {
        i3::RunMetrics metrics;
        metrics.add_line(nlohmann::json::parse(train_line(7, 3.0)));
        metrics.add_line(
            nlohmann::json::parse(R"({"kind": "eval", "step": 7, "train_loss_mean": 3.25, "best": true})"));
        metrics.add_line(nlohmann::json::parse(R"({"kind": "sample", "step": 7})"));
        QCOMPARE(metrics.step, std::vector<double>{7});
        QCOMPARE(metrics.loss, std::vector<double>{3.0});
        QCOMPARE(metrics.perplexity.at(0), std::exp(3.0));
        QCOMPARE(metrics.lr, std::vector<double>{1e-3});
        QCOMPARE(metrics.grad_norm, std::vector<double>{0.5});
        QCOMPARE(metrics.tokens_per_second, std::vector<double>{900});
        QCOMPARE(metrics.elapsed_seconds, std::vector<double>{1.75});
        QCOMPARE(metrics.eval_step, std::vector<double>{7});
        QCOMPARE(metrics.train_loss_mean, std::vector<double>{3.25});
        QCOMPARE(metrics.validation_loss.size(), size_t(1));
        QVERIFY(std::isnan(metrics.validation_loss[0])); // no validation split
    }

    void followerReadsOnlyWhatIsNew()
    {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "metrics.jsonl";
        i3::MetricsFollower follower(file);
        auto update = follower.poll(); // not there yet
        QVERIFY(update.lines.empty());
        QVERIFY(!update.reset);

        write_text(file, train_line(1, 5.0) + train_line(2, 4.5));
        update = follower.poll();
        QCOMPARE(update.lines.size(), size_t(2));
        QCOMPARE(update.lines[1].at("loss").get<double>(), 4.5);
        QVERIFY(!update.reset);
        QVERIFY(follower.poll().lines.empty()); // nothing new

        // A line and half of the next: the half waits.
        const std::string third = train_line(3, 4.0);
        write_text(file, train_line(3, 4.25) + third.substr(0, 20), std::ios::app);
        update = follower.poll();
        QCOMPARE(update.lines.size(), size_t(1));
        QCOMPARE(update.lines[0].at("step").get<int>(), 3);
        QCOMPARE(update.skipped_lines, int64_t(0));
        write_text(file, third.substr(20) + "not json at all\n\n" + eval_line(3, 4.1, 3.9), std::ios::app);
        update = follower.poll();
        QCOMPARE(update.lines.size(), size_t(2));
        QCOMPARE(update.lines[0].at("loss").get<double>(), 4.0);
        QCOMPARE(update.lines[1].at("val_loss").get<double>(), 3.9);
        QCOMPARE(update.skipped_lines, int64_t(1));
        QVERIFY(!update.reset);

        // Truncated and rewritten shorter: read again from the start.
        write_text(file, train_line(1, 9.0));
        update = follower.poll();
        QVERIFY(update.reset);
        QCOMPARE(update.lines.size(), size_t(1));
        QCOMPARE(update.lines[0].at("loss").get<double>(), 9.0);

        // Replaced by a longer file with other content: also a reset.
        write_text(file, train_line(1, 8.0) + train_line(2, 7.0) + train_line(3, 6.0));
        update = follower.poll();
        QVERIFY(update.reset);
        QCOMPARE(update.lines.size(), size_t(3));
        QCOMPARE(update.lines[0].at("loss").get<double>(), 8.0);

        // Replaced (renamed over, as a sync does) by the same lines and one more: only the new one.
        const fs::path synced = file.string() + ".sync";
        write_text(synced, train_line(1, 8.0) + train_line(2, 7.0) + train_line(3, 6.0) + train_line(4, 5.0));
        fs::rename(synced, file);
        update = follower.poll();
        QVERIFY(!update.reset);
        QCOMPARE(update.lines.size(), size_t(1));
        QCOMPARE(update.lines[0].at("step").get<int>(), 4);

        // Removed: a reset with nothing in it.
        fs::remove(file);
        update = follower.poll();
        QVERIFY(update.reset);
        QVERIFY(update.lines.empty());
    }

    void aRealRunIsSummarizedAndSnapshotted()
    {
        QTemporaryDir dir;
        const fs::path workspace = dir.path().toStdString();
        const fs::path folder = workspace / "rhymes";
        const auto config = quick(20);
        std::vector<double> step_losses, validation_losses;
        int64_t best_step = -1;
        {
            i3::Trainer trainer(folder, tiny(), config, rhymes(config));
            trainer.run([&](const i3::TrainEvent& event) {
                if (event.kind == i3::TrainEvent::Kind::Step)
                    step_losses.push_back(event.loss);
                if (event.kind == i3::TrainEvent::Kind::Evaluation) {
                    validation_losses.push_back(event.validation_loss);
                    if (event.is_best)
                        best_step = event.step;
                }
            });
        }
        QVERIFY(best_step > 0);
        QCOMPARE(step_losses.size(), size_t(20));
        QCOMPARE(validation_losses.size(), size_t(2));

        const auto runs = i3::list_runs(workspace);
        QCOMPARE(runs.size(), size_t(1));
        const auto& run = runs[0];
        QCOMPARE(run.name, std::string("rhymes"));
        QVERIFY(run.status == i3::RunStatus::Finished);
        QCOMPARE(run.steps_done, int64_t(20));
        QCOMPARE(run.total_steps, int64_t(20));
        QCOMPARE(run.description, std::string("d_model 64, 2+1 layers, context 32"));
        QCOMPARE(*run.last_loss, step_losses.back());
        QCOMPARE(*run.best_validation_loss, std::min(validation_losses[0], validation_losses[1]));

        const auto metrics = i3::read_run_metrics(folder);
        QCOMPARE(metrics.loss, step_losses);
        QCOMPARE(metrics.validation_loss, validation_losses);
        QCOMPARE(metrics.step.front(), 1.0);
        QCOMPARE(metrics.step.back(), 20.0);
        QCOMPARE(metrics.eval_step, (std::vector<double>{10, 20}));

        // The latest checkpoint (step 20) holds the final weights.
        const fs::path snapshot = workspace / "snapshot";
        write_text(snapshot / "stale.txt", "left over");
        QCOMPARE(i3::snapshot_run_checkpoint(folder, snapshot), snapshot);
        QVERIFY(!fs::exists(snapshot / "stale.txt"));
        auto from_snapshot = i3::load_model_folder(snapshot);
        auto final_model = i3::load_model_folder(folder / "i3-model-artifacts");
        QCOMPARE(from_snapshot.tokenizer.vocab_size(), final_model.tokenizer.vocab_size());
        int64_t parameters = 0;
        for (const auto& parameter : final_model.model->parameters())
            parameters += parameter.numel();
        QCOMPARE(run.parameters, parameters);
        QVERIFY(torch::equal(logits_of(from_snapshot.model), logits_of(final_model.model)));

        // The best checkpoint: make step 10's weights the best, so they differ from the latest.
        const fs::path best_folder = folder / "checkpoints" / "best";
        fs::copy_file(folder / "checkpoints" / "step-0000010" / "model.safetensors", best_folder / "model.safetensors",
                      fs::copy_options::overwrite_existing);
        i3::snapshot_run_checkpoint(folder, snapshot, i3::RunCheckpoint::Best);
        auto best = i3::load_model_folder(snapshot);
        QVERIFY(!torch::equal(logits_of(best.model), logits_of(final_model.model)));
        i3::load_state_dict(final_model.model, i3::read_weights(best_folder / "model.safetensors"), "best");
        QVERIFY(torch::equal(logits_of(best.model), logits_of(final_model.model)));

        // The run's checkpoints as the Playground lists them: the latest, the best, the older one.
        const auto saved = i3::saved_checkpoints(i3::RunFolder(folder));
        QCOMPARE(saved.size(), size_t(3));
        QCOMPARE(saved[0].folder, folder / "checkpoints" / "step-0000020");
        QCOMPARE(saved[0].step, int64_t(20));
        QVERIFY(saved[0].latest && !saved[0].best);
        QCOMPARE(saved[1].folder, best_folder);
        QCOMPARE(saved[1].step, best_step);
        QVERIFY(saved[1].best && !saved[1].latest);
        QCOMPARE(saved[2].folder, folder / "checkpoints" / "step-0000010");
        QCOMPARE(saved[2].step, int64_t(10));
        QVERIFY(!saved[2].best && !saved[2].latest);

        // One checkpoint by its folder: step 10's weights (the best's now) and its step.
        i3::snapshot_run_checkpoint(folder, snapshot, folder / "checkpoints" / "step-0000010");
        QCOMPARE(i3::checkpoint_step(snapshot), int64_t(10));
        auto step10 = i3::load_model_folder(snapshot);
        QVERIFY(torch::equal(logits_of(step10.model), logits_of(best.model)));
        try {
            i3::snapshot_run_checkpoint(folder, snapshot, folder / "checkpoints" / "step-0000005");
            QFAIL("a checkpoint that is not there was snapshotted");
        } catch (const i3::Error& error) {
            QVERIFY2(QString(error.what()).contains("step-0000005 is not there"), error.what());
        }

        // The checkpoint moves away while the snapshot is taken, and comes back: it is waited for.
        const fs::path step20 = folder / "checkpoints" / "step-0000020";
        const fs::path moved = folder / "checkpoints" / "moved";
        fs::rename(step20, moved);
        std::thread restore([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
            fs::rename(moved, step20);
        });
        i3::snapshot_run_checkpoint(folder, snapshot);
        restore.join();
        QVERIFY(fs::exists(snapshot / "model.safetensors"));
        // Gone for good: a clear error.
        fs::rename(step20, moved);
        QVERIFY_EXCEPTION_THROWN(i3::snapshot_run_checkpoint(folder, snapshot), i3::Error);
        fs::rename(moved, step20);

        // The snapshot may not be where the run is.
        QVERIFY_EXCEPTION_THROWN(i3::snapshot_run_checkpoint(folder, folder), i3::Error);
        QVERIFY_EXCEPTION_THROWN(i3::snapshot_run_checkpoint(folder, workspace), i3::Error);
        QVERIFY(fs::exists(folder / "run.json"));
    }

    void aRunWithoutCheckpointsCannotBeSnapshotted()
    {
        QTemporaryDir dir;
        const fs::path folder = fs::path(dir.path().toStdString()) / "new-run";
        const auto config = quick(20);
        i3::Trainer trainer(folder, tiny(), config, rhymes(config)); // created, not trained
        const fs::path snapshot = fs::path(dir.path().toStdString()) / "snapshot";
        for (const auto which : {i3::RunCheckpoint::Latest, i3::RunCheckpoint::Best}) {
            try {
                i3::snapshot_run_checkpoint(folder, snapshot, which);
                QFAIL("a run without checkpoints was snapshotted");
            } catch (const i3::Error& error) {
                QVERIFY2(QString(error.what()).contains("no ") && QString(error.what()).contains("checkpoint yet"),
                         error.what());
            }
        }
        QVERIFY_EXCEPTION_THROWN(i3::snapshot_run_checkpoint(dir.path().toStdString(), snapshot), i3::Error);

        const auto summary = i3::summarize_run(folder);
        QVERIFY(summary.status == i3::RunStatus::Created);
        QCOMPARE(summary.steps_done, int64_t(0));
        QVERIFY(!summary.last_loss);
    }
};

QTEST_GUILESS_MAIN(TestRunCatalog)
#include "test_run_catalog.moc"
