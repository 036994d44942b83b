// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation_job.h"

#include "base/error.h"
#include "generation/generator.h"
#include "model/model_artifacts.h"

#include <torch/torch.h>

#include <chrono>

GenerationJob::GenerationJob(const ModelHandle& model, const GenerationSettings& settings)
    : EngineJob(tr("Generating text")), model_(model), settings_(settings)
{
    qRegisterMetaType<i3::GeneratedToken>();
}

void GenerationJob::work()
{
    using Clock = std::chrono::steady_clock;
    if (model_.isNull())
        throw i3::Error(tr("Load a model first.").toStdString());
    torch::NoGradGuard no_grad;
    i3::Generator generator(model_.model->model, model_.model->tokenizer);

    i3::GenerationOptions options;
    if (settings_.greedy) {
        options.sampling = i3::greedy_sampling();
    } else {
        options.sampling.temperature = settings_.temperature;
        options.sampling.top_k = settings_.topK;
        options.sampling.top_p = settings_.topP;
    }
    options.max_new_tokens = settings_.maxNewTokens;
    options.seed = settings_.seed;

    const auto start = Clock::now();
    const auto rate = [&start](qint64 tokens) {
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        return seconds > 0 ? tokens / seconds : 0.0;
    };
    qint64 count = 0;
    const auto result = generator.generate(
        settings_.prompt.toStdString(), options,
        [&](const i3::GeneratedToken& token) {
            ++count;
            Q_EMIT tokenGenerated(token, rate(count));
            reportProgress(double(count) / settings_.maxNewTokens,
                           tr("%L1 of %L2 tokens").arg(count).arg(settings_.maxNewTokens));
        },
        &cancelToken());
    Q_EMIT generationDone(fromEngine(model_.model->tokenizer.decode(result.new_ids)), count, rate(count));
}
