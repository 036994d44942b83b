// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine_job.h"

#include "base/cpu_threads.h"
#include "base/error.h"

#include <exception>
#include <new>

EngineJob::EngineJob(const QString& title) : title_(title) {}

void EngineJob::cancel() { cancel_.cancel(); }

void EngineJob::run()
{
    Q_EMIT started();
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
    if (!failure.isEmpty())
        Q_EMIT failed(failure);
    Q_EMIT finished(failure.isEmpty() && cancel_.cancelled());
}
