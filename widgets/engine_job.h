// SPDX-License-Identifier: GPL-3.0-or-later
// The one way the studio runs engine work: a job does its work() on its own thread, reports
// progress through queued signals, stops at cancel(), and turns any failure into a message.
// Panels own their jobs; the main window shows the current one in the status bar.
#pragma once

#include "base/cancel_token.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

class EngineJob : public QObject {
    Q_OBJECT
public:
    explicit EngineJob(const QString& title, QObject* parent = nullptr);
    // Cancels the work if it is still running and waits for its thread. Every subclass must do
    // the same in its own destructor (cancel(); wait();), since work() and the subclass's members
    // are gone by the time this one runs.
    ~EngineJob() override;

    QString title() const { return title_; }
    bool isRunning() const { return running_.load(); }
    bool wasCancelled() const { return cancel_.cancelled(); }

    // Starts work() on a new thread. A job runs once.
    void start();
    // Blocks until the work has returned (for tests and shutdown).
    void wait();

public slots:
    // Asks the work to stop at its next check; finished(true) follows.
    void cancel();

signals:
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

    void reportProgress(double fraction, const QString& message) { emit progress(fraction, message); }
    const i3::CancelToken& cancelToken() const { return cancel_; }
    // Converts engine text (UTF-8) for the interface.
    static QString fromEngine(const std::string& text) { return QString::fromStdString(text); }

private:
    void runWork();

    QString title_;
    i3::CancelToken cancel_;
    std::atomic<bool> running_{false};
    std::unique_ptr<QThread> thread_;
};
