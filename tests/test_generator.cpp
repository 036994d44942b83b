// SPDX-License-Identifier: GPL-3.0-or-later
// Generation: carried state equals a full forward pass, greedy decoding equals the reference's
// "re-run the window for every token" loop (also past the window), sampling masks by hand. The
// carried-state checks run for the reference's order of blocks and for other layer patterns.
#include "generation/batch_decoder.h"
#include "text/chunk_tokenizer.h"
#include "base/error.h"
#include "generation/generator.h"
#include "model/i3_model.h"
#include "model/row_linear.h"
#include "generation/sampler.h"

#include <QtTest>

#include <torch/torch.h>

namespace {

i3::ModelConfig small_config(int64_t context, const std::string& pattern = "HHAA")
{
    auto config = i3::ModelConfig::preset("tiny");
    config.vocab_size = 40;
    config.d_model = 32;
    config.n_heads = 4;
    config.max_seq_len = context;
    config.set_layer_order(pattern);
    config.d_state = 6;
    return config;
}

// Random weights large enough that every part of the model matters (the reference's init is
// nearly uniform: every logit would be almost the same).
i3::I3Model random_model(int64_t context, uint64_t seed, const std::string& pattern = "HHAA")
{
    torch::manual_seed(seed);
    i3::I3Model model(small_config(context, pattern));
    torch::NoGradGuard no_grad;
    for (auto& p : model->parameters())
        p.add_(torch::randn_like(p) * 0.3);
    model->eval();
    return model;
}

double relative_error(const torch::Tensor& ours, const torch::Tensor& expected)
{
    return ((ours - expected).abs().max() / expected.abs().max()).item<double>();
}

// The reference's order, attention first and interleaved, and attention between hybrid blocks.
void layer_patterns()
{
    QTest::addColumn<QString>("pattern");
    for (const char* pattern : {"HHAA", "AHAH", "HAAH", "AHHHA"})
        QTest::newRow(pattern) << pattern;
}

i3::ChunkTokenizer letters_tokenizer()
{
    return i3::ChunkTokenizer::build({"the cat sat on the mat and the dog ran to the cat", "once upon a time"});
}

} // namespace

class TestGenerator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void carriedStateEqualsFullForward_data() { layer_patterns(); }
    void carriedStateEqualsFullForward()
    {
        QFETCH(QString, pattern);
        for (const int64_t context : {5, 12, 24}) {
            auto model = random_model(context, 10 + context, pattern.toStdString());
            const auto ids = torch::randint(0, 40, {2, context}, torch::kLong);
            const auto full = model->forward(ids).detach();
            auto state = model->new_state(2);
            // One state per block, of the block's kind, in the pattern's order.
            QCOMPARE(state.blocks.size(), size_t(pattern.size()));
            for (qsizetype i = 0; i < pattern.size(); ++i)
                QCOMPARE(std::holds_alternative<i3::AttentionBlockState>(state.block(i)), pattern[i] == QLatin1Char('A'));
            const int64_t prefill = context / 2;
            std::vector<torch::Tensor> pieces{model->forward(ids.narrow(1, 0, prefill), state)};
            for (int64_t t = prefill; t < context; ++t)
                pieces.push_back(model->forward(ids.narrow(1, t, 1), state));
            const double error = relative_error(torch::cat(pieces, 1), full);
            QVERIFY2(error < 1e-4, qPrintable(QString("context %1: relative error %2").arg(context).arg(error)));
        }
    }

    void greedyEqualsTheReferenceLoopPastTheWindow_data() { layer_patterns(); }
    void greedyEqualsTheReferenceLoopPastTheWindow()
    {
        QFETCH(QString, pattern);
        const int64_t context = 8;
        auto model = random_model(context, 3, pattern.toStdString());
        const auto tokenizer = letters_tokenizer();
        std::vector<int64_t> prompt = {1, 5, 2};
        i3::GenerationOptions options;
        options.sampling.top_k = 1;
        options.max_new_tokens = 30; // well past the window of 8
        const auto result = i3::Generator(model, tokenizer).generate_ids(prompt, options);

        std::vector<int64_t> expected = prompt;
        torch::NoGradGuard no_grad;
        for (int n = 0; n < 30; ++n) {
            const auto first = expected.size() > size_t(context) ? expected.end() - context : expected.begin();
            const auto window = torch::tensor(std::vector<int64_t>(first, expected.end())).unsqueeze(0);
            expected.push_back(model->forward(window)[0][-1].argmax().item<int64_t>());
        }
        QCOMPARE(result.new_ids, std::vector<int64_t>(expected.begin() + 3, expected.end()));
    }

    void promptLongerThanTheWindowIsCut()
    {
        auto model = random_model(6, 4);
        const auto tokenizer = letters_tokenizer();
        std::vector<int64_t> prompt;
        for (int64_t i = 0; i < 15; ++i)
            prompt.push_back(i % 40);
        i3::GenerationOptions options;
        options.sampling.top_k = 1;
        options.max_new_tokens = 1;
        const auto result = i3::Generator(model, tokenizer).generate_ids(prompt, options);
        torch::NoGradGuard no_grad;
        const auto window = torch::tensor(std::vector<int64_t>(prompt.end() - 6, prompt.end())).unsqueeze(0);
        QCOMPARE(result.new_ids.front(), model->forward(window)[0][-1].argmax().item<int64_t>());
    }

    // Rows at different positions: after every step each row's logits equal a full forward pass
    // of that row's tokens alone.
    void batchDecoderRowsEqualFullForward_data() { layer_patterns(); }
    void batchDecoderRowsEqualFullForward()
    {
        QFETCH(QString, pattern);
        const int64_t context = 12;
        auto model = random_model(context, 21, pattern.toStdString());
        i3::SamplingOptions sampling;
        sampling.top_k = 1;
        i3::BatchDecoder decoder(model, 3, sampling, false);
        std::vector<std::vector<int64_t>> rows = {{4, 9, 1}, {7}, {3, 3, 8, 20, 11, 2}};
        torch::NoGradGuard no_grad;
        for (int64_t row = 0; row < 3; ++row) {
            auto state = model->new_state(1);
            model->forward(torch::tensor(rows[row]).unsqueeze(0), state);
            decoder.load_row(row, state, 0);
        }
        for (int step = 0; step < 5; ++step) {
            std::vector<int64_t> tokens, positions;
            for (auto& row : rows) {
                row.push_back((step * 7 + static_cast<int64_t>(row.size()) * 3) % 40);
                tokens.push_back(row.back());
                positions.push_back(static_cast<int64_t>(row.size()) - 1);
            }
            const auto chosen = decoder.step(tokens, positions, {0.5, 0.5, 0.5});
            for (int64_t row = 0; row < 3; ++row) {
                const auto full = model->forward(torch::tensor(rows[row]).unsqueeze(0))[0][-1];
                const double error = relative_error(decoder.logits()[row], full);
                QVERIFY2(error < 1e-4, qPrintable(QString("row %1 step %2: %3").arg(row).arg(step).arg(error)));
                QCOMPARE(chosen.ids[row], full.argmax().item<int64_t>());
            }
        }
        QVERIFY_EXCEPTION_THROWN(decoder.step({1, 1, 1}, {0, context, 0}, {0, 0, 0}), i3::Error);
    }

    // The model's step, from prefilled rows moved into another state, equals a full forward
    // pass; a prefill from position 0 ignores whatever the state held before.
    void stepFromCopiedRowsEqualsFullForward_data() { layer_patterns(); }
    void stepFromCopiedRowsEqualsFullForward()
    {
        QFETCH(QString, pattern);
        const int64_t context = 10;
        auto model = random_model(context, 31, pattern.toStdString());
        torch::NoGradGuard no_grad;
        const auto ids = torch::randint(0, 40, {2, 6}, torch::kLong);
        auto prefilled = model->new_state(2);
        model->forward(torch::randint(0, 40, {2, 4}, torch::kLong), prefilled);
        prefilled.position = 0;
        model->forward(ids.narrow(1, 0, 5), prefilled);
        auto rows = model->new_state(3);
        rows.copy_row(2, prefilled, 0);
        rows.copy_row(0, prefilled, 1);
        const auto tokens = torch::stack({ids[1][5], torch::tensor(int64_t(0)), ids[0][5]});
        const auto logits = model->step(tokens, torch::tensor({int64_t(5), int64_t(0), int64_t(5)}), rows);
        const auto full = model->forward(ids).select(1, 5);
        QVERIFY(relative_error(logits[2], full[0]) < 1e-4);
        QVERIFY(relative_error(logits[0], full[1]) < 1e-4);
    }

    // The decoder's fused layer equals the modules it stands for, one row (a matrix-vector
    // product per row on the CPU) or many (one matrix product).
    void rowLinearEqualsTheModules()
    {
        torch::manual_seed(5);
        torch::NoGradGuard no_grad;
        torch::nn::Linear linear(24, 40);
        torch::nn::LayerNorm norm(torch::nn::LayerNormOptions({24}).eps(1e-5));
        norm->weight.normal_();
        norm->bias.normal_();
        for (const int64_t rows : {1, 3, 6}) {
            const auto x = torch::randn({rows, 24}) * 3;
            const auto residual = torch::randn({rows, 40});
            const auto expected = residual + torch::gelu(linear(norm(x)));
            const auto fused = i3::row_linear(x, *linear, {norm.get(), true, residual});
            QVERIFY2(relative_error(fused, expected) < 1e-6, qPrintable(QString("%1 rows").arg(rows)));
            QVERIFY(relative_error(i3::row_linear(x, *linear), linear(x)) < 1e-6);
        }
        QVERIFY_EXCEPTION_THROWN(i3::row_linear(torch::randn({2, 24}), *linear, {nullptr, false, torch::zeros({3, 40})}),
                                 i3::Error);
    }

    // Prompts of different lengths (one longer than the window, one that crosses it while
    // generating) give, batched, exactly what each gives alone: greedy and sampled.
    void batchEqualsOneByOne()
    {
        const int64_t context = 10;
        auto model = random_model(context, 8);
        const auto tokenizer = letters_tokenizer();
        std::vector<std::vector<int64_t>> prompts = {{1, 5, 2}, {7}, {}, {9, 9, 3, 4, 5, 6, 7, 8}};
        for (int64_t i = 0; i < 13; ++i)
            prompts[2].push_back((i * 5 + 1) % 40);
        for (const int64_t top_k : {1, 0}) {
            i3::GenerationOptions options;
            options.sampling.top_k = top_k;
            options.sampling.temperature = 1.3;
            options.max_new_tokens = 14;
            options.seed = 1234;
            i3::Generator generator(model, tokenizer);
            const auto batch = generator.generate_batch(prompts, options);
            QCOMPARE(batch.size(), prompts.size());
            for (size_t r = 0; r < prompts.size(); ++r) {
                auto alone_options = options;
                alone_options.seed = options.seed + r;
                const auto alone = i3::Generator(model, tokenizer).generate_ids(prompts[r], alone_options);
                QCOMPARE(batch[r].new_ids, alone.new_ids);
                QCOMPARE(batch[r].new_ids.size(), size_t(14));
                QCOMPARE(batch[r].text, alone.text);
            }
        }
    }

    void stopStringsAndBadBatches()
    {
        auto model = random_model(16, 5);
        const auto tokenizer = letters_tokenizer();
        i3::Generator generator(model, tokenizer);
        i3::GenerationOptions options;
        options.max_new_tokens = 20;
        options.sampling.top_k = 1;
        const auto free_run = generator.generate_ids({1, 2}, options);
        // Stop at the text of the third new token: the first sequence ends there, the other not.
        options.stop_strings = {tokenizer.token_text(free_run.new_ids[2])};
        std::vector<std::vector<size_t>> seen(2);
        const auto results = generator.generate_batch(
            {{1, 2}, {3}}, options, [&](size_t prompt, const i3::GeneratedToken&) { seen[prompt].push_back(1); });
        QVERIFY(results[0].new_ids.size() <= 3);
        QCOMPARE(seen[0].size(), results[0].new_ids.size());
        QCOMPARE(seen[1].size(), results[1].new_ids.size());
        QVERIFY_EXCEPTION_THROWN(generator.generate_batch({}, options), i3::Error);
        QVERIFY_EXCEPTION_THROWN(generator.generate_batch({{1}, {}}, options), i3::Error);
    }

    // The draw picks the first token whose cumulative probability exceeds it.
    void drawsPickTokensByCumulativeProbability()
    {
        i3::SamplingOptions options;
        options.temperature = 1.0;
        options.top_k = 0;
        const auto logits = torch::log(torch::tensor({0.2, 0.5, 0.3}, torch::kDouble)).repeat({5, 1});
        const auto chosen = i3::sample_rows(logits, torch::tensor({0.1, 0.21, 0.69, 0.71, 0.999}, torch::kDouble), options);
        QVERIFY(torch::equal(chosen.ids.to(torch::kLong), torch::tensor({0, 1, 1, 2, 2}, torch::kLong)));
        QVERIFY(std::abs(chosen.probabilities[1].item<double>() - 0.5) < 1e-12);
        options.top_k = 1; // only token 1 has any probability, whatever the draw
        const auto greedy = i3::sample_rows(torch::tensor({{1.0, 3.0, 2.0}}), torch::tensor({0.9999999}, torch::kDouble), options);
        QCOMPARE(greedy.ids[0].item<int64_t>(), int64_t(1));
        QCOMPARE(greedy.probabilities[0].item<double>(), 1.0);
    }

    void topKKeepsLogitsAtLeastTheKthLargest()
    {
        i3::SamplingOptions options;
        options.temperature = 1.0;
        options.top_k = 2;
        // softmax over the kept [3, 2]: e / (e + 1) and 1 / (e + 1).
        auto p = i3::next_token_probabilities(torch::tensor({1.0, 3.0, 2.0, 0.0}), options);
        QVERIFY(std::abs(p[1].item<double>() - 0.7310585786) < 1e-9);
        QVERIFY(std::abs(p[2].item<double>() - 0.2689414214) < 1e-9);
        QCOMPARE(p[0].item<double>(), 0.0);
        // Ties with the k-th largest stay: three logits of 2 survive top-k 2.
        p = i3::next_token_probabilities(torch::tensor({2.0, 2.0, 2.0, 0.0}), options);
        for (int i = 0; i < 3; ++i)
            QVERIFY(std::abs(p[i].item<double>() - 1.0 / 3) < 1e-12);
        QCOMPARE(p[3].item<double>(), 0.0);
    }

    void temperatureAndTopP()
    {
        i3::SamplingOptions options;
        options.top_k = 0;
        options.temperature = 0.5; // logits [0, ln 2] / 0.5 = [0, ln 4]: probabilities 1/5, 4/5
        auto p = i3::next_token_probabilities(torch::tensor({0.0, std::log(2.0)}, torch::kDouble), options);
        QVERIFY(std::abs(p[1].item<double>() - 0.8) < 1e-12);
        options.temperature = 1.0;
        options.top_p = 0.7; // 0.5 + 0.3 reaches 0.7: keep those two, renormalised to 5/8 and 3/8
        p = i3::next_token_probabilities(torch::log(torch::tensor({0.3, 0.05, 0.5, 0.15}, torch::kDouble)), options);
        QVERIFY(std::abs(p[2].item<double>() - 0.625) < 1e-12);
        QVERIFY(std::abs(p[0].item<double>() - 0.375) < 1e-12);
        QCOMPARE(p[1].item<double>() + p[3].item<double>(), 0.0);
        options.temperature = 0;
        QVERIFY_EXCEPTION_THROWN(i3::next_token_probabilities(torch::zeros({3}), options), i3::Error);
    }

    void sameSeedSameTextAndCancellation()
    {
        auto model = random_model(16, 5);
        const auto tokenizer = letters_tokenizer();
        i3::Generator generator(model, tokenizer);
        i3::GenerationOptions options;
        options.max_new_tokens = 40;
        options.seed = 77;
        options.sampling.temperature = 1.5;
        const auto first = generator.generate("the cat", options);
        const auto second = generator.generate("the cat", options);
        QCOMPARE(first.new_ids, second.new_ids);
        QCOMPARE(first.text, second.text);
        options.seed = 78;
        QVERIFY(generator.generate("the cat", options).new_ids != first.new_ids);

        i3::CancelToken cancel;
        int seen = 0;
        const auto cancelled = generator.generate(
            "the cat", options,
            [&](const i3::GeneratedToken&) {
                if (++seen == 3)
                    cancel.cancel();
            },
            &cancel);
        QVERIFY(cancelled.cancelled);
        QCOMPARE(cancelled.new_ids.size(), size_t(3));
    }

    // A generator kept while the model trains on (the trainer's samples) follows the weights:
    // after they change it gives what a new generator gives, probabilities and all.
    void aKeptGeneratorFollowsChangedWeights()
    {
        auto model = random_model(16, 6);
        const auto tokenizer = letters_tokenizer();
        i3::Generator kept(model, tokenizer);
        i3::GenerationOptions options;
        options.max_new_tokens = 30;
        options.seed = 4;
        const auto before = kept.generate("the cat", options);
        {
            torch::NoGradGuard no_grad;
            for (auto& parameter : model->named_parameters())
                if (parameter.key().find("w_mix") != std::string::npos)
                    parameter.value().mul_(-0.8).add_(0.3); // another mix: 1 - w changes too
        }
        std::vector<double> afterProbabilities, freshProbabilities;
        const auto after = kept.generate("the cat", options, [&](const i3::GeneratedToken& token) {
            afterProbabilities.push_back(token.probability);
        });
        i3::Generator fresh(model, tokenizer);
        const auto expected = fresh.generate("the cat", options, [&](const i3::GeneratedToken& token) {
            freshProbabilities.push_back(token.probability);
        });
        QVERIFY(after.new_ids != before.new_ids);
        QCOMPARE(after.new_ids, expected.new_ids);
        QCOMPARE(afterProbabilities.size(), freshProbabilities.size());
        for (size_t i = 0; i < freshProbabilities.size(); ++i)
            QVERIFY(std::abs(afterProbabilities[i] - freshProbabilities[i]) < 1e-9);
    }

    void badInputIsRefused()
    {
        auto model = random_model(8, 6);
        const auto tokenizer = letters_tokenizer();
        i3::Generator generator(model, tokenizer);
        i3::GenerationOptions options;
        QVERIFY_EXCEPTION_THROWN(generator.generate("", options), i3::Error);
        QVERIFY_EXCEPTION_THROWN(generator.generate_ids({1, 400}, options), i3::Error);
        options.sampling.temperature = -1;
        QVERIFY_EXCEPTION_THROWN(generator.generate("the", options), i3::Error);
        options.sampling.temperature = 1;
        options.sampling.top_k = 1000; // more than the vocabulary: no cut
        options.max_new_tokens = 3;
        QCOMPARE(generator.generate("zzz ✓", options).new_ids.size(), size_t(3));
    }
};

QTEST_GUILESS_MAIN(TestGenerator)
#include "test_generator.moc"
