// SPDX-License-Identifier: GPL-3.0-or-later
// The Playground's engine work: loading a model (an exported folder, or a snapshot of a run's
// latest checkpoint so that loading never races the trainer writing the next one) and generating
// text from it, token by token, on a worker thread.
#pragma once

#include "engine_job.h"
#include "engine_metatypes.h"

#include <QMetaType>
#include <QString>

#include <memory>

namespace i3 {
struct LoadedModel;
}

// A model in memory, shared by the panel and the job generating with it. Cheap to copy.
struct ModelHandle {
    std::shared_ptr<i3::LoadedModel> model;
    QString description; // where it came from, its shape and size, and anything the user should know

    bool isNull() const { return !model; }
};
Q_DECLARE_METATYPE(ModelHandle)

class ModelLoadJob : public EngineJob {
    Q_OBJECT
public:
    enum class Source {
        ModelFolder,  // config.json + weights + tokenizer.json, as exported or downloaded
        RunCheckpoint // a run folder: its latest checkpoint, copied first
    };
    // `device`: "cpu", "cuda:0", ...
    ModelLoadJob(Source source, const QString& path, const QString& device);

Q_SIGNALS:
    void loaded(const ModelHandle& model);

protected:
    void work() override;

private:
    QString describe(const i3::LoadedModel& model) const;

    const Source source_;
    const QString path_;
    const QString device_;
};

struct GenerationSettings {
    QString prompt;
    double temperature = 0.8;
    int topK = 50;     // 0: no top-k cut
    double topP = 1.0; // 1: no top-p cut
    int maxNewTokens = 100;
    quint64 seed = 0;
};

// Generates once. Only one GenerationJob may use a model at a time (the model is not re-entrant).
class GenerationJob : public EngineJob {
    Q_OBJECT
public:
    GenerationJob(const ModelHandle& model, const GenerationSettings& settings);

Q_SIGNALS:
    // tokensPerSecond: new tokens so far over the time since generation began (the prompt's
    // forward pass included).
    void tokenGenerated(const i3::GeneratedToken& token, double tokensPerSecond);
    // After the last token, also when stopped early; newText is the decoded new tokens.
    void generationDone(const QString& newText, qint64 tokenCount, double tokensPerSecond);

protected:
    void work() override;

private:
    const ModelHandle model_;
    const GenerationSettings settings_;
};
