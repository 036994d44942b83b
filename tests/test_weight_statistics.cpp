// SPDX-License-Identifier: GPL-3.0-or-later
// The model map's numbers: the blocks' parameters against a count of the real model's tensors,
// their FLOPs against the whole model's formula, and weights.jsonl's statistics against
// computations in double precision by hand: norms of the weights, of the gradients after
// clipping (their global norm is the clipping norm) and of AdamW's first update, worked out from
// its formula; histograms counted value by value; the file read back while a line is half
// written; and a training run writing it every N steps and trimming it on resume.
#include "config/model_blocks.h"
#include "inspect/tensor_histogram.h"
#include "runs/run_catalog.h"
#include "runs/run_folder.h"
#include "runs/weight_history.h"
#include "telemetry/training_flops.h"
#include "training/trainer.h"
#include "training/training_step.h"
#include "training/weight_recorder.h"
#include "test_support.h"

#include <QtTest>

#include <torch/torch.h>

#include <cmath>
#include <fstream>

namespace {

i3::ModelConfig tiny_shape()
{
    i3::ModelConfig config;
    config.vocab_size = 29;
    config.d_model = 8;
    config.n_heads = 2;
    config.d_state = 3;
    config.max_seq_len = 6;
    config.hybrid_layers = 2;
    config.attn_layers = 1;
    return config;
}

std::vector<double> values_of(const torch::Tensor& x)
{
    const torch::Tensor flat = x.detach().to(torch::kDouble).reshape({-1}).contiguous();
    return std::vector<double>(flat.data_ptr<double>(), flat.data_ptr<double>() + flat.numel());
}

double naive_norm(const std::vector<double>& values)
{
    double sum = 0;
    for (const double v : values)
        sum += v * v;
    return std::sqrt(sum);
}

// The histogram as run_schema.h documents it, one value at a time.
std::vector<int64_t> naive_counts(const std::vector<double>& values, int bins, double* low, double* high)
{
    double lo = values[0], hi = values[0];
    for (const double v : values) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    if (lo == hi) {
        lo -= 0.5;
        hi += 0.5;
    }
    std::vector<int64_t> counts(static_cast<size_t>(bins), 0);
    for (const double v : values) {
        int64_t bin = static_cast<int64_t>(std::floor((v - lo) / ((hi - lo) / bins)));
        ++counts[static_cast<size_t>(std::clamp<int64_t>(bin, 0, bins - 1))];
    }
    *low = lo;
    *high = hi;
    return counts;
}

bool close(double actual, double expected, double relative)
{
    return std::abs(actual - expected) <= relative * std::max(1e-12, std::abs(expected));
}

i3::Batch fixed_batch(const i3::ModelConfig& shape, int64_t seed)
{
    torch::manual_seed(static_cast<uint64_t>(seed));
    const auto tokens = torch::randint(0, shape.vocab_size, {2, shape.max_seq_len + 1}, torch::kLong);
    return {tokens.slice(1, 0, shape.max_seq_len).contiguous(), tokens.slice(1, 1).contiguous()};
}

std::vector<std::string> rhyme_texts()
{
    std::vector<std::string> texts;
    const char* lines[] = {"the cat sat on the mat. ", "the dog ran to the park. ", "a bird sang in the tree. "};
    for (int i = 0; i < 120; ++i)
        texts.push_back(std::string(lines[i % 3]) + lines[(i / 3) % 3]);
    return texts;
}

i3::TrainConfig quick(int64_t steps)
{
    i3::TrainConfig config;
    config.steps = steps;
    config.batch_size = 2;
    config.lr = 3e-3;
    config.warmup_steps = 2;
    config.log_every = 1;
    config.eval_every = 100;
    config.checkpoint_every = 4;
    config.eval_windows = 2;
    config.sample_tokens = 0;
    config.weights_every = 2;
    config.seed = 5;
    return config;
}

std::vector<int64_t> recorded_steps(const QString& run)
{
    std::vector<int64_t> steps;
    for (const auto& record : i3::read_weight_records(run.toStdString()))
        steps.push_back(record.step);
    return steps;
}

} // namespace

class TestWeightStatistics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void blocksHoldTheModelsTensors();
    void blockFlopsSumToTheModels();
    void histogramByHand();
    void recorderAgainstHandComputation();
    void readerWaitsForAHalfWrittenLine();
    void trainingWritesEveryNStepsAndResumeTrims();
};

void TestWeightStatistics::blocksHoldTheModelsTensors()
{
    for (const auto& shape : {tiny_shape(), i3::ModelConfig::preset("tiny"), i3::ModelConfig::preset("i3-22m")}) {
        const i3::I3Model model(shape);
        const auto blocks = i3::model_blocks(shape);
        QCOMPARE(blocks.size(), size_t(shape.hybrid_layers + shape.attn_layers + 2));
        QCOMPARE(blocks.front().kind, i3::BlockKind::Embedding);
        QCOMPARE(blocks.back().kind, i3::BlockKind::Head);
        std::vector<int64_t> counted(blocks.size(), 0);
        for (const auto& item : model->named_parameters()) {
            const int block = i3::block_of_tensor(blocks, item.key());
            QVERIFY2(block >= 0, item.key().c_str());
            int owners = 0;
            for (const auto& candidate : blocks)
                owners += candidate.owns(item.key());
            QCOMPARE(owners, 1); // "layers.1." must not own "layers.10.*"
            counted[static_cast<size_t>(block)] += item.value().numel();
        }
        int64_t total = 0;
        for (size_t i = 0; i < blocks.size(); ++i) {
            QCOMPARE(blocks[i].parameters, counted[i]);
            total += counted[i];
            if (blocks[i].kind == i3::BlockKind::Hybrid || blocks[i].kind == i3::BlockKind::Attention)
                QCOMPARE(blocks[i].layer, int64_t(i) - 1);
        }
        QCOMPARE(shape.parameter_count(), total);
    }
    // The reference's figure (§1) for i3-80M at vocabulary 35,560.
    int64_t total = 0;
    for (const auto& block : i3::model_blocks(i3::ModelConfig::preset("i3-80m")))
        total += block.parameters;
    QCOMPARE(total, int64_t(76861160));
}

void TestWeightStatistics::blockFlopsSumToTheModels()
{
    for (const auto& shape : {tiny_shape(), i3::ModelConfig::preset("i3-80m"), i3::ModelConfig::preset("i3-22m")}) {
        double sum = 0;
        int64_t matrices = 0;
        for (const auto& block : i3::model_blocks(shape)) {
            sum += i3::training_flops_per_token(block, shape);
            matrices += block.matrix_parameters;
        }
        QCOMPARE(sum, i3::training_flops_per_token(shape));
        QCOMPARE(matrices, i3::matrix_parameter_count(shape));
    }
    // Block by block for i3-80M, by hand: a hybrid block's A, B, C and feed-forward; an attention
    // block's qkv, out_proj, feed-forward and its scores over the context; the head's matrix.
    const auto shape = i3::ModelConfig::preset("i3-80m");
    const auto blocks = i3::model_blocks(shape);
    QCOMPARE(i3::training_flops_per_token(blocks[0], shape), 0.0);
    QCOMPARE(i3::training_flops_per_token(blocks[1], shape), 6.0 * (32 * 32 + 2 * 32 * 512 + 2 * 512 * 2048));
    QCOMPARE(i3::training_flops_per_token(blocks[11], shape),
             6.0 * (4 * 512 * 512 + 2 * 512 * 2048) + 6.0 * 256 * 512);
    QCOMPARE(i3::training_flops_per_token(blocks[17], shape), 6.0 * 35560 * 512);
}

void TestWeightStatistics::histogramByHand()
{
    const auto row = i3::tensor_histogram_row(torch::tensor({0.0, 0.1, 0.25, 0.5, 0.75, 1.0, 1.0}), 4);
    QCOMPARE(row.numel(), i3::histogram_row_size(4));
    const auto histogram = i3::histogram_from_row(row.contiguous().data_ptr<double>(), 4);
    QCOMPARE(histogram.low, 0.0);
    QCOMPARE(histogram.high, 1.0);
    QCOMPARE(histogram.counts, (std::vector<int64_t>{2, 1, 1, 3}));
    // All equal: one bar of width 1 around them, in the middle bin.
    const auto flat_row = i3::tensor_histogram_row(torch::full({2, 3}, -2.0f), 3);
    const auto flat = i3::histogram_from_row(flat_row.contiguous().data_ptr<double>(), 3);
    QCOMPARE(flat.low, -2.5);
    QCOMPARE(flat.high, -1.5);
    QCOMPARE(flat.counts, (std::vector<int64_t>{0, 6, 0}));
    QVERIFY(!i3test::error_of([] { i3::tensor_histogram_row(torch::zeros({0}), 4); }).empty());
}

void TestWeightStatistics::recorderAgainstHandComputation()
{
    const auto shape = tiny_shape();
    torch::manual_seed(3);
    i3::I3Model model(shape);
    i3::TrainConfig config;
    config.lr = 1e-2;
    config.weight_decay = 0.1;
    config.grad_clip = 0.05; // small enough to clip: the gradients recorded are the clipped ones
    auto optimizer = i3::make_optimizer(model, config);
    i3::TrainingStep step(model, *optimizer, config, /*cuda_graph=*/false);
    i3::WeightRecorder recorder(model, 8);
    const auto named = model->named_parameters();

    for (int64_t s = 1; s <= 2; ++s) {
        std::vector<std::vector<double>> before;
        for (const auto& item : named)
            before.push_back(values_of(item.value()));
        recorder.before_step();
        const i3::Batch batch = fixed_batch(shape, s);
        const double unclipped = step.run([&] { return batch; }, config.lr).grad_norm.item<double>();
        QVERIFY(unclipped > config.grad_clip);
        const auto line = recorder.record(s);
        const auto record = i3::WeightRecord::from_line(nlohmann::json::parse(line.dump()));
        QVERIFY(record);
        QCOMPARE(record->step, s);
        QCOMPARE(record->tensors.size(), named.size());

        double clipped_sum = 0;
        for (size_t i = 0; i < named.size(); ++i) {
            const auto& tensor = record->tensors[i];
            const auto& p = named[i].value();
            QCOMPARE(tensor.name, named[i].key());
            QCOMPARE(tensor.shape, p.sizes().vec());
            const auto weights = values_of(p);
            const auto grads = values_of(p.grad());
            std::vector<double> change(weights.size()), adamw(weights.size());
            for (size_t j = 0; j < weights.size(); ++j) {
                change[j] = weights[j] - before[i][j];
                // AdamW's first step: m̂ = g, v̂ = g², so the step is lr·(wd·w + g / (|g| + eps)).
                adamw[j] = config.lr * (config.weight_decay * before[i][j] + grads[j] / (std::abs(grads[j]) + config.eps));
            }
            QVERIFY2(close(tensor.weight_norm, naive_norm(weights), 1e-12), tensor.name.c_str());
            QVERIFY2(close(tensor.grad_norm, naive_norm(grads), 1e-12), tensor.name.c_str());
            QVERIFY2(close(tensor.update_norm, naive_norm(change), 1e-12), tensor.name.c_str());
            if (s == 1)
                QVERIFY2(close(tensor.update_norm, naive_norm(adamw), 1e-4), tensor.name.c_str());
            QVERIFY(close(tensor.update_ratio(), naive_norm(change) / naive_norm(weights), 1e-12));
            double low = 0, high = 0;
            QCOMPARE(tensor.weights.counts, naive_counts(weights, 8, &low, &high));
            QCOMPARE(tensor.weights.low, low);
            QCOMPARE(tensor.weights.high, high);
            QCOMPARE(tensor.grads.counts, naive_counts(grads, 8, &low, &high));
            QCOMPARE(tensor.grads.low, low);
            clipped_sum += tensor.grad_norm * tensor.grad_norm;
        }
        // clip_grad_norm_ scales by max_norm / (norm + 1e-6).
        QVERIFY(close(std::sqrt(clipped_sum), config.grad_clip * unclipped / (unclipped + 1e-6), 1e-5));

        // A block's statistics are its tensors' taken as one vector.
        const auto blocks = i3::model_blocks(shape);
        const auto hybrid = i3::block_statistics(*record, blocks[1]);
        std::vector<double> block_weights;
        for (size_t i = 0; i < named.size(); ++i)
            if (blocks[1].owns(named[i].key()))
                for (const double v : values_of(named[i].value()))
                    block_weights.push_back(v);
        QCOMPARE(hybrid.tensors, 13); // ln1, ln2 (2 each), ffn (4), w_mix, A, B, C, D
        QVERIFY(close(hybrid.weight_norm, naive_norm(block_weights), 1e-12));
    }
    QVERIFY(!i3test::error_of([&] { recorder.record(3); }).empty()); // no before_step()
}

void TestWeightStatistics::readerWaitsForAHalfWrittenLine()
{
    QTemporaryDir dir;
    const i3::RunFolder folder(dir.path().toStdString());
    const std::string first =
        R"({"step":2,"tensors":[{"name":"embed.weight","shape":[3,2],"weight_norm":2.0,"grad_norm":0.5,)"
        R"("update_norm":0.002,"weights":{"low":-1,"high":1,"counts":[2,4]},"grads":{"low":null,"high":0,"counts":[6,0]}}]})";
    const std::string second = R"({"step":4,"tensors":[]})";
    {
        std::ofstream out(folder.weights_file());
        out << first << "\nnot json\n" << second.substr(0, 10);
    }
    i3::MetricsFollower follower(folder.weights_file());
    auto update = follower.poll();
    QCOMPARE(update.lines.size(), size_t(1));
    const auto record = i3::WeightRecord::from_line(update.lines[0]);
    QVERIFY(record);
    QCOMPARE(record->tensors[0].size(), int64_t(6));
    QCOMPARE(record->tensors[0].update_ratio(), 0.001);
    QCOMPARE(record->tensors[0].weights.counts, (std::vector<int64_t>{2, 4}));
    QVERIFY(std::isnan(record->tensors[0].grads.low)); // null: not finite when recorded
    QVERIFY(record->find("head.weight") == nullptr);
    {
        std::ofstream out(folder.weights_file(), std::ios::app);
        out << second.substr(10) << "\n";
    }
    update = follower.poll();
    QCOMPARE(update.lines.size(), size_t(1));
    QCOMPARE(i3::WeightRecord::from_line(update.lines[0])->step, int64_t(4));
    QCOMPARE(i3::read_weight_records(dir.path().toStdString()).size(), size_t(2));
    QVERIFY(!i3::WeightRecord::from_line(nlohmann::json::parse(R"({"step":1,"tensors":[{"name":"x"}]})")));
}

void TestWeightStatistics::trainingWritesEveryNStepsAndResumeTrims()
{
    QTemporaryDir dir;
    const QString run = dir.filePath("run");
    auto shape = i3::ModelConfig::preset("tiny");
    shape.max_seq_len = 16;
    const auto texts = rhyme_texts();
    const auto config = quick(7);
    {
        i3::CancelToken cancel;
        i3::Trainer trainer(run.toStdString(), shape, config,
                            i3::prepare_training_data(texts, i3::ChunkTokenizer::build(texts), {"rhymes"}, config,
                                                      shape.max_seq_len));
        trainer.run([&](const i3::TrainEvent& event) {
            if (event.kind == i3::TrainEvent::Kind::Step && event.step == 5)
                cancel.cancel();
        }, &cancel);
    }
    QCOMPARE(recorded_steps(run), (std::vector<int64_t>{2, 4}));
    // A record after the checkpoint the resume starts from is trained again, so it goes.
    {
        std::ofstream out(i3::RunFolder(run.toStdString()).weights_file(), std::ios::app);
        out << R"({"step":6,"tensors":[]})" << "\n";
    }
    auto resumed = i3::Trainer::resume(run.toStdString());
    QCOMPARE(recorded_steps(run), (std::vector<int64_t>{2, 4}));
    resumed->run({});
    QCOMPARE(recorded_steps(run), (std::vector<int64_t>{2, 4, 6, 7})); // and the last step
    const auto records = i3::read_weight_records(run.toStdString());
    const i3::I3Model model(i3::read_model_config(i3::RunFolder(run.toStdString()).model_config_file()));
    const auto named = model->named_parameters();
    QCOMPARE(records.back().tensors.size(), named.size());
    for (size_t i = 0; i < named.size(); ++i) {
        QCOMPARE(records.back().tensors[i].name, named[i].key());
        QCOMPARE(records.back().tensors[i].size(), named[i].value().numel());
        QVERIFY(records.back().tensors[i].update_norm > 0);
    }
}

QTEST_GUILESS_MAIN(TestWeightStatistics)
#include "test_weight_statistics.moc"
