// SPDX-License-Identifier: GPL-3.0-or-later
#include "workbench_job.h"

#include "base/error.h"
#include "model/model_artifacts.h"

#include <torch/torch.h>

WorkbenchJob::WorkbenchJob(const QVector<WorkbenchRequest>& requests, const GenerationSettings& settings)
    : EngineJob(tr("Scoring tokens")), requests_(requests), settings_(settings)
{
    qRegisterMetaType<SharedTokenSequence>();
}

void WorkbenchJob::work()
{
    i3::GenerationOptions options;
    options.sampling = {settings_.temperature, settings_.topK, settings_.topP};
    options.max_new_tokens = settings_.maxNewTokens;
    options.seed = settings_.seed;
    torch::NoGradGuard no_grad;
    for (int part = 0; part < requests_.size(); ++part) {
        const WorkbenchRequest& request = requests_.at(part);
        if (request.model.isNull())
            throw i3::Error(tr("Load a model first.").toStdString());
        const auto progress = [&](int64_t done, int64_t total) {
            const double fraction = (part + double(done) / double(total)) / requests_.size();
            reportProgress(fraction, tr("Model %1 of %2: %L3 of %L4 tokens")
                                         .arg(part + 1)
                                         .arg(requests_.size())
                                         .arg(done)
                                         .arg(total));
        };
        i3::TokenWorkbench workbench(request.model.model->model, request.model.model->tokenizer);
        auto sequence = request.branchFrom
                            ? workbench.branch(*request.branchFrom, size_t(request.index), request.alternative,
                                               options.sampling, progress, &cancelToken())
                            : workbench.generate(settings_.prompt.toStdString(), options, progress, &cancelToken());
        const bool stopped = sequence.cancelled;
        Q_EMIT sequenceReady(request.side, std::make_shared<const i3::TokenSequence>(std::move(sequence)));
        if (stopped)
            return;
    }
}
