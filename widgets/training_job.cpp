// SPDX-License-Identifier: GPL-3.0-or-later
#include "training_job.h"

#include "data_job.h"
#include "download_text.h"

#include "base/error.h"
#include "training/run_creation.h"
#include "training/trainer.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace {

// The metrics logged up to `last_step`: a run that was not stopped cleanly logged steps after its
// last checkpoint, and the resumed trainer logs those steps again.
i3::RunMetrics metrics_up_to(const i3::RunMetrics& all, double last_step)
{
    i3::RunMetrics kept;
    for (size_t i = 0; i < all.step.size(); ++i) {
        if (all.step[i] > last_step)
            continue;
        kept.step.push_back(all.step[i]);
        kept.loss.push_back(all.loss[i]);
        kept.perplexity.push_back(all.perplexity[i]);
        kept.lr.push_back(all.lr[i]);
        kept.grad_norm.push_back(all.grad_norm[i]);
        kept.tokens_per_second.push_back(all.tokens_per_second[i]);
        kept.rank_tokens_per_second.push_back(all.rank_tokens_per_second[i]);
        kept.elapsed_seconds.push_back(all.elapsed_seconds[i]);
    }
    for (size_t i = 0; i < all.eval_step.size(); ++i) {
        if (all.eval_step[i] > last_step)
            continue;
        kept.eval_step.push_back(all.eval_step[i]);
        kept.train_loss_mean.push_back(all.train_loss_mean[i]);
        kept.validation_loss.push_back(all.validation_loss[i]);
        kept.eval_elapsed_seconds.push_back(all.eval_elapsed_seconds[i]);
    }
    return kept;
}

} // namespace

TrainingJob::TrainingJob(const TrainingRequest& request)
    : EngineJob(tr("Training")), request_(request), runFolder_(request.runFolder)
{
    registerTypes();
}

TrainingJob::TrainingJob(const QString& runFolder, qint64 steps)
    : EngineJob(tr("Training")), runFolder_(runFolder), resumeSteps_(steps), start_(Start::Resume)
{
    registerTypes();
}

TrainingJob::TrainingJob(const ForkRequest& request)
    : EngineJob(tr("Training")), fork_(request), runFolder_(request.runFolder), start_(Start::Fork)
{
    registerTypes();
}

// The signals' structs cross threads through queued connections.
void TrainingJob::registerTypes()
{
    qRegisterMetaType<i3::TrainEvent>();
    qRegisterMetaType<i3::RunMetrics>();
}

void TrainingJob::pause()
{
    gate_.pause();
    Q_EMIT pausedChanged(true);
}

void TrainingJob::resume()
{
    gate_.resume();
    Q_EMIT pausedChanged(false);
}

void TrainingJob::reportPreparation(const QString& message, double fraction)
{
    if (cancelToken().cancelled())
        throw i3::Cancelled();
    reportProgress(fraction, message);
}

void TrainingJob::work()
{
    std::unique_ptr<i3::Trainer> trainer;
    if (start_ == Start::Fork) {
        reportPreparation(tr("Loading the checkpoint to fork from…"));
        trainer = i3::fork_run(fork_.toSpec());
    } else if (start_ == Start::Resume) {
        reportPreparation(tr("Loading the latest checkpoint…"));
        trainer = i3::Trainer::resume(runFolder_.toStdString(), resumeSteps_);
        try {
            Q_EMIT history(metrics_up_to(i3::read_run_metrics(runFolder_.toStdString()),
                                       static_cast<double>(trainer->completed_steps())));
        } catch (const i3::Error&) {
            // Without readable history the plots start at the checkpoint; training is unaffected.
        }
    } else {
        trainer = prepareNewRun();
    }
    reportPreparation(tr("Training…"));
    trainer->run([this](const i3::TrainEvent& event) { forward(event); }, &cancelToken(), &gate_);
}

std::unique_ptr<i3::Trainer> TrainingJob::prepareNewRun()
{
    i3::RunCreationCallbacks callbacks;
    callbacks.progress = [this](i3::PreparationPhase phase, double fraction) {
        reportPreparation(DataJob::phaseText(phase), fraction);
    };
    // Not reportPreparation: this runs inside the download, which stops at the cancel token itself.
    callbacks.download.progress = [this](const i3::DownloadProgress& progress) {
        reportProgress(DownloadText::fraction(progress), DownloadText::describe(request_.data.hub.repo, progress));
    };
    return i3::create_run(request_.toSpec(), callbacks, &cancelToken());
}

// Turns one trainer event into the matching signal; runs on the job's thread.
void TrainingJob::forward(const i3::TrainEvent& event)
{
    using Kind = i3::TrainEvent::Kind;
    switch (event.kind) {
    case Kind::Started:
        Q_EMIT trainingStarted(fromEngine(event.text), event.step, event.total_steps);
        break;
    case Kind::Note:
        Q_EMIT noted(fromEngine(event.text));
        break;
    case Kind::Step:
        Q_EMIT stepLogged(event);
        if (event.total_steps > 0)
            reportProgress(double(event.step) / double(event.total_steps),
                           tr("Step %1 / %2").arg(event.step).arg(event.total_steps));
        break;
    case Kind::Evaluation:
        Q_EMIT evaluated(event);
        break;
    case Kind::Sample:
        Q_EMIT sampleGenerated(event.step, fromEngine(event.sample.as_typed()));
        break;
    case Kind::Checkpoint:
        Q_EMIT checkpointSaved(event.step, QString::fromStdString(event.path.string()));
        break;
    case Kind::Finished:
        Q_EMIT trainingEnded(event.step, !event.cancelled, QString::fromStdString(event.path.string()));
        break;
    }
}
