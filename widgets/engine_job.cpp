// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine_job.h"

#include "base/cpu_threads.h"
#include "base/error.h"

#include <QThread>

#include <exception>
#include <new>

EngineJob::EngineJob(const QString& title, QObject* parent) : QObject(parent), title_(title) {}

EngineJob::~EngineJob()
{
    cancel();
    wait();
}

void EngineJob::start()
{
    if (thread_)
        return;
    running_.store(true);
    thread_.reset(QThread::create([this] { runWork(); }));
    thread_->setObjectName(title_);
    thread_->start();
}

void EngineJob::wait()
{
    if (thread_)
        thread_->wait();
}

void EngineJob::cancel() { cancel_.cancel(); }

void EngineJob::runWork()
{
    emit started();
    QString failure;
    try {
        i3::use_available_cpus();
        work();
    } catch (const i3::Cancelled&) {
    } catch (const std::bad_alloc&) {
        failure = tr("Out of memory: try a smaller model, batch or context.");
    } catch (const std::exception& error) {
        failure = QString::fromStdString(error.what());
    } catch (...) {
        failure = tr("The job failed for an unknown reason.");
    }
    running_.store(false);
    if (!failure.isEmpty())
        emit failed(failure);
    emit finished(failure.isEmpty() && cancel_.cancelled());
}
