// SPDX-License-Identifier: GPL-3.0-or-later
// Generation: carried state equals a full forward pass, greedy decoding equals the reference's
// "re-run the window for every token" loop (also past the window), sampling masks by hand.
#include "chunk_tokenizer.h"
#include "error.h"
#include "generator.h"
#include "i3_model.h"
#include "sampler.h"

#include <QtTest>

#include <torch/torch.h>

namespace {

i3::ModelConfig small_config(int64_t context)
{
    auto config = i3::ModelConfig::preset("tiny");
    config.vocab_size = 40;
    config.d_model = 32;
    config.n_heads = 4;
    config.max_seq_len = context;
    config.hybrid_layers = 2;
    config.attn_layers = 2;
    config.d_state = 6;
    return config;
}

// Random weights large enough that every part of the model matters (the reference's init is
// nearly uniform: every logit would be almost the same).
i3::I3Model random_model(int64_t context, uint64_t seed)
{
    torch::manual_seed(seed);
    i3::I3Model model(small_config(context));
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

i3::ChunkTokenizer letters_tokenizer()
{
    return i3::ChunkTokenizer::build({"the cat sat on the mat and the dog ran to the cat", "once upon a time"});
}

} // namespace

class TestGenerator : public QObject {
    Q_OBJECT
private slots:
    void carriedStateEqualsFullForward()
    {
        for (const int64_t context : {5, 12, 24}) {
            auto model = random_model(context, 10 + context);
            const auto ids = torch::randint(0, 40, {2, context}, torch::kLong);
            const auto full = model->forward(ids).detach();
            auto state = model->new_state(2);
            const int64_t prefill = context / 2;
            std::vector<torch::Tensor> pieces{model->forward(ids.narrow(1, 0, prefill), state)};
            for (int64_t t = prefill; t < context; ++t)
                pieces.push_back(model->forward(ids.narrow(1, t, 1), state));
            const double error = relative_error(torch::cat(pieces, 1), full);
            QVERIFY2(error < 1e-4, qPrintable(QString("context %1: relative error %2").arg(context).arg(error)));
        }
    }

    void greedyEqualsTheReferenceLoopPastTheWindow()
    {
        const int64_t context = 8;
        auto model = random_model(context, 3);
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
