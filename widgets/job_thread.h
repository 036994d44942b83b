// SPDX-License-Identifier: GPL-3.0-or-later
// The owner of one job and of the thread it runs on, in the shape of Qt's mandelbrot RenderThread:
// destroying it cancels the job and joins the thread before the job itself goes, so no job has to
// stop its own work in its destructor. The job is made in place from the constructor's arguments
// and runs once. A JobThread is a QObject only so that a panel can deleteLater() it once the
// job's finished() has been delivered (queued signals of the job may still be on their way).
#pragma once

#include "engine_job.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <utility>

template <class Job>
class JobThread final : public QObject {
public:
    template <class... Args>
    explicit JobThread(Args&&... args) : job_(std::forward<Args>(args)...)
    {
    }

    ~JobThread() override
    {
        job_.cancel();
        wait();
    }

    Job& job() { return job_; }
    const Job& job() const { return job_; }

    // Starts the job's work on a new thread; a second call does nothing.
    void start()
    {
        if (thread_)
            return;
        thread_.reset(QThread::create([this] { job_.run(); }));
        thread_->setObjectName(job_.title());
        thread_->start();
    }

    // Blocks until the work has returned (for tests and shutdown).
    void wait()
    {
        if (thread_)
            thread_->wait();
    }

private:
    Job job_; // declared before the thread, and only destroyed once ~JobThread has joined it
    std::unique_ptr<QThread> thread_;
};
