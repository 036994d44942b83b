// SPDX-License-Identifier: GPL-3.0-or-later
// The Playground's generation: text from a loaded model, token by token, on a worker thread.
#pragma once

#include "engine_job.h"
#include "engine_metatypes.h"
#include "generation_settings.h"
#include "model_handle.h"

#include <QString>

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
