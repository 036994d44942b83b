// SPDX-License-Identifier: GPL-3.0-or-later
// The Playground: a model folder loads, a fixed seed gives the same text twice and the text the
// engine's generator gives on its own, another seed gives other text, greedy is the argmax of a
// plain forward pass at every step, the sampling is remembered, the prompt shows as typed (no
// <UNK>), Stop ends a long generation within moments, an empty prompt or a bad folder gives the
// engine's message inline, a run's latest checkpoint loads (also while the run is still training)
// with its step shown, another checkpoint of the run is picked from the list, and "Load run…"
// opens where it is told.
#include "data/builtin_corpus.h"
#include "base/error.h"
#include "generation/generator.h"
#include "model/model_artifacts.h"
#include "training/trainer.h"
#include "runs/run_folder.h"

#include <torch/torch.h>

#include "hub_stand_in.h"
#include "playground_panel.h"
#include "studio_settings.h"
#include "token_view.h"

#include <QtTest>
#include <QtWidgets>

#include <atomic>
#include <fstream>
#include <thread>

namespace {

const char* kPrompt = "once upon a time";

// What the panel's sliders and boxes are set to in these tests, as the engine's options.
i3::GenerationOptions options(int length, uint64_t seed)
{
    i3::GenerationOptions options;
    options.sampling.temperature = 0.8;
    options.sampling.top_k = 40;
    options.sampling.top_p = 0.9;
    options.max_new_tokens = length;
    options.seed = seed;
    return options;
}

void setUp(PlaygroundPanel& panel, int length, qint64 seed)
{
    panel.setTemperature(0.8);
    panel.setTopK(40);
    panel.setTopP(0.9);
    panel.setLength(length);
    panel.setSeed(seed);
}

// The new text alone, as the engine's generator makes it without the panel.
std::string directNewText(const QString& folder, const std::string& prompt, const i3::GenerationOptions& options,
                          size_t* token_count = nullptr)
{
    const auto loaded = i3::load_model_folder(folder.toStdString());
    i3::Generator generator(loaded.model, loaded.tokenizer);
    const auto result = generator.generate(prompt, options);
    if (token_count)
        *token_count = result.new_ids.size();
    return loaded.tokenizer.decode(result.new_ids);
}

QPushButton* button(PlaygroundPanel& panel, const char* name) { return panel.findChild<QPushButton*>(name); }

// Forgets what earlier panels remembered (QSettings' test-mode file).
void forgetStudioSettings() { QSettings(QSettings::IniFormat, QSettings::UserScope, "i3-studio", "i3-studio").clear(); }

// The new tokens of greedy decoding worked out without the generator: at every step the whole
// sequence through the model's plain forward pass, then the index of the largest last logit.
std::string argmaxNewText(const QString& folder, const std::string& prompt, int length)
{
    auto loaded = i3::load_model_folder(folder.toStdString());
    torch::NoGradGuard no_grad;
    loaded.model->eval();
    std::vector<int64_t> ids = loaded.tokenizer.encode(prompt), added;
    for (int n = 0; n < length; ++n) {
        const auto input = torch::tensor(ids, torch::kLong).unsqueeze(0);
        const auto logits = loaded.model->forward(input)[0][int64_t(ids.size()) - 1];
        const int64_t next = logits.argmax().item<int64_t>();
        ids.push_back(next);
        added.push_back(next);
    }
    return loaded.tokenizer.decode(added);
}

void load(PlaygroundPanel& panel, const QString& folder)
{
    QSignalSpy loaded(&panel, &PlaygroundPanel::modelLoaded);
    panel.loadModelFolder(folder);
    QVERIFY(loaded.wait(120000));
    QTRY_VERIFY(!panel.isLoading());
    QVERIFY(panel.hasModel());
}

// Clicks Generate and waits for the end; returns generationFinished's arguments.
QList<QVariant> clickGenerate(PlaygroundPanel& panel)
{
    QSignalSpy finished(&panel, &PlaygroundPanel::generationFinished);
    QTest::mouseClick(button(panel, "generateButton"), Qt::LeftButton);
    if (!finished.wait(300000))
        return {};
    return finished.first();
}

std::vector<std::string> rhymes()
{
    std::vector<std::string> texts;
    const char* lines[] = {"the cat sat on the mat. ", "the dog ran to the park. ", "once upon a time a frog sang. "};
    for (int i = 0; i < 90; ++i)
        texts.push_back(std::string(lines[i % 3]) + lines[(i / 3) % 3]);
    return texts;
}

i3::TrainConfig quickTraining(int64_t steps, int64_t checkpoint_every)
{
    i3::TrainConfig config;
    config.steps = steps;
    config.batch_size = 2;
    config.lr = 3e-3;
    config.warmup_steps = 2;
    config.log_every = 1;
    config.eval_every = steps;
    config.checkpoint_every = checkpoint_every;
    config.eval_windows = 2;
    config.sample_tokens = 4;
    config.validation_fraction = 0.1;
    return config;
}

void train(const QString& run, int64_t steps, int64_t checkpoint_every, const i3::CancelToken* cancel = nullptr)
{
    auto model = i3::ModelConfig::preset("tiny");
    model.max_seq_len = 16;
    const auto config = quickTraining(steps, checkpoint_every);
    const auto texts = rhymes();
    auto data = i3::prepare_training_data(texts, i3::ChunkTokenizer::build(texts), {"rhymes"}, config, model.max_seq_len);
    i3::Trainer trainer(run.toStdString(), model, config, std::move(data));
    trainer.run([](const i3::TrainEvent&) {}, cancel);
}

} // namespace

class TestPlaygroundPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        forgetStudioSettings();
        QVERIFY(dir_.isValid());
        modelFolder_ = dir_.filePath("model");
        auto texts = i3::builtin_corpus_texts();
        texts.resize(300);
        const auto tokenizer = i3::ChunkTokenizer::build(texts);
        auto config = i3::ModelConfig::preset("tiny");
        config.vocab_size = tokenizer.vocab_size();
        torch::manual_seed(11);
        i3::I3Model model(config);
        {
            // Weights far from the reference's nearly uniform start, so that probabilities vary.
            torch::NoGradGuard no_grad;
            for (auto& parameter : model->parameters())
                parameter.add_(torch::randn_like(parameter) * 0.3);
        }
        i3::save_model_folder(modelFolder_.toStdString(), config, model, tokenizer);
    }

    void aFixedSeedGivesTheSameTextTwice()
    {
        PlaygroundPanel panel;
        QSignalSpy loaded(&panel, &PlaygroundPanel::modelLoaded);
        QSignalSpy jobs(&panel, &PlaygroundPanel::jobStarted);
        QVERIFY(!button(panel, "generateButton")->isEnabled());
        panel.loadModelFolder(modelFolder_);
        QVERIFY(loaded.wait(120000));
        QTRY_VERIFY(!panel.isLoading());
        const QString description = loaded.first().first().toString();
        QCOMPARE(panel.findChild<QLabel*>("modelLabel")->text(), description);
        const auto config = i3::read_model_config((modelFolder_ + "/config.json").toStdString());
        QVERIFY2(description.contains(QString("vocabulary %L1").arg(config.vocab_size)), qPrintable(description));
        QVERIFY(button(panel, "generateButton")->isEnabled());

        QTest::keyClicks(panel.findChild<QPlainTextEdit*>("promptEdit"), kPrompt);
        setUp(panel, 40, 1234);
        const auto first = clickGenerate(panel);
        QCOMPARE(first.size(), 2);
        QCOMPARE(first.at(1).toBool(), false);
        const QString text = panel.generatedText();
        QVERIFY(!text.isEmpty());
        QCOMPARE(first.at(0).toString(), text);
        QCOMPARE(panel.outputText(), QString(kPrompt) + text);
        auto* tokens = panel.findChild<TokenView*>("tokenView");
        QCOMPARE(tokens->tokenCount(), 40);
        QVERIFY(panel.findChild<QLabel*>("speedLabel")->text().contains("tokens/s"));
        QCOMPARE(jobs.count(), 2); // the load, the generation

        const auto second = clickGenerate(panel);
        QCOMPARE(second.at(1).toBool(), false);
        QCOMPARE(panel.generatedText(), text);
        QCOMPARE(tokens->tokenCount(), 40);

        // The engine on its own, loading the folder again, gives the same new text.
        size_t direct_tokens = 0;
        QCOMPARE(panel.generatedText().toStdString(), directNewText(modelFolder_, kPrompt, options(40, 1234), &direct_tokens));
        QCOMPARE(direct_tokens, size_t(40));

        // Another seed: other text (checked for this pair of seeds).
        panel.setSeed(4321);
        clickGenerate(panel);
        QVERIFY(!panel.generatedText().isEmpty());
        QVERIFY(panel.generatedText() != text);
        QCOMPARE(panel.generatedText().toStdString(), directNewText(modelFolder_, kPrompt, options(40, 4321)));
    }

    void greedyTakesTheMostLikelyTokenEachTime()
    {
        PlaygroundPanel panel;
        load(panel, modelFolder_);
        panel.setPrompt(kPrompt);
        setUp(panel, 10, 99);
        auto* greedy = panel.findChild<QCheckBox*>("greedyBox");
        QVERIFY(!greedy->isChecked());
        greedy->click();
        QVERIFY(!panel.findChild<QSlider*>("temperatureSlider")->isEnabled());
        QVERIFY(!panel.findChild<QSlider*>("topKSlider")->isEnabled());
        QVERIFY(!panel.findChild<QSlider*>("topPSlider")->isEnabled());
        clickGenerate(panel);
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        const std::string expected = argmaxNewText(modelFolder_, kPrompt, 10);
        QCOMPARE(panel.generatedText().toStdString(), expected);
        // Another seed changes nothing.
        panel.setSeed(7);
        clickGenerate(panel);
        QCOMPARE(panel.generatedText().toStdString(), expected);
        // Sampling again: the sliders work, and this seed's sampled text is not the argmax one.
        greedy->click();
        QVERIFY(panel.findChild<QSlider*>("temperatureSlider")->isEnabled());
        panel.setTemperature(2.0);
        panel.setTopK(0);
        panel.setTopP(1.0);
        clickGenerate(panel);
        QVERIFY(panel.generatedText().toStdString() != expected);
    }

    void theSamplingIsRememberedAcrossRestarts()
    {
        forgetStudioSettings();
        {
            // A first start: the engine's defaults (i3lm generate's), not the sliders' ends.
            PlaygroundPanel fresh;
            const GenerationSettings defaults = fresh.generationSettings();
            QCOMPARE(defaults.greedy, false);
            QCOMPARE(defaults.temperature, 0.8);
            QCOMPARE(defaults.topK, 50);
            QCOMPARE(defaults.topP, 1.0);
            QCOMPARE(defaults.maxNewTokens, 100);
            QCOMPARE(fresh.findChild<QSlider*>("temperatureSlider")->value(), 16);
        }
        {
            PlaygroundPanel first;
            first.findChild<QSlider*>("temperatureSlider")->setValue(7); // 0.35
            first.findChild<QSlider*>("topKSlider")->setValue(12);
            first.findChild<QSlider*>("topPSlider")->setValue(13); // 0.65
            first.findChild<QSpinBox*>("lengthSpin")->setValue(33);
            first.findChild<QSpinBox*>("seedSpin")->setValue(2024);
            first.findChild<QCheckBox*>("greedyBox")->setChecked(true);
        }
        PlaygroundPanel again;
        const GenerationSettings kept = again.generationSettings();
        QCOMPARE(kept.temperature, 0.35);
        QCOMPARE(kept.topK, 12);
        QCOMPARE(kept.topP, 0.65);
        QCOMPARE(kept.maxNewTokens, 33);
        QCOMPARE(kept.seed, quint64(2024));
        QCOMPARE(kept.greedy, true);
        QVERIFY(!again.findChild<QSlider*>("temperatureSlider")->isEnabled());
        forgetStudioSettings();
    }

    void thePromptShowsAsTyped()
    {
        // Capitals and a character the vocabulary lacks: the reference's text lowercases the
        // prompt and shows <UNK> for the snowman; the Playground shows what was typed.
        const QString prompt = QString::fromUtf8("Once upon a time \u2603");
        const auto loaded = i3::load_model_folder(modelFolder_.toStdString());
        const std::string seen = loaded.tokenizer.decode(loaded.tokenizer.encode(prompt.toStdString()));
        QVERIFY2(QString::fromStdString(seen).contains("<UNK>"), seen.c_str());

        PlaygroundPanel panel;
        load(panel, modelFolder_);
        panel.setPrompt(prompt);
        setUp(panel, 12, 3);
        clickGenerate(panel);
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        const std::string continuation = directNewText(modelFolder_, prompt.toStdString(), options(12, 3));
        QCOMPARE(panel.generatedText().toStdString(), continuation);
        QCOMPARE(panel.outputText(), prompt + QString::fromStdString(continuation));
    }

    void anotherCheckpointOfTheRunIsPicked()
    {
        QTemporaryDir dir;
        const QString run = dir.filePath("run");
        train(run, 6, 2); // checkpoints at steps 2, 4 and 6; the one evaluation at 6 is the best
        PlaygroundPanel panel;
        QSignalSpy loaded(&panel, &PlaygroundPanel::modelLoaded);
        panel.loadRunCheckpoint(run);
        QVERIFY(loaded.wait(120000));
        QTRY_VERIFY(!panel.isLoading());
        QCOMPARE(panel.loadedCheckpointStep(), qint64(6));
        QVERIFY2(loaded.first().first().toString().contains("step 6"), qPrintable(loaded.first().first().toString()));
        auto* combo = panel.findChild<QComboBox*>("checkpointCombo");
        QVERIFY(combo->isVisibleTo(&panel));
        QStringList items;
        for (int i = 0; i < combo->count(); ++i)
            items << combo->itemText(i);
        QCOMPARE(items, (QStringList{"Latest: step 6", "Best: step 6", "Step 4", "Step 2"}));
        QCOMPARE(combo->currentIndex(), 0);
        auto* label = panel.findChild<QLabel*>("checkpointLabel");
        QCOMPARE(label->text(), QString("Loaded: step 6, the latest checkpoint and the best evaluation so far"));

        // The last entry, chosen with the keyboard as a user would: step 2 loads.
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_End);
        QVERIFY(loaded.wait(120000));
        QTRY_VERIFY(!panel.isLoading());
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        QCOMPARE(panel.loadedCheckpointStep(), qint64(2));
        QCOMPARE(combo->currentIndex(), 3);
        QCOMPARE(label->text(), QString("Loaded: step 2, an earlier checkpoint"));

        // Its weights are step 2's: the same text as a folder put together from them by hand.
        const QString byHand = dir.filePath("by-hand");
        QVERIFY(QDir().mkpath(byHand));
        for (const auto& [from, to] : {std::pair<QString, QString>{run + "/config.json", "config.json"},
                                       {run + "/tokenizer.json", "tokenizer.json"},
                                       {run + "/checkpoints/step-0000002/model.safetensors", "model.safetensors"}})
            QVERIFY2(QFile::copy(from, byHand + "/" + to), qPrintable(from));
        panel.setPrompt("the cat");
        setUp(panel, 8, 5);
        clickGenerate(panel);
        QCOMPARE(panel.generatedText().toStdString(), directNewText(byHand, "the cat", options(8, 5)));

        // An exported folder has no checkpoints: the list goes.
        load(panel, modelFolder_);
        QCOMPARE(panel.loadedCheckpointStep(), qint64(-1));
        QVERIFY(!combo->isVisibleTo(&panel));
    }

    void loadRunOpensWhereItIsTold()
    {
        PlaygroundPanel panel;
        // Without being told: the workspace (StudioSettings, i3::default_workspace).
        QCOMPARE(panel.runDialogFolder(), StudioSettings().workspace());
        QTemporaryDir dir;
        panel.setRunDialogFolder(dir.path());
        QString shown;
        QTimer::singleShot(0, &panel, [&] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            shown = dialog->directory().absolutePath();
            dialog->reject();
        });
        QTest::mouseClick(button(panel, "loadRunButton"), Qt::LeftButton);
        QCOMPARE(shown, QDir(dir.path()).absolutePath());
        QVERIFY(!panel.isLoading());
    }

    void tokenViewShowsEachTokensIdAndProbability()
    {
        TokenView view;
        view.appendToken(17, "the", 0.25);
        view.appendToken(4, "\n", 0.875);
        QCOMPARE(view.tokenCount(), 2);
        QVERIFY(view.tokenToolTip(0).contains("id 17"));
        QVERIFY(view.tokenToolTip(0).contains("0.250"));
        QVERIFY(view.tokenToolTip(1).contains("0.875"));
        QVERIFY(view.tokenToolTip(2).isEmpty());
        // Unlikely tokens are red, likely ones green.
        QCOMPARE(TokenView::probabilityColor(0).hue(), 0);
        QCOMPARE(TokenView::probabilityColor(1).hue(), 120);
        view.clear();
        QCOMPARE(view.tokenCount(), 0);
    }

    void stopEndsAGenerationMidway()
    {
        PlaygroundPanel panel;
        load(panel, modelFolder_);
        panel.setPrompt(kPrompt);
        setUp(panel, 5000, 7);
        QSignalSpy finished(&panel, &PlaygroundPanel::generationFinished);
        QTest::mouseClick(button(panel, "generateButton"), Qt::LeftButton);
        QVERIFY(panel.isGenerating());
        QVERIFY(!button(panel, "generateButton")->isEnabled());
        auto* tokens = panel.findChild<TokenView*>("tokenView");
        QTRY_VERIFY_WITH_TIMEOUT(tokens->tokenCount() >= 5, 120000);
        QElapsedTimer stopping;
        stopping.start();
        QTest::mouseClick(button(panel, "stopButton"), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        qInfo("stopped after %d tokens, %lld ms after Stop", tokens->tokenCount(), stopping.elapsed());
        QVERIFY2(stopping.elapsed() < 5000, qPrintable(QString::number(stopping.elapsed())));
        QCOMPARE(finished.first().at(1).toBool(), true);
        QVERIFY(tokens->tokenCount() < 5000);
        QCOMPARE(finished.first().at(0).toString(), panel.generatedText());
        QVERIFY(!panel.isGenerating());
        QVERIFY(button(panel, "generateButton")->isEnabled());
        QVERIFY(panel.errorText().isEmpty());
    }

    void anEmptyPromptGivesTheGeneratorsMessage()
    {
        std::string expected;
        try {
            directNewText(modelFolder_, "", options(10, 1));
        } catch (const i3::Error& error) {
            expected = error.what();
        }
        QVERIFY(!expected.empty());

        PlaygroundPanel panel;
        load(panel, modelFolder_);
        setUp(panel, 10, 1);
        const auto finished = clickGenerate(panel);
        QCOMPARE(finished.size(), 2);
        QCOMPARE(panel.errorText().toStdString(), expected);
        auto* error = panel.findChild<QLabel*>("playgroundError");
        QVERIFY(error->isVisibleTo(&panel));
        QCOMPARE(error->text().toStdString(), expected);
        QVERIFY(panel.generatedText().isEmpty());
        QVERIFY(button(panel, "generateButton")->isEnabled());
    }

    void aBadFolderGivesTheEnginesMessage()
    {
        const QString missing = dir_.filePath("no-such-model");
        std::string expected;
        try {
            i3::load_model_folder(missing.toStdString());
        } catch (const i3::Error& error) {
            expected = error.what();
        }
        QVERIFY(!expected.empty());

        PlaygroundPanel panel;
        QSignalSpy loaded(&panel, &PlaygroundPanel::modelLoaded);
        panel.loadModelFolder(missing);
        QTRY_VERIFY(!panel.isLoading());
        QCOMPARE(loaded.count(), 0);
        QVERIFY(!panel.hasModel());
        QCOMPARE(panel.errorText().toStdString(), expected);
        QVERIFY(!button(panel, "generateButton")->isEnabled());
    }

    // The Hub button's path: a model repo on the stand-in Hub is downloaded into the test's own
    // cache (progress reported by the job) and loaded; it generates what the same folder does.
    void aHubModelDownloadsAndLoads()
    {
        QTemporaryDir dir;
        const QString spec = dir.filePath("spec.json");
        QFile file(spec);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(QJsonObject{{"repos", QJsonArray{QJsonObject{
                                                           {"type", "model"},
                                                           {"id", "owner/tiny-i3"},
                                                           {"folder", modelFolder_},
                                                           {"lfs", QJsonArray{"model.safetensors", "pytorch_model.bin"}}}}}})
                       .toJson());
        file.close();
        i3test::HubServer server;
        QVERIFY(server.start(spec));
        const QByteArray cache = dir.filePath("hf-cache").toUtf8();
        qputenv("HF_ENDPOINT", server.endpoint().toUtf8());
        qputenv("HF_HUB_CACHE", cache);
        qunsetenv("HF_HUB_OFFLINE");
        qunsetenv("HF_TOKEN");

        PlaygroundPanel panel;
        QVERIFY(button(panel, "hubButton")->isEnabled());
        QSignalSpy loaded(&panel, &PlaygroundPanel::modelLoaded);
        QSignalSpy jobs(&panel, &PlaygroundPanel::jobStarted);
        panel.loadHubModel("owner/tiny-i3");
        QCOMPARE(jobs.count(), 1);
        auto* job = jobs.first().first().value<EngineJob*>();
        QSignalSpy progress(job, &EngineJob::progress);
        QVERIFY(loaded.wait(120000));
        QTRY_VERIFY(!panel.isLoading());
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        QVERIFY(loaded.first().first().toString().contains("owner/tiny-i3"));
        QVERIFY(QDir(QString::fromUtf8(cache) + "/models--owner--tiny-i3/snapshots").count() > 2);
        QVERIFY(progress.count() > 0);

        // It generates what the engine makes from the same folder, loaded directly.
        QTest::keyClicks(panel.findChild<QPlainTextEdit*>("promptEdit"), kPrompt);
        setUp(panel, 12, 5);
        QCOMPARE(clickGenerate(panel).size(), 2);
        QVERIFY(!panel.generatedText().isEmpty());
        QCOMPARE(panel.generatedText().toStdString(), directNewText(modelFolder_, kPrompt, options(12, 5)));

        // A repo the Hub does not have: its message, and no model.
        PlaygroundPanel missing;
        missing.loadHubModel("owner/absent");
        QTRY_VERIFY_WITH_TIMEOUT(!missing.isLoading(), 120000);
        QVERIFY(!missing.hasModel());
        QVERIFY2(missing.errorText().contains("owner/absent"), qPrintable(missing.errorText()));
        qunsetenv("HF_ENDPOINT");
        qunsetenv("HF_HUB_CACHE");
    }

    void aRunsLatestCheckpointLoads()
    {
        QTemporaryDir dir;
        const QString run = dir.filePath("run");
        train(run, 6, 3);

        PlaygroundPanel panel;
        QSignalSpy loaded(&panel, &PlaygroundPanel::modelLoaded);
        panel.loadRunCheckpoint(run);
        QVERIFY(loaded.wait(120000));
        QTRY_VERIFY(!panel.isLoading());
        QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
        QCOMPARE(panel.loadedCheckpointStep(), qint64(6));

        // The same checkpoint put together by hand: the run's config and tokenizer, and the
        // weights of the folder that checkpoints/latest names.
        std::string latest;
        std::ifstream(QDir(run).filePath("checkpoints/latest").toStdString()) >> latest;
        QCOMPARE(QString::fromStdString(latest), QString("step-0000006"));
        const QString byHand = dir.filePath("by-hand");
        QVERIFY(QDir().mkpath(byHand));
        for (const auto& [from, to] : {std::pair<QString, QString>{run + "/config.json", "config.json"},
                                       {run + "/tokenizer.json", "tokenizer.json"},
                                       {run + "/checkpoints/" + QString::fromStdString(latest) + "/model.safetensors",
                                        "model.safetensors"}})
            QVERIFY2(QFile::copy(from, byHand + "/" + to), qPrintable(from));

        panel.setPrompt("the cat");
        setUp(panel, 12, 5);
        clickGenerate(panel);
        QVERIFY(!panel.generatedText().isEmpty());
        QCOMPARE(panel.generatedText().toStdString(), directNewText(byHand, "the cat", options(12, 5)));
    }

    void aRunLoadsWhileItTrains()
    {
        QTemporaryDir dir;
        const QString run = dir.filePath("run");
        i3::CancelToken stop;
        std::atomic<bool> trained{false};
        std::string failure;
        std::thread trainer([&] {
            try {
                train(run, 400, 1, &stop);
            } catch (const std::exception& error) {
                failure = error.what();
            }
            trained = true;
        });

        PlaygroundPanel panel;
        QSignalSpy loaded(&panel, &PlaygroundPanel::modelLoaded);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(run + "/checkpoints/latest") || trained, 120000);
        for (int attempt = 1; attempt <= 3; ++attempt) {
            panel.loadRunCheckpoint(run);
            QTRY_VERIFY_WITH_TIMEOUT(!panel.isLoading(), 120000);
            QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
            QCOMPARE(loaded.count(), attempt);
        }
        const bool stillTraining = !trained;
        stop.cancel();
        trainer.join();
        QVERIFY2(failure.empty(), failure.c_str());
        QVERIFY2(stillTraining, "the run ended before the three loads; make it longer");
    }

private:
    QTemporaryDir dir_;
    QString modelFolder_;
};

QTEST_MAIN(TestPlaygroundPanel)
#include "test_playground_panel.moc"
