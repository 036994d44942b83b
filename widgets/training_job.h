// SPDX-License-Identifier: GPL-3.0-or-later
// A training run on a worker thread: a new run from a TrainingRequest (through the engine's
// create_run: read the texts, build or load the tokenizer, encode, unless the Data panel's
// analysis of the same data already did; then train), or the continuation of a run folder. The trainer's events
// come out as plain values through queued signals; pause() and resume() hold the loop between
// optimizer steps.
#pragma once

#include "engine_job.h"
#include "engine_metatypes.h"
#include "base/pause_gate.h"
#include "fork_request.h"
#include "training_request.h"

#include <QString>

#include <memory>

class TrainingJob : public EngineJob {
    Q_OBJECT
public:
    // A new run into request.runFolder (absent or empty).
    explicit TrainingJob(const TrainingRequest& request);
    // Continues the run in `runFolder` from its latest checkpoint; `steps`, when positive,
    // replaces the planned number of steps.
    TrainingJob(const QString& runFolder, qint64 steps);
    // A fork of another run's checkpoint into request.runFolder.
    explicit TrainingJob(const ForkRequest& request);

    QString runFolder() const { return runFolder_; }
    bool isPaused() const { return gate_.paused(); }
    // Paused, and the step that was under way has finished: the trainer waits in the gate.
    bool isHolding() const { return gate_.holding(); }

public Q_SLOTS:
    // Holds the trainer before its next optimizer step (a step under way finishes first).
    void pause();
    void resume();

Q_SIGNALS:
    // The run folder exists and training begins; `summary` describes the model and the data.
    void trainingStarted(const QString& summary, qint64 step, qint64 total);
    // Something the user should know, such as a damaged checkpoint passed over on resuming.
    void noted(const QString& note);
    // A resumed run's metrics logged before its checkpoint, sent once before training begins.
    void history(const i3::RunMetrics& metrics);
    // A Step event: one logged optimizer step.
    void stepLogged(const i3::TrainEvent& step);
    // An Evaluation event: `loss` is the mean of the recent training losses, `validation_loss`
    // below 0 when the run has no validation split.
    void evaluated(const i3::TrainEvent& evaluation);
    // `text`: the prompt as given and the continuation (i3::RunSample::as_typed).
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

    enum class Start { New, Resume, Fork };
    const TrainingRequest request_;
    const ForkRequest fork_;
    const QString runFolder_;
    const qint64 resumeSteps_ = 0;
    const Start start_ = Start::New;
    i3::PauseGate gate_;
};
