// SPDX-License-Identifier: GPL-3.0-or-later
// The token workbench's numbers against independent ones: each token's probability, rank and
// entropy against a double-precision softmax of the model's own logits written out here, the
// sampled tokens' probabilities against the sampler's rules applied by hand, the prompt's
// perplexity as exp(mean -ln p), entropy and the top-k/top-p cut on hand-worked distributions,
// and branches: the token that was there gives the same text again, others are the same for a
// seed.
#include "base/error.h"
#include "inspect/next_token_distribution.h"
#include "inspect/token_workbench.h"
#include "model/i3_model.h"
#include "text/chunk_tokenizer.h"

#include "test_support.h"
#include "token_reference.h"

#include <QtTest>

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace {

const char* kPrompt = "once upon a time the cat";

i3::ChunkTokenizer storyTokenizer()
{
    return i3::ChunkTokenizer::build({"once upon a time there was a cat", "the cat sat on the mat and the dog ran",
                                      "a dog and a cat were friends"});
}

i3::GenerationOptions sampling(double temperature, int64_t k, double p, int64_t tokens, uint64_t seed)
{
    i3::GenerationOptions options;
    options.sampling = {temperature, k, p};
    options.max_new_tokens = tokens;
    options.seed = seed;
    return options;
}

} // namespace

class TestTokenWorkbench : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void probabilitiesAreTheModelsOwn();
    void sampledTokensCarryTheSamplersProbability();
    void promptPerplexityIsExpOfTheMeanSurprise();
    void entropyByHandOnAHandMadeDistribution();
    void cutOffOnAHandWorkedCase();
    void distributionListsTheMostProbableTokens();
    void branchWithTheSameTokenGivesTheSameText();
    void branchIsTheSameForASeed();
    void branchInsideThePrompt();
    void branchSamplesWithTheGivenSettings();
    void sequencesStayInsideOneContext();
    void badBranchesAreRefused();
};

void TestTokenWorkbench::probabilitiesAreTheModelsOwn()
{
    const auto tokenizer = storyTokenizer();
    auto model = i3test::peaked_model(tokenizer.vocab_size(), 1);
    i3::TokenWorkbench workbench(model, tokenizer);
    const auto sequence = workbench.generate(kPrompt, sampling(0.9, 0, 1.0, 12, 5));
    const auto ids = sequence.ids();
    QCOMPARE(sequence.prompt_length, tokenizer.encode(kPrompt).size());
    QCOMPARE(ids.size(), sequence.prompt_length + 12);
    QCOMPARE(sequence.logits.size(0), int64_t(ids.size()) - 1);

    const auto reference = i3test::reference_distributions(model, ids);
    QVERIFY(!sequence.tokens[0].probability.has_value());
    double lowest = 1, highest = 0;
    for (size_t t = 1; t < ids.size(); ++t) {
        const auto& token = sequence.tokens[t];
        const auto& row = reference[t - 1];
        const double expected = row[size_t(ids[t])];
        QVERIFY2(std::abs(*token.probability - expected) < 1e-6 * std::max(1.0, expected),
                 qPrintable(QString("token %1: %2, by hand %3").arg(t).arg(*token.probability).arg(expected)));
        QVERIFY(std::abs(token.entropy_nats - i3test::entropy_by_hand(row)) < 1e-6);
        const auto rank = 1 + std::count_if(row.begin(), row.end(), [&](double p) { return p > expected; });
        QCOMPARE(token.rank, int64_t(rank));
        QCOMPARE(QString::fromStdString(token.text), QString::fromStdString(tokenizer.token_text(ids[t])));
        QCOMPARE(token.source, t < sequence.prompt_length ? i3::TokenSource::Prompt : i3::TokenSource::Sampled);
        lowest = std::min(lowest, expected);
        highest = std::max(highest, expected);
    }
    // "time" ends in a single letter, which the vocabulary of chunks lacks (reference §5).
    for (const auto& token : sequence.tokens)
        QCOMPARE(token.unknown, token.id == tokenizer.unk_idx());
    const auto unknown = workbench.generate("once upon a time", sampling(0.9, 0, 1.0, 2, 5));
    QVERIFY(unknown.tokens[unknown.prompt_length - 1].unknown);
    QCOMPARE(unknown.tokens[unknown.prompt_length - 1].text, tokenizer.unk_token());
    // A test of something: the probabilities spread widely.
    QVERIFY2(highest > 10 * lowest, qPrintable(QString("%1 .. %2").arg(lowest).arg(highest)));
}

void TestTokenWorkbench::sampledTokensCarryTheSamplersProbability()
{
    const auto tokenizer = storyTokenizer();
    auto model = i3test::peaked_model(tokenizer.vocab_size(), 2);
    i3::TokenWorkbench workbench(model, tokenizer);
    const auto sequence = workbench.generate(kPrompt, sampling(0.7, 6, 0.9, 15, 11));
    const auto reference = i3test::reference_distributions(model, sequence.ids());
    for (size_t t = sequence.prompt_length; t < sequence.tokens.size(); ++t) {
        const auto& token = sequence.tokens[t];
        const auto cut = i3test::cut_by_hand(reference[t - 1], 0.7, 6, 0.9);
        QVERIFY2(cut[size_t(token.id)] > 0, qPrintable(QString("token %1 was drawn outside the cut").arg(t)));
        QVERIFY2(std::abs(*token.sampled_probability - cut[size_t(token.id)]) < 1e-5,
                 qPrintable(QString("token %1: %2, by hand %3").arg(t).arg(*token.sampled_probability).arg(cut[size_t(token.id)])));
    }
}

void TestTokenWorkbench::promptPerplexityIsExpOfTheMeanSurprise()
{
    const auto tokenizer = storyTokenizer();
    auto model = i3test::peaked_model(tokenizer.vocab_size(), 3);
    i3::TokenWorkbench workbench(model, tokenizer);
    const auto sequence = workbench.generate(kPrompt, sampling(1.0, 0, 1.0, 3, 1));
    const auto ids = sequence.ids();
    const auto reference = i3test::reference_distributions(model, ids);
    double surprise = 0;
    for (size_t t = 1; t < sequence.prompt_length; ++t)
        surprise -= std::log(reference[t - 1][size_t(ids[t])]);
    const double expected = std::exp(surprise / double(sequence.prompt_length - 1));
    QVERIFY(sequence.prompt_perplexity().has_value());
    QVERIFY2(std::abs(*sequence.prompt_perplexity() - expected) < 1e-6 * expected,
             qPrintable(QString("%1, by hand %2").arg(*sequence.prompt_perplexity()).arg(expected)));

    // One prompt token: nothing is predicted, so there is no perplexity.
    const auto single = workbench.generate(tokenizer.token_text(1), sampling(1.0, 0, 1.0, 3, 1));
    QCOMPARE(single.prompt_length, size_t(1));
    QVERIFY(!single.prompt_perplexity().has_value());
    // Probabilities 1/2 and 1/8: surprise ln 2 and ln 8, mean 2 ln 2, perplexity 4.
    QVERIFY(std::abs(i3::perplexity({0.5, 0.125}) - 4.0) < 1e-12);
}

void TestTokenWorkbench::entropyByHandOnAHandMadeDistribution()
{
    // 1/2, 1/4, 1/4 and an impossible token: 1.5 bits.
    const auto p = torch::tensor({0.5, 0.25, 0.25, 0.0}, torch::kDouble);
    QVERIFY(std::abs(i3::entropy_nats(p) - 1.5 * std::log(2.0)) < 1e-12);
    QVERIFY(std::abs(i3::nats_to_bits(i3::entropy_nats(p)) - 1.5) < 1e-12);
    // Uniform over 8: 3 bits; certain: 0.
    QVERIFY(std::abs(i3::nats_to_bits(i3::entropy_nats(torch::full({8}, 0.125, torch::kDouble))) - 3.0) < 1e-12);
    QCOMPARE(i3::entropy_nats(torch::tensor({0.0, 1.0, 0.0}, torch::kDouble)), 0.0);
}

void TestTokenWorkbench::cutOffOnAHandWorkedCase()
{
    // Model probabilities 0.4, 0.1, 0.3, 0.2 (logits their logarithms).
    const auto logits = torch::tensor({0.4, 0.1, 0.3, 0.2}, torch::kDouble).log().to(torch::kFloat);
    const auto sampled = [&](double temperature, int64_t k, double p) {
        std::vector<double> probabilities(4);
        for (const auto& alternative : i3::next_token_distribution(logits, {temperature, k, p}, 4).top)
            probabilities[size_t(alternative.id)] = alternative.sampling_probability;
        return probabilities;
    };
    const auto near = [](const std::vector<double>& ours, const std::vector<double>& expected) {
        for (size_t i = 0; i < ours.size(); ++i)
            if (std::abs(ours[i] - expected[i]) > 1e-6)
                return false;
        return true;
    };
    // Nothing cut, temperature 1: the model's own.
    QVERIFY(near(sampled(1.0, 0, 1.0), {0.4, 0.1, 0.3, 0.2}));
    // Top-k 2 keeps 0.4 and 0.3: 4/7 and 3/7.
    QVERIFY(near(sampled(1.0, 2, 1.0), {4.0 / 7, 0, 3.0 / 7, 0}));
    // Top-p 0.6: 0.4 is ranked first (nothing before it), 0.3 has 0.4 before it (< 0.6), 0.2 has
    // 0.7 before it: cut. Top-p 0.65 cuts the same; 0.75 keeps the 0.2 too.
    QVERIFY(near(sampled(1.0, 0, 0.6), {4.0 / 7, 0, 3.0 / 7, 0}));
    QVERIFY(near(sampled(1.0, 0, 0.65), {4.0 / 7, 0, 3.0 / 7, 0}));
    QVERIFY(near(sampled(1.0, 0, 0.75), {0.4 / 0.9, 0, 0.3 / 0.9, 0.2 / 0.9}));
    // Temperature 2 takes square roots; then top-k 3 drops the 0.1.
    const double r4 = std::sqrt(0.4), r3 = std::sqrt(0.3), r2 = std::sqrt(0.2), r1 = std::sqrt(0.1);
    const double all = r4 + r3 + r2 + r1, three = r4 + r3 + r2;
    QVERIFY(near(sampled(2.0, 0, 1.0), {r4 / all, r1 / all, r3 / all, r2 / all}));
    QVERIFY(near(sampled(2.0, 3, 1.0), {r4 / three, 0, r3 / three, r2 / three}));

    const auto distribution = i3::next_token_distribution(logits, {2.0, 3, 1.0}, 2);
    QCOMPARE(distribution.top.size(), size_t(2));
    QCOMPARE(distribution.kept, int64_t(3));
    QVERIFY(std::abs(distribution.kept_probability - 0.9) < 1e-6);
    QVERIFY(std::abs(distribution.entropy_nats - i3test::entropy_by_hand({0.4, 0.1, 0.3, 0.2})) < 1e-6);
    QVERIFY(std::abs(distribution.sampling_entropy_nats - i3test::entropy_by_hand({r4 / three, r3 / three, r2 / three})) < 1e-6);
}

void TestTokenWorkbench::distributionListsTheMostProbableTokens()
{
    const auto tokenizer = storyTokenizer();
    auto model = i3test::peaked_model(tokenizer.vocab_size(), 4);
    i3::TokenWorkbench workbench(model, tokenizer);
    const auto sequence = workbench.generate(kPrompt, sampling(0.8, 5, 1.0, 4, 2));
    const auto reference = i3test::reference_distributions(model, sequence.ids());
    const size_t index = sequence.prompt_length + 1;
    const auto distribution = i3::next_token_distribution(sequence.logits_before(index), {0.8, 5, 1.0}, 8);
    auto order = reference[index - 1];
    std::sort(order.begin(), order.end(), std::greater<>());
    QCOMPARE(distribution.top.size(), size_t(8));
    for (size_t i = 0; i < 8; ++i) {
        const auto& alternative = distribution.top[i];
        QVERIFY(std::abs(alternative.probability - order[i]) < 1e-6);
        QVERIFY(std::abs(alternative.probability - reference[index - 1][size_t(alternative.id)]) < 1e-6);
        // Top-k 5: the first five inside the cut, the rest outside.
        QCOMPARE(alternative.sampling_probability > 0, i < 5);
    }
    QCOMPARE(distribution.kept, int64_t(5));
}

void TestTokenWorkbench::branchWithTheSameTokenGivesTheSameText()
{
    const auto tokenizer = storyTokenizer();
    auto model = i3test::peaked_model(tokenizer.vocab_size(), 5);
    i3::TokenWorkbench workbench(model, tokenizer);
    const auto plain = workbench.generate(kPrompt, sampling(1.0, 0, 1.0, 14, 21));
    for (const size_t index : {plain.prompt_length, plain.prompt_length + 5, plain.tokens.size() - 1}) {
        const auto again = workbench.branch(plain, index, plain.tokens[index].id, plain.options.sampling);
        QCOMPARE(again.ids(), plain.ids());
        QCOMPARE(again.prompt_length, plain.prompt_length);
        QCOMPARE(again.tokens[index].source, i3::TokenSource::Picked);
        for (size_t t = index + 1; t < plain.tokens.size(); ++t)
            QVERIFY(std::abs(*again.tokens[t].sampled_probability - *plain.tokens[t].sampled_probability) < 1e-6);
    }
}

void TestTokenWorkbench::branchIsTheSameForASeed()
{
    const auto tokenizer = storyTokenizer();
    auto model = i3test::peaked_model(tokenizer.vocab_size(), 6);
    i3::TokenWorkbench workbench(model, tokenizer);
    const auto plain = workbench.generate(kPrompt, sampling(1.0, 0, 1.0, 14, 8));
    const size_t index = plain.prompt_length + 3;
    const auto distribution = i3::next_token_distribution(plain.logits_before(index), plain.options.sampling, 3);
    const int64_t other = distribution.top[0].id == plain.tokens[index].id ? distribution.top[1].id : distribution.top[0].id;

    const auto first = workbench.branch(plain, index, other, plain.options.sampling);
    const auto second = workbench.branch(plain, index, other, plain.options.sampling);
    QCOMPARE(first.ids(), second.ids());
    QCOMPARE(first.tokens.size(), plain.tokens.size());
    const auto plain_ids = plain.ids(), branch_ids = first.ids();
    QVERIFY(std::equal(plain_ids.begin(), plain_ids.begin() + std::ptrdiff_t(index), branch_ids.begin()));
    QCOMPARE(branch_ids[index], other);
    QVERIFY(branch_ids != plain_ids);
    // The branch is scored like any sequence: the pick's probability is the model's.
    const auto reference = i3test::reference_distributions(model, branch_ids);
    QVERIFY(std::abs(*first.tokens[index].probability - reference[index - 1][size_t(other)]) < 1e-6);
    QVERIFY(!first.tokens[index].sampled_probability.has_value());
}

void TestTokenWorkbench::branchInsideThePrompt()
{
    const auto tokenizer = storyTokenizer();
    auto model = i3test::peaked_model(tokenizer.vocab_size(), 7);
    i3::TokenWorkbench workbench(model, tokenizer);
    const auto plain = workbench.generate(kPrompt, sampling(1.0, 0, 1.0, 6, 3));
    const size_t index = 2;
    const auto branch = workbench.branch(plain, index, plain.tokens[index].id == 1 ? 2 : 1, plain.options.sampling);
    QCOMPARE(branch.prompt_length, index);
    QCOMPARE(branch.tokens.size(), plain.tokens.size());
    QCOMPARE(branch.tokens[0].id, plain.tokens[0].id);
    QCOMPARE(branch.tokens[1].id, plain.tokens[1].id);
    QCOMPARE(branch.tokens[index].source, i3::TokenSource::Picked);
    QCOMPARE(branch.tokens.back().source, i3::TokenSource::Sampled);
}

void TestTokenWorkbench::branchSamplesWithTheGivenSettings()
{
    const auto tokenizer = storyTokenizer();
    auto model = i3test::peaked_model(tokenizer.vocab_size(), 10);
    i3::TokenWorkbench workbench(model, tokenizer);
    const auto plain = workbench.generate(kPrompt, sampling(1.5, 0, 1.0, 10, 4));
    const size_t index = plain.prompt_length + 1;
    // Top-k 1 after the pick: every later token is the most probable one, by hand.
    const auto greedy = workbench.branch(plain, index, plain.tokens[index].id == 1 ? 2 : 1, {1.0, 1, 1.0});
    QCOMPARE(greedy.options.sampling.top_k, int64_t(1));
    const auto ids = greedy.ids();
    const auto reference = i3test::reference_distributions(model, ids);
    for (size_t t = index + 1; t < ids.size(); ++t) {
        const auto& row = reference[t - 1];
        QCOMPARE(ids[t], int64_t(std::max_element(row.begin(), row.end()) - row.begin()));
        QCOMPARE(*greedy.tokens[t].sampled_probability, 1.0);
    }
}

void TestTokenWorkbench::sequencesStayInsideOneContext()
{
    const auto tokenizer = storyTokenizer();
    auto model = i3test::peaked_model(tokenizer.vocab_size(), 8);
    i3::TokenWorkbench workbench(model, tokenizer);
    const auto sequence = workbench.generate(kPrompt, sampling(1.0, 0, 1.0, 1000, 3));
    QCOMPARE(int64_t(sequence.tokens.size()), model->config().max_seq_len);
    std::string long_prompt;
    for (int i = 0; i < 30; ++i)
        long_prompt += "the cat ";
    const auto message = i3test::error_of([&] { workbench.generate(long_prompt, sampling(1.0, 0, 1.0, 5, 3)); });
    QVERIFY2(QString::fromStdString(message).contains(QString("context holds %1").arg(model->config().max_seq_len)), message.c_str());
    QVERIFY(!i3test::error_of([&] { workbench.generate("", sampling(1.0, 0, 1.0, 5, 3)); }).empty());
}

void TestTokenWorkbench::badBranchesAreRefused()
{
    const auto tokenizer = storyTokenizer();
    auto model = i3test::peaked_model(tokenizer.vocab_size(), 9);
    i3::TokenWorkbench workbench(model, tokenizer);
    const auto plain = workbench.generate(kPrompt, sampling(1.0, 0, 1.0, 4, 3));
    QVERIFY(QString::fromStdString(i3test::error_of([&] { workbench.branch(plain, 0, 1, plain.options.sampling); })).contains("first token"));
    QVERIFY(QString::fromStdString(i3test::error_of([&] { workbench.branch(plain, plain.tokens.size(), 1, plain.options.sampling); }))
                .contains("past the end"));
    QVERIFY(QString::fromStdString(i3test::error_of([&] { workbench.branch(plain, 3, tokenizer.vocab_size(), plain.options.sampling); }))
                .contains("outside the model's vocabulary"));
}

QTEST_GUILESS_MAIN(TestTokenWorkbench)
#include "test_token_workbench.moc"
