// SPDX-License-Identifier: GPL-3.0-or-later
// The one way the studio runs engine work: a job does its work() on the thread of the JobThread
// that owns it, reports progress through queued signals, stops at cancel(), and turns any
// failure into a message. A job holds no thread: its owner starts, cancels and joins it.
// Panels own their jobs; the main window shows the current one in the status bar.
#pragma once

#include "base/cancel_token.h"

#include <QObject>
#include <QString>

#include <string>

template <class Job>
class JobThread;

class EngineJob : public QObject {
    Q_OBJECT
public:
    explicit EngineJob(const QString& title);

    QString title() const { return title_; }
    bool wasCancelled() const { return cancel_.cancelled(); }

public Q_SLOTS:
    // Asks the work to stop at its next check; finished(true) follows.
    void cancel();

Q_SIGNALS:
    void started();
    // fraction in [0, 1], or below 0 when the amount of work is unknown.
    void progress(double fraction, const QString& message);
    // A readable reason; finished(false) follows.
    void failed(const QString& message);
    // Always the last signal of a job.
    void finished(bool cancelled);

protected:
    // Runs on the job's thread. Throwing i3::Error (or any std::exception) reports failed();
    // throwing i3::Cancelled, or returning after cancellation, reports a clean stop.
    virtual void work() = 0;

    void reportProgress(double fraction, const QString& message) { Q_EMIT progress(fraction, message); }
    const i3::CancelToken& cancelToken() const { return cancel_; }
    // Converts engine text (UTF-8) for the interface.
    static QString fromEngine(const std::string& text) { return QString::fromStdString(text); }

private:
    template <class Job>
    friend class JobThread;
    // work() between started() and finished(), on the calling thread; only JobThread calls it.
    void run();

    const QString title_;
    i3::CancelToken cancel_;
};
