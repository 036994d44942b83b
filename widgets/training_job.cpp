// SPDX-License-Identifier: GPL-3.0-or-later
#include "training_job.h"

#include "text/chunk_tokenizer.h"
#include "base/error.h"
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
        kept.elapsed_seconds.push_back(all.elapsed_seconds[i]);
    }
    for (size_t i = 0; i < all.eval_step.size(); ++i) {
        if (all.eval_step[i] > last_step)
            continue;
        kept.eval_step.push_back(all.eval_step[i]);
        kept.train_loss_mean.push_back(all.train_loss_mean[i]);
        kept.validation_loss.push_back(all.validation_loss[i]);
    }
    return kept;
}

// A new run needs a folder of its own: refusing a full one early keeps files of other work safe.
void check_new_run_folder(const QString& folder)
{
    if (folder.isEmpty())
        throw i3::Error("no run folder chosen");
    const fs::path path(folder.toStdString());
    std::error_code error;
    if (!fs::exists(path, error))
        return;
    if (!fs::is_directory(path, error))
        throw i3::Error(path.string() + " is a file, not a folder; choose a folder for the run");
    if (!fs::is_empty(path, error))
        throw i3::Error(path.string() + " is not empty; choose a new folder for the run");
}

} // namespace

TrainingJob::TrainingJob(const TrainingRequest& request)
    : EngineJob(tr("Training")), request_(request), runFolder_(request.runFolder)
{
    registerTypes();
}

TrainingJob::TrainingJob(const QString& runFolder, qint64 steps)
    : EngineJob(tr("Training")), runFolder_(runFolder), resumeSteps_(steps), resume_(true)
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
    if (resume_) {
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
    // Check the settings before minutes of reading and encoding; the vocabulary comes later.
    i3::ModelConfig model = request_.model;
    model.vocab_size = 2;
    model.validate();
    i3::TrainConfig train = request_.train;
    train.validation_fraction = request_.data.validationFraction;
    train.validate();
    check_new_run_folder(runFolder_);

    reportPreparation(tr("Reading the texts…"));
    std::vector<std::string> texts = readChosenTexts(request_.data, &cancelToken());

    i3::ChunkTokenizer tokenizer;
    if (!request_.data.tokenizerFile.isEmpty()) {
        reportPreparation(tr("Loading the tokenizer…"));
        tokenizer = i3::ChunkTokenizer::load(request_.data.tokenizerFile.toStdString());
    } else {
        reportPreparation(tr("Building the tokenizer…"), 0);
        tokenizer = i3::ChunkTokenizer::build(texts, {}, [this](size_t done, size_t total) {
            reportPreparation(tr("Building the tokenizer…"), total > 0 ? double(done) / double(total) : -1);
        });
    }

    reportPreparation(tr("Encoding %n text(s)…", "", static_cast<int>(texts.size())));
    i3::TrainingData data = i3::prepare_training_data(std::move(texts), std::move(tokenizer),
                                                      request_.data.sourceDescriptions(), train,
                                                      model.max_seq_len, &cancelToken());
    reportPreparation(tr("Creating the run folder…"));
    return std::make_unique<i3::Trainer>(runFolder_.toStdString(), request_.model, train, std::move(data));
}

// Turns one trainer event into the matching signal; runs on the job's thread.
void TrainingJob::forward(const i3::TrainEvent& event)
{
    using Kind = i3::TrainEvent::Kind;
    switch (event.kind) {
    case Kind::Started:
        Q_EMIT trainingStarted(fromEngine(event.text), event.step, event.total_steps);
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
        Q_EMIT sampleGenerated(event.step, fromEngine(event.text));
        break;
    case Kind::Checkpoint:
        Q_EMIT checkpointSaved(event.step, QString::fromStdString(event.path.string()));
        break;
    case Kind::Finished:
        Q_EMIT trainingEnded(event.step, !event.cancelled, QString::fromStdString(event.path.string()));
        break;
    }
}
