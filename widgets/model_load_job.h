// SPDX-License-Identifier: GPL-3.0-or-later
// Loads a model for the Playground on a worker thread: an exported folder, a snapshot of a run's
// latest checkpoint (so that loading never races the trainer writing the next one), or a Hub
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
        RunCheckpoint, // a run folder: its latest checkpoint, copied first
        HubRepo        // "owner/name" on the Hugging Face Hub (HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE apply)
    };
    // `device`: "cpu", "cuda:0", ...
    ModelLoadJob(Source source, const QString& path, const QString& device);

Q_SIGNALS:
    void loaded(const ModelHandle& model);

protected:
    void work() override;

private:
    QString describe(const i3::LoadedModel& model) const;
    std::string downloadHubModel();

    const Source source_;
    const QString path_;
    const QString device_;
};
