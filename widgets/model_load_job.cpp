// SPDX-License-Identifier: GPL-3.0-or-later
#include "model_load_job.h"

#include "device_name.h"
#include "download_text.h"

#include "telemetry/device_telemetry.h"
#include "base/error.h"
#include "hub/hub_client.h"
#include "hub/hub_settings.h"
#include "model/model_artifacts.h"
#include "runs/run_snapshot.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>
#include <QTemporaryDir>

ModelLoadJob::ModelLoadJob(Source source, const QString& path, const QString& device)
    : EngineJob(tr("Loading a model")), source_(source), path_(path), device_(device)
{
    qRegisterMetaType<ModelHandle>();
}

void ModelLoadJob::work()
{
    const std::string device = device_.toStdString();
    ModelHandle handle;
    if (source_ == Source::ModelFolder) {
        reportProgress(-1, tr("Loading %1…").arg(QDir::toNativeSeparators(path_)));
        handle.model = std::make_shared<i3::LoadedModel>(i3::load_model_folder(path_.toStdString(), device));
        handle.folder = path_;
    } else if (source_ == Source::HubRepo) {
        const std::string folder = downloadHubModel();
        reportProgress(-1, tr("Loading %1…").arg(path_));
        handle.model = std::make_shared<i3::LoadedModel>(i3::load_model_folder(folder, device));
        handle.folder = QString::fromStdString(folder);
    } else {
        // The snapshot only has to live until the weights are in memory.
        QTemporaryDir snapshot(QDir::temp().filePath("i3-studio-checkpoint-XXXXXX"));
        if (!snapshot.isValid())
            throw i3::Error(tr("Could not create a temporary folder for the checkpoint: %1")
                                .arg(snapshot.errorString())
                                .toStdString());
        reportProgress(-1, tr("Copying the latest checkpoint of %1…").arg(QDir::toNativeSeparators(path_)));
        i3::snapshot_run_checkpoint(path_.toStdString(), snapshot.path().toStdString(), i3::RunCheckpoint::Latest);
        reportProgress(-1, tr("Loading the checkpoint…"));
        handle.model = std::make_shared<i3::LoadedModel>(i3::load_model_folder(snapshot.path().toStdString(), device));
    }
    handle.description = describe(*handle.model);
    Q_EMIT loaded(handle);
}

// The repo's files, with their progress as the job's; the job's Cancel stops the download, and a
// file cut short waits in the cache to be resumed.
std::string ModelLoadJob::downloadHubModel()
{
    const i3::HubRepo repo{i3::RepoType::model, path_.toStdString()};
    i3::check_repo_id(repo);
    i3::DownloadCallbacks callbacks;
    callbacks.cancel = &cancelToken();
    callbacks.progress = [this](const i3::DownloadProgress& progress) {
        reportProgress(DownloadText::fraction(progress), DownloadText::describe(path_, progress));
    };
    reportProgress(-1, tr("Asking the Hugging Face Hub for %1…").arg(path_));
    i3::HubClient hub(i3::hub_settings_from_environment());
    return hub.download(repo, "main", {}, callbacks).string();
}

QString ModelLoadJob::describe(const i3::LoadedModel& model) const
{
    const QString name = QFileInfo(path_).fileName();
    const QString source = source_ == Source::ModelFolder ? tr("Model “%1”").arg(name)
                           : source_ == Source::HubRepo   ? tr("Hub model “%1”").arg(path_)
                                                          : tr("Latest checkpoint of run “%1”").arg(name);
    const auto& config = model.config;
    QStringList lines;
    lines << tr("%1: %2 hybrid + %3 attention layers, d_model %4, %5 heads, d_state %6, context %L7, "
                "vocabulary %L8; %L9 parameters, on %10.")
                 .arg(source)
                 .arg(config.hybrid_layers)
                 .arg(config.attn_layers)
                 .arg(config.d_model)
                 .arg(config.n_heads)
                 .arg(config.d_state)
                 .arg(config.max_seq_len)
                 .arg(config.vocab_size)
                 .arg(config.parameter_count())
                 .arg(deviceName(device_));
    for (const auto& note : model.notes)
        lines << tr("Note: %1").arg(QString::fromStdString(note));
    return lines.join('\n');
}
