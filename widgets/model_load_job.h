// SPDX-License-Identifier: GPL-3.0-or-later
// Loads a model for the Playground on a worker thread: an exported folder, a snapshot of a run's
// latest or chosen checkpoint (so that loading never races the trainer writing the next one), or a Hub
// model repo, downloaded first into the Hugging Face cache it shares with Python.
#pragma once

#include "engine_job.h"
#include "model_handle.h"

#include <QString>

class ModelLoadJob : public EngineJob {
    Q_OBJECT
public:
    enum class Source {
        ModelFolder,  // config.json + weights + tokenizer.json, as exported or downloaded
        RunCheckpoint, // a run folder: its latest checkpoint or the one chosen, copied first
        HubRepo        // "owner/name" on the Hugging Face Hub (HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE apply)
    };
    // `device`: "cpu", "cuda:0", ...; `checkpoint`: for RunCheckpoint, a checkpoint folder of the
    // run (i3::saved_checkpoints), empty for its latest.
    ModelLoadJob(Source source, const QString& path, const QString& device, const QString& checkpoint = QString());

Q_SIGNALS:
    void loaded(const ModelHandle& model);

protected:
    void work() override;

private:
    QString describe(const ModelHandle& handle) const;
    std::string downloadHubModel();
    void loadRunCheckpoint(ModelHandle& handle);

    const Source source_;
    const QString path_;
    const QString device_;
    const QString checkpoint_;
};
