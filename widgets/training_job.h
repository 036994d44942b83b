// SPDX-License-Identifier: GPL-3.0-or-later
// A training run on a worker thread: a new run from a TrainingRequest (read the texts, build or
// load the tokenizer, encode, train), or the continuation of a run folder. The trainer's events
// come out as plain values through queued signals; pause() and resume() hold the loop between
// optimizer steps.
#pragma once

#include "engine_job.h"
#include "base/pause_gate.h"
#include "runs/run_catalog.h"
#include "training_request.h"

#include <QMetaType>
#include <QString>

#include <memory>

namespace i3 {
class Trainer;
struct TrainEvent;
} // namespace i3

// One logged optimizer step.
struct TrainingStep {
    qint64 step = 0;
    qint64 total = 0;
    double loss = 0;
    double perplexity = 0;
    double lr = 0;
    double gradNorm = 0;
    double tokensPerSecond = 0;
    double elapsedSeconds = 0; // training time of the whole run, pauses left out
    double etaSeconds = 0;
};
Q_DECLARE_METATYPE(TrainingStep)

// One evaluation on the held-out tokens.
struct TrainingEvaluation {
    qint64 step = 0;
    double trainLossMean = 0;  // of the recent training steps
    double validationLoss = 0; // NaN when the run has no validation split
    bool isBest = false;
};
Q_DECLARE_METATYPE(TrainingEvaluation)

Q_DECLARE_METATYPE(i3::RunMetrics)

class TrainingJob : public EngineJob {
    Q_OBJECT
public:
    // A new run into request.runFolder (absent or empty).
    explicit TrainingJob(const TrainingRequest& request);
    // Continues the run in `runFolder` from its latest checkpoint; `steps`, when positive,
    // replaces the planned number of steps.
    TrainingJob(const QString& runFolder, qint64 steps);

    QString runFolder() const { return runFolder_; }
    bool isResume() const { return resume_; }
    bool isPaused() const { return gate_.paused(); }

public slots:
    // Holds the trainer before its next optimizer step (a step under way finishes first).
    void pause();
    void resume();

signals:
    // The run folder exists and training begins; `summary` describes the model and the data.
    void trainingStarted(const QString& summary, qint64 step, qint64 total);
    // A resumed run's metrics logged before its checkpoint, sent once before training begins.
    void history(const i3::RunMetrics& metrics);
    void stepLogged(const TrainingStep& step);
    void evaluated(const TrainingEvaluation& evaluation);
    void sampleGenerated(qint64 step, const QString& text);
    void checkpointSaved(qint64 step, const QString& folder);
    // The trainer stopped: `completed` when every planned step is done (`path` holds the exported
    // model), otherwise it was stopped and can be resumed (`path` is the run folder).
    void trainingEnded(qint64 step, bool completed, const QString& path);
    void pausedChanged(bool paused);

protected:
    void work() override;

private:
    static void registerTypes();
    std::unique_ptr<i3::Trainer> prepareNewRun();
    void forward(const i3::TrainEvent& event);
    // Reports a preparation phase, and stops there when the job was cancelled.
    void reportPreparation(const QString& message, double fraction = -1);

    const TrainingRequest request_;
    const QString runFolder_;
    const qint64 resumeSteps_ = 0;
    const bool resume_ = false;
    i3::PauseGate gate_;
};
