// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspection_job.h"

#include "base/error.h"
#include "model/model_artifacts.h"

InspectionJob::InspectionJob(const ModelHandle& model, const QString& prompt)
    : EngineJob(tr("Inspecting the model")), model_(model), prompt_(prompt)
{
    qRegisterMetaType<PromptInspection>();
}

void InspectionJob::work()
{
    if (model_.isNull())
        throw i3::Error(tr("Load a model first.").toStdString());
    const auto& tokenizer = model_.model->tokenizer;
    const auto ids = tokenizer.encode(prompt_.toStdString());
    if (ids.empty())
        throw i3::Error(tr("Type a prompt first.").toStdString());
    const auto context = model_.model->config.max_seq_len;
    if (static_cast<int64_t>(ids.size()) > context)
        throw i3::Error(tr("The prompt has %Ln tokens; the model's context holds %L1.", "", int(ids.size()))
                            .arg(context)
                            .toStdString());
    reportProgress(0, tr("Inspecting %Ln tokens…", "", int(ids.size())));
    auto inspection = i3::inspect_model(
        model_.model->model, ids,
        [this](int64_t done, int64_t blocks) {
            reportProgress(double(done) / double(blocks), tr("Block %1 of %2").arg(done).arg(blocks));
        },
        &cancelToken());
    PromptInspection result;
    for (const auto id : ids)
        result.tokens << fromEngine(tokenizer.token_text(id));
    result.inspection = std::make_shared<const i3::ModelInspection>(std::move(inspection));
    Q_EMIT inspected(result);
}
